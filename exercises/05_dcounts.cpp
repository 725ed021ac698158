// Step 5 of 28: dcounts. The note: docs/steps/05_dcounts.md
//
// Forward:  probs = counts * counts_sum_inv; counts_sum = counts.sum(1, keepdims=True)
// Shapes:   counts_sum_inv (n, 1), dprobs (n, 27), dcounts_sum (n, 1) -> dcounts (n, 27)
// Check:    build/exercises/kata run dcounts   (from the repository root: rebuilds, then checks this step)
#include "backprop/steps.h"

namespace backprop {

Matrix dcounts(const ColVector& counts_sum_inv, const Matrix& dprobs, const ColVector& dcounts_sum) {
  // TODO: return the gradient of the loss with respect to counts: dcounts has the shape of counts.
  throw NotDone("dcounts");
}

}  // namespace backprop
