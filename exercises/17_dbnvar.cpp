// Step 17 of 28: dbnvar. The note: docs/steps/17_dbnvar.md
//
// Forward:  bnvar_inv = (bnvar + 1e-5)**-0.5
// Shapes:   bnvar (1, 64), dbnvar_inv (1, 64) -> dbnvar (1, 64)
// Check:    build/exercises/kata run dbnvar   (from the repository root: rebuilds, then checks this step)
#include "backprop/steps.h"

namespace backprop {

RowVector dbnvar(const RowVector& bnvar, const RowVector& dbnvar_inv) {
  // TODO: return the gradient of the loss with respect to bnvar: dbnvar has the shape of bnvar.
  throw NotDone("dbnvar");
}

}  // namespace backprop
