// Step 7: dlogit_maxes. The learner's function is fed PyTorch's tensors; the mutants below
// are wrong answers that the comparison must reject.
#include "step_test.h"

namespace kata {

KATA_STEP(dlogit_maxes, "dnorm_logits")

KATA_MUTANT("dlogit_maxes", "flipped sign",
            [](const Tensors& t) -> Matrix { return t.matrix("dnorm_logits").rowwise().sum(); })

KATA_MUTANT("dlogit_maxes", "zeros, because the network's gradient is nearly zero",
            [](const Tensors& t) -> Matrix { return ColVector::Zero(t.matrix("dnorm_logits").rows()); })

}  // namespace kata
