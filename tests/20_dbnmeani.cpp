// Step 20: dbnmeani. The learner's function is fed PyTorch's tensors; the mutants below
// are wrong answers that the comparison must reject.
#include "step_test.h"

namespace kata {

KATA_STEP(dbnmeani, "dbndiff")

KATA_MUTANT("dbnmeani", "flipped sign", [](const Tensors& t) -> Matrix { return t.matrix("dbndiff").colwise().sum(); })

KATA_MUTANT("dbnmeani", "mean instead of sum",
            [](const Tensors& t) -> Matrix { return -t.matrix("dbndiff").colwise().mean(); })

}  // namespace kata
