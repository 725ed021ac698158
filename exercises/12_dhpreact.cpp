// Step 12 of 28: dhpreact. The note: docs/steps/12_dhpreact.md
//
// Forward:  h = torch.tanh(hpreact)
// Shapes:   h (n, 64), dh (n, 64) -> dhpreact (n, 64)
// Check:    build/exercises/kata run dhpreact   (from the repository root: rebuilds, then checks this step)
#include "backprop/steps.h"

namespace backprop {

Matrix dhpreact(const Matrix& h, const Matrix& dh) {
  // TODO: return the gradient of the loss with respect to hpreact: dhpreact has the shape of hpreact.
  throw NotDone("dhpreact");
}

}  // namespace backprop
