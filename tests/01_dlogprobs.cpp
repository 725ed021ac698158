// Step 1: dlogprobs. The learner's function is fed PyTorch's tensors; the mutants below
// are wrong answers that the comparison must reject.
#include "step_test.h"

namespace kata {

KATA_STEP(dlogprobs, "logprobs", "Yb")

KATA_MUTANT("dlogprobs", "forgot to divide by n", [](const Tensors& t) -> Matrix {
  Matrix d = Matrix::Zero(t.matrix("logprobs").rows(), t.matrix("logprobs").cols());
  const IndexVector Yb = t.index_vector("Yb");
  for (Eigen::Index i = 0; i < d.rows(); ++i) d(i, Yb(i)) = -1.0f;
  return d;
})

KATA_MUTANT("dlogprobs", "flipped sign", [](const Tensors& t) -> Matrix {
  Matrix d = Matrix::Zero(t.matrix("logprobs").rows(), t.matrix("logprobs").cols());
  const IndexVector Yb = t.index_vector("Yb");
  for (Eigen::Index i = 0; i < d.rows(); ++i) d(i, Yb(i)) = 1.0f / static_cast<float>(d.rows());
  return d;
})

KATA_MUTANT("dlogprobs", "-1/n everywhere instead of at the labels", [](const Tensors& t) -> Matrix {
  const Matrix logprobs = t.matrix("logprobs");
  return Matrix::Constant(logprobs.rows(), logprobs.cols(), -1.0f / static_cast<float>(logprobs.rows()));
})

KATA_MUTANT("dlogprobs", "1 / n in integer division (0)", [](const Tensors& t) -> Matrix {
  Matrix d = Matrix::Zero(t.matrix("logprobs").rows(), t.matrix("logprobs").cols());
  const IndexVector Yb = t.index_vector("Yb");
  const auto n = static_cast<int>(d.rows());
  for (Eigen::Index i = 0; i < d.rows(); ++i) d(i, Yb(i)) = static_cast<float>(-1 / n);
  return d;
})

}  // namespace kata
