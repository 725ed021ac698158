// Step 3 of 28: dcounts_sum_inv. The note: docs/steps/03_dcounts_sum_inv.md
//
// Forward:  probs = counts * counts_sum_inv
// Shapes:   counts (n, 27), dprobs (n, 27) -> dcounts_sum_inv (n, 1)
#include "backprop/steps.h"

namespace backprop {

ColVector dcounts_sum_inv(const Matrix& counts, const Matrix& dprobs) {
  // counts_sum_inv was broadcast across the columns: sum its gradient over them.
  return (counts.array() * dprobs.array()).rowwise().sum().matrix();
}

}  // namespace backprop
