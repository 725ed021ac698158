// Step 1 of 28: dlogprobs. The note: docs/steps/01_dlogprobs.md
//
// Forward:  loss = -logprobs[range(n), Yb].mean()
// Shapes:   logprobs (n, 27), Yb (n,) -> dlogprobs (n, 27)
// Check:    build/exercises/kata run dlogprobs   (from the repository root: rebuilds, then checks this step)
#include "backprop/steps.h"

namespace backprop {

Matrix dlogprobs(const Matrix& logprobs, const IndexVector& Yb) {
  // TODO: return the gradient of the loss with respect to logprobs: dlogprobs has the shape of logprobs.
  throw NotDone("dlogprobs");
}

}  // namespace backprop
