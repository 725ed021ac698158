// Step 11: db2. The learner's function is fed PyTorch's tensors; the mutants below
// are wrong answers that the comparison must reject.
#include "step_test.h"

namespace kata {

KATA_STEP(db2, "dlogits")

KATA_MUTANT("db2", "mean over the batch instead of sum", [](const Tensors& t) -> Matrix {
  const Matrix dlogits = t.matrix("dlogits");
  return dlogits.colwise().mean();
})

KATA_MUTANT("db2", "only the first row", [](const Tensors& t) -> Matrix { return t.matrix("dlogits").row(0); })

// Eigen assigns the (n, 1) column of a sum over the columns to the RowVector as a (1, n) row.
KATA_MUTANT("db2", "summed over the columns instead of the rows", [](const Tensors& t) -> Matrix {
  const RowVector d = t.matrix("dlogits").rowwise().sum();
  return d;
})

}  // namespace kata
