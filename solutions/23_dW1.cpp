// Step 23 of 28: dW1. The note: docs/steps/23_dW1.md
//
// Forward:  hprebn = embcat @ W1 + b1
// Shapes:   embcat (n, 30), dhprebn (n, 64) -> dW1 (30, 64)
#include "backprop/steps.h"

namespace backprop {

Matrix dW1(const Matrix& embcat, const Matrix& dhprebn) { return embcat.transpose() * dhprebn; }

}  // namespace backprop
