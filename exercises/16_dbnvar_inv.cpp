// Step 16 of 28: dbnvar_inv. The note: docs/steps/16_dbnvar_inv.md
//
// Forward:  bnraw = bndiff * bnvar_inv
// Shapes:   bndiff (n, 64), dbnraw (n, 64) -> dbnvar_inv (1, 64)
// Check:    build/exercises/kata run dbnvar_inv   (from the repository root: rebuilds, then checks this step)
#include "backprop/steps.h"

namespace backprop {

RowVector dbnvar_inv(const Matrix& bndiff, const Matrix& dbnraw) {
  // TODO: return the gradient of the loss with respect to bnvar_inv: dbnvar_inv has the shape of bnvar_inv.
  throw NotDone("dbnvar_inv");
}

}  // namespace backprop
