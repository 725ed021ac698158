// Step 16: dbnvar_inv. The learner's function is fed PyTorch's tensors; the mutants below
// are wrong answers that the comparison must reject.
#include "step_test.h"

namespace kata {

KATA_STEP(dbnvar_inv, "bndiff", "dbnraw")

KATA_MUTANT("dbnvar_inv", "forgot bndiff",
            [](const Tensors& t) -> Matrix { return t.matrix("dbnraw").colwise().sum(); })

KATA_MUTANT("dbnvar_inv", "mean instead of sum", [](const Tensors& t) -> Matrix {
  return (t.matrix("bndiff").array() * t.matrix("dbnraw").array()).colwise().mean().matrix();
})

}  // namespace kata
