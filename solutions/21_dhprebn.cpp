// Step 21 of 28: dhprebn. The note: docs/steps/21_dhprebn.md
//
// Forward:  bndiff = hprebn - bnmeani; bnmeani = 1/n*hprebn.sum(0, keepdim=True)
// Shapes:   dbndiff (n, 64), dbnmeani (1, 64) -> dhprebn (n, 64)
#include "backprop/steps.h"

namespace backprop {

Matrix dhprebn(const Matrix& dbndiff, const RowVector& dbnmeani) {
  // Directly, plus through the mean: each row gets dbnmeani / n.
  const float n = static_cast<float>(dbndiff.rows());
  return dbndiff.rowwise() + 1.0f / n * dbnmeani;
}

}  // namespace backprop
