// Step 27: cross_entropy_backward. The learner's function is fed PyTorch's tensors; the mutants below
// are wrong answers that the comparison must reject.
#include "step_test.h"

namespace kata {

KATA_STEP(cross_entropy_backward, "logits", "Yb")

KATA_MUTANT("cross_entropy_backward", "forgot to divide by n", [](const Tensors& t) -> Matrix {
  const Matrix logits = t.matrix("logits");
  const IndexVector Yb = t.index_vector("Yb");
  Matrix d = (logits.colwise() - logits.rowwise().maxCoeff()).array().exp();
  d.array().colwise() /= d.rowwise().sum().array();
  for (Eigen::Index i = 0; i < d.rows(); ++i) d(i, Yb(i)) -= 1.0f;
  return d;
})

KATA_MUTANT("cross_entropy_backward", "softmax without the one-hot", [](const Tensors& t) -> Matrix {
  const Matrix logits = t.matrix("logits");
  Matrix d = (logits.colwise() - logits.rowwise().maxCoeff()).array().exp();
  d.array().colwise() /= d.rowwise().sum().array();
  return d / static_cast<float>(d.rows());
})

}  // namespace kata
