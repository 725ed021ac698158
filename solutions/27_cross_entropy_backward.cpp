// Step 27 of 28: cross_entropy_backward. The note: docs/steps/27_cross_entropy_backward.md
//
// Forward:  loss = F.cross_entropy(logits, Yb)
// Shapes:   logits (n, 27), Yb (n,) -> dlogits (n, 27)
#include "backprop/steps.h"

namespace backprop {

Matrix cross_entropy_backward(const Matrix& logits, const IndexVector& Yb) {
  // (softmax(logits) - one_hot(Yb)) / n
  const float n = static_cast<float>(logits.rows());
  Matrix dlogits = (logits.colwise() - logits.rowwise().maxCoeff()).array().exp();
  dlogits.array().colwise() /= dlogits.rowwise().sum().array();
  for (Eigen::Index i = 0; i < logits.rows(); ++i) dlogits(i, Yb(i)) -= 1.0f;
  return dlogits / n;
}

}  // namespace backprop
