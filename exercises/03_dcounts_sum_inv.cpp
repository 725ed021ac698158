// Step 3 of 28: dcounts_sum_inv. The note: docs/steps/03_dcounts_sum_inv.md
//
// Forward:  probs = counts * counts_sum_inv
// Shapes:   counts (n, 27), dprobs (n, 27) -> dcounts_sum_inv (n, 1)
// Check:    build/exercises/kata run dcounts_sum_inv   (from the repository root: rebuilds, then checks this step)
#include "backprop/steps.h"

namespace backprop {

ColVector dcounts_sum_inv(const Matrix& counts, const Matrix& dprobs) {
  // TODO: return the gradient of the loss with respect to counts_sum_inv: dcounts_sum_inv has the shape of
  // counts_sum_inv.
  throw NotDone("dcounts_sum_inv");
}

}  // namespace backprop
