// Step 19 of 28: dbndiff. The note: docs/steps/19_dbndiff.md
//
// Forward:  bnraw = bndiff * bnvar_inv; bndiff2 = bndiff**2
// Shapes:   bndiff (n, 64), bnvar_inv (1, 64), dbnraw (n, 64), dbndiff2 (n, 64) -> dbndiff (n, 64)
#include "backprop/steps.h"

namespace backprop {

Matrix dbndiff(const Matrix& bndiff, const RowVector& bnvar_inv, const Matrix& dbnraw, const Matrix& dbndiff2) {
  // Through bnraw: scaled by bnvar_inv. Through bndiff2: times 2 * bndiff.
  return (dbnraw.array().rowwise() * bnvar_inv.array() + 2.0f * bndiff.array() * dbndiff2.array()).matrix();
}

}  // namespace backprop
