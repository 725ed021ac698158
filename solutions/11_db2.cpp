// Step 11 of 28: db2. The note: docs/steps/11_db2.md
//
// Forward:  logits = h @ W2 + b2
// Shapes:   dlogits (n, 27) -> db2 (1, 27)
#include "backprop/steps.h"

namespace backprop {

RowVector db2(const Matrix& dlogits) {
  // b2 was broadcast over the rows.
  return dlogits.colwise().sum();
}

}  // namespace backprop
