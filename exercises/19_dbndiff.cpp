// Step 19 of 28: dbndiff. The note: docs/steps/19_dbndiff.md
//
// Forward:  bnraw = bndiff * bnvar_inv; bndiff2 = bndiff**2
// Shapes:   bndiff (n, 64), bnvar_inv (1, 64), dbnraw (n, 64), dbndiff2 (n, 64) -> dbndiff (n, 64)
// Check:    build/exercises/kata run dbndiff   (from the repository root: rebuilds, then checks this step)
#include "backprop/steps.h"

namespace backprop {

Matrix dbndiff(const Matrix& bndiff, const RowVector& bnvar_inv, const Matrix& dbnraw, const Matrix& dbndiff2) {
  // TODO: return the gradient of the loss with respect to bndiff: dbndiff has the shape of bndiff.
  throw NotDone("dbndiff");
}

}  // namespace backprop
