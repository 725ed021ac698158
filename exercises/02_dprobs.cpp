// Step 2 of 28: dprobs. The note: docs/steps/02_dprobs.md
//
// Forward:  logprobs = probs.log()
// Shapes:   probs (n, 27), dlogprobs (n, 27) -> dprobs (n, 27)
// Check:    build/exercises/kata run dprobs   (from the repository root: rebuilds, then checks this step)
#include "backprop/steps.h"

namespace backprop {

Matrix dprobs(const Matrix& probs, const Matrix& dlogprobs) {
  // TODO: return the gradient of the loss with respect to probs: dprobs has the shape of probs.
  throw NotDone("dprobs");
}

}  // namespace backprop
