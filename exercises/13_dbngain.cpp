// Step 13 of 28: dbngain. The note: docs/steps/13_dbngain.md
//
// Forward:  hpreact = bngain * bnraw + bnbias
// Shapes:   bnraw (n, 64), dhpreact (n, 64) -> dbngain (1, 64)
// Check:    build/exercises/kata run dbngain   (from the repository root: rebuilds, then checks this step)
#include "backprop/steps.h"

namespace backprop {

RowVector dbngain(const Matrix& bnraw, const Matrix& dhpreact) {
  // TODO: return the gradient of the loss with respect to bngain: dbngain has the shape of bngain.
  throw NotDone("dbngain");
}

}  // namespace backprop
