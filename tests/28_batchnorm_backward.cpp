// Step 28: batchnorm_backward. The learner's function is fed PyTorch's tensors; the mutants below
// are wrong answers that the comparison must reject.
#include "step_test.h"

namespace kata {

KATA_STEP("batchnorm_backward", [](const Tensors& t) -> Matrix {
  return backprop::batchnorm_backward(t.row("bngain"), t.row("bnvar_inv"), t.matrix("bnraw"), t.matrix("dhpreact"));
})

KATA_MUTANT("batchnorm_backward", "n instead of n - 1 (no Bessel's correction)", [](const Tensors& t) -> Matrix {
  const Matrix bnraw = t.matrix("bnraw"), dhpreact = t.matrix("dhpreact");
  const float n = static_cast<float>(bnraw.rows());
  const RowVector sum = dhpreact.colwise().sum();
  const RowVector dot = (dhpreact.array() * bnraw.array()).colwise().sum();
  Matrix d = ((n * dhpreact.array()).rowwise() - sum.array()) - (bnraw.array().rowwise() * dot.array());
  d.array().rowwise() *= t.row("bngain").array() * t.row("bnvar_inv").array() / n;
  return d;
})

KATA_MUTANT("batchnorm_backward", "forgot the path through the variance", [](const Tensors& t) -> Matrix {
  const Matrix bnraw = t.matrix("bnraw"), dhpreact = t.matrix("dhpreact");
  const float n = static_cast<float>(bnraw.rows());
  Matrix d = (n * dhpreact.array()).rowwise() - dhpreact.colwise().sum().array();
  d.array().rowwise() *= t.row("bngain").array() * t.row("bnvar_inv").array() / n;
  return d;
})

}  // namespace kata
