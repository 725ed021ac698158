// Step 27 of 28: cross_entropy_backward. The note: docs/steps/27_cross_entropy_backward.md
//
// Forward:  loss = F.cross_entropy(logits, Yb)
// Shapes:   logits (n, 27), Yb (n,) -> dlogits (n, 27)
// Check:    build/exercises/kata run cross_entropy_backward   (from the repository root: rebuilds, then checks this
// step)
#include "backprop/steps.h"

namespace backprop {

Matrix cross_entropy_backward(const Matrix& logits, const IndexVector& Yb) {
  // TODO: return the gradient of the loss with respect to logits: dlogits has the shape of logits.
  throw NotDone("cross_entropy_backward");
}

}  // namespace backprop
