// Step 22 of 28: dembcat. The note: docs/steps/22_dembcat.md
//
// Forward:  hprebn = embcat @ W1 + b1
// Shapes:   W1 (30, 64), dhprebn (n, 64) -> dembcat (n, 30)
#include "backprop/steps.h"

namespace backprop {

Matrix dembcat(const Matrix& W1, const Matrix& dhprebn) { return dhprebn * W1.transpose(); }

}  // namespace backprop
