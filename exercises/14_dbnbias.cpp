// Step 14 of 28: dbnbias. The note: docs/steps/14_dbnbias.md
//
// Forward:  hpreact = bngain * bnraw + bnbias
// Shapes:   dhpreact (n, 64) -> dbnbias (1, 64)
// Check:    build/exercises/kata run dbnbias   (from the repository root: rebuilds, then checks this step)
#include "backprop/steps.h"

namespace backprop {

RowVector dbnbias(const Matrix& dhpreact) {
  // TODO: return the gradient of the loss with respect to bnbias: dbnbias has the shape of bnbias.
  throw NotDone("dbnbias");
}

}  // namespace backprop
