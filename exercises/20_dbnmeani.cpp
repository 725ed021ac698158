// Step 20 of 28: dbnmeani. The note: docs/steps/20_dbnmeani.md
//
// Forward:  bndiff = hprebn - bnmeani
// Shapes:   dbndiff (n, 64) -> dbnmeani (1, 64)
// Check:    build/exercises/kata run dbnmeani   (from the repository root: rebuilds, then checks this step)
#include "backprop/steps.h"

namespace backprop {

RowVector dbnmeani(const Matrix& dbndiff) {
  // TODO: return the gradient of the loss with respect to bnmeani: dbnmeani has the shape of bnmeani.
  throw NotDone("dbnmeani");
}

}  // namespace backprop
