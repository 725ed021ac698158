// Step 8 of 28: dlogits. The note: docs/steps/08_dlogits.md
//
// Forward:  norm_logits = logits - logit_maxes; logit_maxes = logits.max(1, keepdim=True).values
// Shapes:   logits (n, 27), dnorm_logits (n, 27), dlogit_maxes (n, 1) -> dlogits (n, 27)
// Check:    build/exercises/kata run dlogits   (from the repository root: rebuilds, then checks this step)
#include "backprop/steps.h"

namespace backprop {

Matrix dlogits(const Matrix& logits, const Matrix& dnorm_logits, const ColVector& dlogit_maxes) {
  // TODO: return the gradient of the loss with respect to logits: dlogits has the shape of logits.
  throw NotDone("dlogits");
}

}  // namespace backprop
