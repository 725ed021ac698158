// Step 13: dbngain. The learner's function is fed PyTorch's tensors; the mutants below
// are wrong answers that the comparison must reject.
#include "step_test.h"

namespace kata {

KATA_STEP(dbngain, "bnraw", "dhpreact")

KATA_MUTANT("dbngain", "forgot bnraw", [](const Tensors& t) -> Matrix { return t.matrix("dhpreact").colwise().sum(); })

KATA_MUTANT("dbngain", "mean instead of sum", [](const Tensors& t) -> Matrix {
  return (t.matrix("bnraw").array() * t.matrix("dhpreact").array()).colwise().mean().matrix();
})

}  // namespace kata
