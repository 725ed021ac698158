// Step 23 of 28: dW1. The note: docs/steps/23_dW1.md
//
// Forward:  hprebn = embcat @ W1 + b1
// Shapes:   embcat (n, 30), dhprebn (n, 64) -> dW1 (30, 64)
// Check:    build/exercises/kata run dW1   (from the repository root: rebuilds, then checks this step)
#include "backprop/steps.h"

namespace backprop {

Matrix dW1(const Matrix& embcat, const Matrix& dhprebn) {
  // TODO: return the gradient of the loss with respect to W1: dW1 has the shape of W1.
  throw NotDone("dW1");
}

}  // namespace backprop
