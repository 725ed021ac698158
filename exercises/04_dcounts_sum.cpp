// Step 4 of 28: dcounts_sum. The note: docs/steps/04_dcounts_sum.md
//
// Forward:  counts_sum_inv = counts_sum**-1
// Shapes:   counts_sum (n, 1), dcounts_sum_inv (n, 1) -> dcounts_sum (n, 1)
// Check:    build/exercises/kata run dcounts_sum   (from the repository root: rebuilds, then checks this step)
#include "backprop/steps.h"

namespace backprop {

ColVector dcounts_sum(const ColVector& counts_sum, const ColVector& dcounts_sum_inv) {
  // TODO: return the gradient of the loss with respect to counts_sum: dcounts_sum has the shape of counts_sum.
  throw NotDone("dcounts_sum");
}

}  // namespace backprop
