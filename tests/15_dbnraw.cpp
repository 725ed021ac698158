// Step 15: dbnraw. The learner's function is fed PyTorch's tensors; the mutants below
// are wrong answers that the comparison must reject.
#include "step_test.h"

namespace kata {

KATA_STEP(dbnraw, "bngain", "dhpreact")

KATA_MUTANT("dbnraw", "forgot bngain", [](const Tensors& t) -> Matrix { return t.matrix("dhpreact"); })

}  // namespace kata
