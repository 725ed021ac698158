// Step 4 of 28: dcounts_sum. The note: docs/steps/04_dcounts_sum.md
//
// Forward:  counts_sum_inv = counts_sum**-1
// Shapes:   counts_sum (n, 1), dcounts_sum_inv (n, 1) -> dcounts_sum (n, 1)
#include "backprop/steps.h"

namespace backprop {

ColVector dcounts_sum(const ColVector& counts_sum, const ColVector& dcounts_sum_inv) {
  // d/dx x**-1 = -x**-2
  return (-counts_sum.array().square().inverse() * dcounts_sum_inv.array()).matrix();
}

}  // namespace backprop
