// Step 25 of 28: demb. The note: docs/steps/25_demb.md
//
// Forward:  embcat = emb.view(emb.shape[0], -1)
// Shapes:   emb (3n, 10), dembcat (n, 30) -> demb (3n, 10)
// Check:    build/exercises/kata run demb   (from the repository root: rebuilds, then checks this step)
#include "backprop/steps.h"

namespace backprop {

Matrix demb(const Matrix& emb, const Matrix& dembcat) {
  // TODO: return the gradient of the loss with respect to emb: demb has the shape of emb.
  throw NotDone("demb");
}

}  // namespace backprop
