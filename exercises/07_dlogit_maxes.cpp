// Step 7 of 28: dlogit_maxes. The note: docs/steps/07_dlogit_maxes.md
//
// Forward:  norm_logits = logits - logit_maxes
// Shapes:   dnorm_logits (n, 27) -> dlogit_maxes (n, 1)
// Check:    build/exercises/kata run dlogit_maxes   (from the repository root: rebuilds, then checks this step)
#include "backprop/steps.h"

namespace backprop {

ColVector dlogit_maxes(const Matrix& dnorm_logits) {
  // TODO: return the gradient of the loss with respect to logit_maxes: dlogit_maxes has the shape of logit_maxes.
  throw NotDone("dlogit_maxes");
}

}  // namespace backprop
