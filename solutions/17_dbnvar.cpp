// Step 17 of 28: dbnvar. The note: docs/steps/17_dbnvar.md
//
// Forward:  bnvar_inv = (bnvar + 1e-5)**-0.5
// Shapes:   bnvar (1, 64), dbnvar_inv (1, 64) -> dbnvar (1, 64)
#include "backprop/steps.h"

namespace backprop {

RowVector dbnvar(const RowVector& bnvar, const RowVector& dbnvar_inv) {
  // d/dx (x + eps)**-0.5 = -0.5 * (x + eps)**-1.5
  return (-0.5f * (bnvar.array() + 1e-5f).pow(-1.5f) * dbnvar_inv.array()).matrix();
}

}  // namespace backprop
