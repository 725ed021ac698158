// Step 15 of 28: dbnraw. The note: docs/steps/15_dbnraw.md
//
// Forward:  hpreact = bngain * bnraw + bnbias
// Shapes:   bngain (1, 64), dhpreact (n, 64) -> dbnraw (n, 64)
// Check:    build/exercises/kata run dbnraw   (from the repository root: rebuilds, then checks this step)
#include "backprop/steps.h"

namespace backprop {

Matrix dbnraw(const RowVector& bngain, const Matrix& dhpreact) {
  // TODO: return the gradient of the loss with respect to bnraw: dbnraw has the shape of bnraw.
  throw NotDone("dbnraw");
}

}  // namespace backprop
