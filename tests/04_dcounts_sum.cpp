// Step 4: dcounts_sum. The learner's function is fed PyTorch's tensors; the mutants below
// are wrong answers that the comparison must reject.
#include "step_test.h"

namespace kata {

KATA_STEP(dcounts_sum, "counts_sum", "dcounts_sum_inv")

KATA_MUTANT("dcounts_sum", "flipped sign", [](const Tensors& t) -> Matrix {
  return (t.col("counts_sum").array().square().inverse() * t.col("dcounts_sum_inv").array()).matrix();
})

KATA_MUTANT("dcounts_sum", "-x**-1 instead of -x**-2", [](const Tensors& t) -> Matrix {
  return (-t.col("counts_sum").array().inverse() * t.col("dcounts_sum_inv").array()).matrix();
})

KATA_MUTANT("dcounts_sum", "forgot the upstream gradient dcounts_sum_inv",
            [](const Tensors& t) -> Matrix { return (-t.col("counts_sum").array().square().inverse()).matrix(); })

}  // namespace kata
