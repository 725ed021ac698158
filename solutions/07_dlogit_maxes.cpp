// Step 7 of 28: dlogit_maxes. The note: docs/steps/07_dlogit_maxes.md
//
// Forward:  norm_logits = logits - logit_maxes
// Shapes:   dnorm_logits (n, 27) -> dlogit_maxes (n, 1)
#include "backprop/steps.h"

namespace backprop {

ColVector dlogit_maxes(const Matrix& dnorm_logits) {
  // logit_maxes was broadcast and subtracted: sum over columns, negated.
  return -dnorm_logits.rowwise().sum();
}

}  // namespace backprop
