// Step 26 of 28: dC. The note: docs/steps/26_dC.md
//
// Forward:  emb = C[Xb]
// Shapes:   C (27, 10), Xb (n, 3), demb (3n, 10) -> dC (27, 10)
// Check:    build/exercises/kata run dC   (from the repository root: rebuilds, then checks this step)
#include "backprop/steps.h"

namespace backprop {

Matrix dC(const Matrix& C, const IndexMatrix& Xb, const Matrix& demb) {
  // TODO: return the gradient of the loss with respect to C: dC has the shape of C.
  throw NotDone("dC");
}

}  // namespace backprop
