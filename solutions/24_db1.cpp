// Step 24 of 28: db1. The note: docs/steps/24_db1.md
//
// Forward:  hprebn = embcat @ W1 + b1
// Shapes:   dhprebn (n, 64) -> db1 (1, 64)
#include "backprop/steps.h"

namespace backprop {

RowVector db1(const Matrix& dhprebn) {
  // b1 was broadcast over the rows.
  return dhprebn.colwise().sum();
}

}  // namespace backprop
