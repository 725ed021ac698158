// Step 8 of 28: dlogits. The note: docs/steps/08_dlogits.md
//
// Forward:  norm_logits = logits - logit_maxes; logit_maxes = logits.max(1, keepdim=True).values
// Shapes:   logits (n, 27), dnorm_logits (n, 27), dlogit_maxes (n, 1) -> dlogits (n, 27)
#include "backprop/steps.h"

namespace backprop {

Matrix dlogits(const Matrix& logits, const Matrix& dnorm_logits, const ColVector& dlogit_maxes) {
  // The direct path copies dnorm_logits; max() sends dlogit_maxes to each row's maximum.
  Matrix dlogits = dnorm_logits;
  for (Eigen::Index i = 0; i < logits.rows(); ++i) {
    Eigen::Index argmax = 0;
    logits.row(i).maxCoeff(&argmax);
    dlogits(i, argmax) += dlogit_maxes(i);
  }
  return dlogits;
}

}  // namespace backprop
