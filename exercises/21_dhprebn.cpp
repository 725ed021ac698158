// Step 21 of 28: dhprebn. The note: docs/steps/21_dhprebn.md
//
// Forward:  bndiff = hprebn - bnmeani; bnmeani = 1/n*hprebn.sum(0, keepdim=True)
// Shapes:   dbndiff (n, 64), dbnmeani (1, 64) -> dhprebn (n, 64)
// Check:    build/exercises/kata run dhprebn   (from the repository root: rebuilds, then checks this step)
#include "backprop/steps.h"

namespace backprop {

Matrix dhprebn(const Matrix& dbndiff, const RowVector& dbnmeani) {
  // TODO: return the gradient of the loss with respect to hprebn: dhprebn has the shape of hprebn.
  throw NotDone("dhprebn");
}

}  // namespace backprop
