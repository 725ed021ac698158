// Step 18 of 28: dbndiff2. The note: docs/steps/18_dbndiff2.md
//
// Forward:  bnvar = 1/(n-1)*(bndiff2).sum(0, keepdim=True)
// Shapes:   bndiff2 (n, 64), dbnvar (1, 64) -> dbndiff2 (n, 64)
// Check:    build/exercises/kata run dbndiff2   (from the repository root: rebuilds, then checks this step)
#include "backprop/steps.h"

namespace backprop {

Matrix dbndiff2(const Matrix& bndiff2, const RowVector& dbnvar) {
  // TODO: return the gradient of the loss with respect to bndiff2: dbndiff2 has the shape of bndiff2.
  throw NotDone("dbndiff2");
}

}  // namespace backprop
