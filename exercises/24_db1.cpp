// Step 24 of 28: db1. The note: docs/steps/24_db1.md
//
// Forward:  hprebn = embcat @ W1 + b1
// Shapes:   dhprebn (n, 64) -> db1 (64,)
// Check:    ctest --preset exercises -R 24_db1
#include "backprop/steps.h"

namespace backprop {

RowVector db1(const Matrix& dhprebn) {
  // TODO: return the gradient of the loss with respect to b1: db1 has the shape of b1.
  throw NotDone("db1");
}

}  // namespace backprop
