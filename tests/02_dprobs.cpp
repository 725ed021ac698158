// Step 2: dprobs. The learner's function is fed PyTorch's tensors; the mutants below
// are wrong answers that the comparison must reject.
#include "step_test.h"

namespace kata {

KATA_STEP(dprobs, "probs", "dlogprobs")

KATA_MUTANT("dprobs", "forgot the upstream gradient",
            [](const Tensors& t) -> Matrix { return t.matrix("probs").array().inverse().matrix(); })

KATA_MUTANT("dprobs", "multiplied by probs instead of dividing",
            [](const Tensors& t) -> Matrix { return t.matrix("probs").cwiseProduct(t.matrix("dlogprobs")); })

}  // namespace kata
