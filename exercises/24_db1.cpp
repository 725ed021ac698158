// Step 24 of 28: db1. The note: docs/steps/24_db1.md
//
// Forward:  hprebn = embcat @ W1 + b1
// Shapes:   dhprebn (n, 64) -> db1 (1, 64)
// Check:    build/exercises/kata run db1   (from the repository root: rebuilds, then checks this step)
#include "backprop/steps.h"

namespace backprop {

RowVector db1(const Matrix& dhprebn) {
  // TODO: return the gradient of the loss with respect to b1: db1 has the shape of b1.
  throw NotDone("db1");
}

}  // namespace backprop
