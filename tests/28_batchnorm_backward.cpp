// Step 28: batchnorm_backward. The learner's function is fed PyTorch's tensors; the mutants below
// are wrong answers that the comparison must reject.
#include "step_test.h"

namespace kata {

KATA_STEP(batchnorm_backward, "bngain", "bnvar_inv", "bnraw", "dhpreact")

// The same values as n / (n - 1) computed in integer division, which is 1.
KATA_MUTANT("batchnorm_backward", "n instead of n - 1 (no Bessel's correction), or n / (n - 1) in integer division (1)",
            [](const Tensors& t) -> Matrix {
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

KATA_MUTANT("batchnorm_backward", "forgot the sum of dhpreact (the path through the mean)",
            [](const Tensors& t) -> Matrix {
              const Matrix bnraw = t.matrix("bnraw"), dhpreact = t.matrix("dhpreact");
              const float n = static_cast<float>(bnraw.rows());
              const RowVector dot = (dhpreact.array() * bnraw.array()).colwise().sum();
              Matrix d = n * dhpreact.array() - n / (n - 1) * (bnraw.array().rowwise() * dot.array());
              d.array().rowwise() *= t.row("bngain").array() * t.row("bnvar_inv").array() / n;
              return d;
            })

// Derived with eps = 0: then bnraw's squares sum to exactly n - 1 in every column, and the
// variance term becomes a projection of dhpreact on bnraw. Right where eps is negligible.
KATA_MUTANT("batchnorm_backward", "derived without eps (a projection on bnraw)", [](const Tensors& t) -> Matrix {
  const Matrix bnraw = t.matrix("bnraw"), dhpreact = t.matrix("dhpreact");
  const RowVector dot = (dhpreact.array() * bnraw.array()).colwise().sum();
  const RowVector squares = bnraw.array().square().colwise().sum();
  Matrix d = (dhpreact.rowwise() - dhpreact.colwise().mean()).array() -
             bnraw.array().rowwise() * (dot.array() / squares.array());
  d.array().rowwise() *= t.row("bngain").array() * t.row("bnvar_inv").array();
  return d;
})

}  // namespace kata
