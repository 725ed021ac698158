// Step 22 of 28: dembcat. The note: docs/steps/22_dembcat.md
//
// Forward:  hprebn = embcat @ W1 + b1
// Shapes:   W1 (30, 64), dhprebn (n, 64) -> dembcat (n, 30)
// Check:    build/exercises/kata run dembcat   (from the repository root: rebuilds, then checks this step)
#include "backprop/steps.h"

namespace backprop {

Matrix dembcat(const Matrix& W1, const Matrix& dhprebn) {
  // TODO: return the gradient of the loss with respect to embcat: dembcat has the shape of embcat.
  throw NotDone("dembcat");
}

}  // namespace backprop
