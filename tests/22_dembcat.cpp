// Step 22: dembcat. The learner's function is fed PyTorch's tensors; the mutants below
// are wrong answers that the comparison must reject.
#include "step_test.h"

namespace kata {

KATA_STEP(dembcat, "W1", "dhprebn")

KATA_MUTANT("dembcat", "the transpose of dembcat",
            [](const Tensors& t) -> Matrix { return t.matrix("W1") * t.matrix("dhprebn").transpose(); })

}  // namespace kata
