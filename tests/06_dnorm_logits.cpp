// Step 6: dnorm_logits. The learner's function is fed PyTorch's tensors; the mutants below
// are wrong answers that the comparison must reject.
#include "step_test.h"

namespace kata {

KATA_STEP(dnorm_logits, "counts", "dcounts")

KATA_MUTANT("dnorm_logits", "forgot the local derivative",
            [](const Tensors& t) -> Matrix { return t.matrix("dcounts"); })

}  // namespace kata
