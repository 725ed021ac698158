// Step 25 of 28: demb. The note: docs/steps/25_demb.md
//
// Forward:  embcat = emb.view(emb.shape[0], -1)
// Shapes:   emb (n * 3, 10), dembcat (n, 30) -> demb (n * 3, 10)
// Check:    ctest --preset exercises -R 25_demb
#include "backprop/steps.h"

namespace backprop {

Matrix demb(const Matrix& emb, const Matrix& dembcat) {
  // TODO: return the gradient of the loss with respect to emb: demb has the shape of emb.
  throw NotDone("demb");
}

}  // namespace backprop
