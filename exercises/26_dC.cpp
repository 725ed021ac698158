// Step 26 of 28: dC. The note: docs/steps/26_dC.md
//
// Forward:  emb = C[Xb]
// Shapes:   C (27, 10), Xb (n, 3), demb (n * 3, 10) -> dC (27, 10)
// Check:    ctest --preset exercises -R 26_dC
#include "backprop/steps.h"

namespace backprop {

Matrix dC(const Matrix& C, const IndexMatrix& Xb, const Matrix& demb) {
  // TODO: return the gradient of the loss with respect to C: dC has the shape of C.
  throw NotDone("dC");
}

}  // namespace backprop
