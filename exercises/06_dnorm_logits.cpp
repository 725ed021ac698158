// Step 6 of 28: dnorm_logits. The note: docs/steps/06_dnorm_logits.md
//
// Forward:  counts = norm_logits.exp()
// Shapes:   counts (n, 27), dcounts (n, 27) -> dnorm_logits (n, 27)
// Check:    build/exercises/kata run dnorm_logits   (from the repository root: rebuilds, then checks this step)
#include "backprop/steps.h"

namespace backprop {

Matrix dnorm_logits(const Matrix& counts, const Matrix& dcounts) {
  // TODO: return the gradient of the loss with respect to norm_logits: dnorm_logits has the shape of norm_logits.
  throw NotDone("dnorm_logits");
}

}  // namespace backprop
