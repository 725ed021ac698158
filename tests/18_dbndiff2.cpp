// Step 18: dbndiff2. The learner's function is fed PyTorch's tensors; the mutants below
// are wrong answers that the comparison must reject.
#include "step_test.h"

namespace kata {

KATA_STEP(dbndiff2, "bndiff2", "dbnvar")

KATA_MUTANT("dbndiff2", "1/n instead of 1/(n-1)", [](const Tensors& t) -> Matrix {
  const Matrix bndiff2 = t.matrix("bndiff2");
  return (t.row("dbnvar") / static_cast<float>(bndiff2.rows())).replicate(bndiff2.rows(), 1);
})

KATA_MUTANT("dbndiff2", "forgot the 1/(n-1)",
            [](const Tensors& t) -> Matrix { return t.row("dbnvar").replicate(t.matrix("bndiff2").rows(), 1); })

}  // namespace kata
