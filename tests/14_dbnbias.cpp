// Step 14: dbnbias. The learner's function is fed PyTorch's tensors; the mutants below
// are wrong answers that the comparison must reject.
#include "step_test.h"

namespace kata {

KATA_STEP(dbnbias, "dhpreact")

KATA_MUTANT("dbnbias", "mean instead of sum",
            [](const Tensors& t) -> Matrix { return t.matrix("dhpreact").colwise().mean(); })

// Eigen assigns the (n, 1) column of a sum over the columns to the RowVector as a (1, n) row.
KATA_MUTANT("dbnbias", "summed over the columns instead of the rows", [](const Tensors& t) -> Matrix {
  const RowVector d = t.matrix("dhpreact").rowwise().sum();
  return d;
})

}  // namespace kata
