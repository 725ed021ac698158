// Step 24: db1. The learner's function is fed PyTorch's tensors; the mutants below
// are wrong answers that the comparison must reject.
#include "step_test.h"

namespace kata {

KATA_STEP(db1, "dhprebn")

KATA_MUTANT("db1", "zeros, because BatchNorm cancels b1",
            [](const Tensors& t) -> Matrix { return RowVector::Zero(t.matrix("dhprebn").cols()); })

KATA_MUTANT("db1", "mean instead of sum",
            [](const Tensors& t) -> Matrix { return t.matrix("dhprebn").colwise().mean(); })

// Eigen assigns the (n, 1) column of a sum over the columns to the RowVector as a (1, n) row.
KATA_MUTANT("db1", "summed over the columns instead of the rows", [](const Tensors& t) -> Matrix {
  const RowVector d = t.matrix("dhprebn").rowwise().sum();
  return d;
})

}  // namespace kata
