// Step 12 of 28: dhpreact. The note: docs/steps/12_dhpreact.md
//
// Forward:  h = torch.tanh(hpreact)
// Shapes:   h (n, 64), dh (n, 64) -> dhpreact (n, 64)
#include "backprop/steps.h"

namespace backprop {

Matrix dhpreact(const Matrix& h, const Matrix& dh) {
  // d/dx tanh(x) = 1 - tanh(x)**2, and tanh(hpreact) is h
  return ((1.0f - h.array().square()) * dh.array()).matrix();
}

}  // namespace backprop
