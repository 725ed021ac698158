// Step 8: dlogits. The learner's function is fed PyTorch's tensors; the mutants below
// are wrong answers that the comparison must reject.
#include "step_test.h"

namespace kata {

KATA_STEP(dlogits, "logits", "dnorm_logits", "dlogit_maxes")

KATA_MUTANT("dlogits", "forgot the path through logit_maxes",
            [](const Tensors& t) -> Matrix { return t.matrix("dnorm_logits"); })

KATA_MUTANT("dlogits", "only the path through logit_maxes", [](const Tensors& t) -> Matrix {
  const Matrix logits = t.matrix("logits");
  const ColVector dlogit_maxes = t.col("dlogit_maxes");
  Matrix d = Matrix::Zero(logits.rows(), logits.cols());
  for (Eigen::Index i = 0; i < d.rows(); ++i) {
    Eigen::Index argmax = 0;
    logits.row(i).maxCoeff(&argmax);
    d(i, argmax) = dlogit_maxes(i);
  }
  return d;
})

KATA_MUTANT("dlogits", "sent dlogit_maxes to the minimum instead of the maximum", [](const Tensors& t) -> Matrix {
  const Matrix logits = t.matrix("logits");
  const ColVector dlogit_maxes = t.col("dlogit_maxes");
  Matrix d = t.matrix("dnorm_logits");
  for (Eigen::Index i = 0; i < d.rows(); ++i) {
    Eigen::Index argmin = 0;
    logits.row(i).minCoeff(&argmin);
    d(i, argmin) += dlogit_maxes(i);
  }
  return d;
})

}  // namespace kata
