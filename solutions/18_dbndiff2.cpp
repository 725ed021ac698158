// Step 18 of 28: dbndiff2. The note: docs/steps/18_dbndiff2.md
//
// Forward:  bnvar = 1/(n-1)*(bndiff2).sum(0, keepdim=True)
// Shapes:   bndiff2 (n, 64), dbnvar (1, 64) -> dbndiff2 (n, 64)
#include "backprop/steps.h"

namespace backprop {

Matrix dbndiff2(const Matrix& bndiff2, const RowVector& dbnvar) {
  // The sum over rows becomes a broadcast over rows, with Bessel's 1/(n-1).
  const float n = static_cast<float>(bndiff2.rows());
  return (1.0f / (n - 1.0f) * dbnvar).replicate(bndiff2.rows(), 1);
}

}  // namespace backprop
