// Step 11 of 28: db2. The note: docs/steps/11_db2.md
//
// Forward:  logits = h @ W2 + b2
// Shapes:   dlogits (n, 27) -> db2 (1, 27)
// Check:    build/exercises/kata run db2   (from the repository root: rebuilds, then checks this step)
#include "backprop/steps.h"

namespace backprop {

RowVector db2(const Matrix& dlogits) {
  // TODO: return the gradient of the loss with respect to b2: db2 has the shape of b2.
  throw NotDone("db2");
}

}  // namespace backprop
