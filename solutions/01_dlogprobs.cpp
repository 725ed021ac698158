// Step 1 of 28: dlogprobs. The note: docs/steps/01_dlogprobs.md
//
// Forward:  loss = -logprobs[range(n), Yb].mean()
// Shapes:   logprobs (n, 27), Yb (n,) -> dlogprobs (n, 27)
#include "backprop/steps.h"

namespace backprop {

Matrix dlogprobs(const Matrix& logprobs, const IndexVector& Yb) {
  // Only logprobs[i, Yb[i]] reaches the loss, each with weight -1/n.
  Matrix dlogprobs = Matrix::Zero(logprobs.rows(), logprobs.cols());
  const float n = static_cast<float>(logprobs.rows());
  for (Eigen::Index i = 0; i < logprobs.rows(); ++i) dlogprobs(i, Yb(i)) = -1.0f / n;
  return dlogprobs;
}

}  // namespace backprop
