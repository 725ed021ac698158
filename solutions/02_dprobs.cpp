// Step 2 of 28: dprobs. The note: docs/steps/02_dprobs.md
//
// Forward:  logprobs = probs.log()
// Shapes:   probs (n, 27), dlogprobs (n, 27) -> dprobs (n, 27)
#include "backprop/steps.h"

namespace backprop {

Matrix dprobs(const Matrix& probs, const Matrix& dlogprobs) {
  // d/dx log(x) = 1/x
  return (probs.array().inverse() * dlogprobs.array()).matrix();
}

}  // namespace backprop
