// Step 5 of 28: dcounts. The note: docs/steps/05_dcounts.md
//
// Forward:  probs = counts * counts_sum_inv; counts_sum = counts.sum(1, keepdims=True)
// Shapes:   counts_sum_inv (n, 1), dprobs (n, 27), dcounts_sum (n, 1) -> dcounts (n, 27)
#include "backprop/steps.h"

namespace backprop {

Matrix dcounts(const ColVector& counts_sum_inv, const Matrix& dprobs, const ColVector& dcounts_sum) {
  // Through probs: scaled by counts_sum_inv. Through counts_sum: every column gets its row's gradient.
  return ((dprobs.array().colwise() * counts_sum_inv.array()).colwise() + dcounts_sum.array()).matrix();
}

}  // namespace backprop
