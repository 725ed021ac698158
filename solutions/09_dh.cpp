// Step 9 of 28: dh. The note: docs/steps/09_dh.md
//
// Forward:  logits = h @ W2 + b2
// Shapes:   W2 (64, 27), dlogits (n, 27) -> dh (n, 64)
#include "backprop/steps.h"

namespace backprop {

Matrix dh(const Matrix& W2, const Matrix& dlogits) { return dlogits * W2.transpose(); }

}  // namespace backprop
