// Step 6 of 28: dnorm_logits. The note: docs/steps/06_dnorm_logits.md
//
// Forward:  counts = norm_logits.exp()
// Shapes:   counts (n, 27), dcounts (n, 27) -> dnorm_logits (n, 27)
#include "backprop/steps.h"

namespace backprop {

Matrix dnorm_logits(const Matrix& counts, const Matrix& dcounts) {
  // d/dx exp(x) = exp(x), which is counts
  return counts.cwiseProduct(dcounts);
}

}  // namespace backprop
