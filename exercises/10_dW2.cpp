// Step 10 of 28: dW2. The note: docs/steps/10_dW2.md
//
// Forward:  logits = h @ W2 + b2
// Shapes:   h (n, 64), dlogits (n, 27) -> dW2 (64, 27)
// Check:    build/exercises/kata run dW2   (from the repository root: rebuilds, then checks this step)
#include "backprop/steps.h"

namespace backprop {

Matrix dW2(const Matrix& h, const Matrix& dlogits) {
  // TODO: return the gradient of the loss with respect to W2: dW2 has the shape of W2.
  throw NotDone("dW2");
}

}  // namespace backprop
