// Step 21: dhprebn. The learner's function is fed PyTorch's tensors; the mutants below
// are wrong answers that the comparison must reject.
#include "step_test.h"

namespace kata {

KATA_STEP(dhprebn, "dbndiff", "dbnmeani")

// The same values as 1 / n computed in integer division, which is 0.
KATA_MUTANT("dhprebn", "forgot the path through bnmeani, or 1 / n in integer division (0)",
            [](const Tensors& t) -> Matrix { return t.matrix("dbndiff"); })

KATA_MUTANT("dhprebn", "only the path through bnmeani", [](const Tensors& t) -> Matrix {
  const Eigen::Index n = t.matrix("dbndiff").rows();
  return (t.row("dbnmeani") / static_cast<float>(n)).replicate(n, 1);
})

KATA_MUTANT("dhprebn", "forgot the 1/n of the mean",
            [](const Tensors& t) -> Matrix { return t.matrix("dbndiff").rowwise() + t.row("dbnmeani"); })

}  // namespace kata
