// Step 9 of 28: dh. The note: docs/steps/09_dh.md
//
// Forward:  logits = h @ W2 + b2
// Shapes:   W2 (64, 27), dlogits (n, 27) -> dh (n, 64)
// Check:    build/exercises/kata run dh   (from the repository root: rebuilds, then checks this step)
#include "backprop/steps.h"

namespace backprop {

Matrix dh(const Matrix& W2, const Matrix& dlogits) {
  // TODO: return the gradient of the loss with respect to h: dh has the shape of h.
  throw NotDone("dh");
}

}  // namespace backprop
