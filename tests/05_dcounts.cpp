// Step 5: dcounts. The learner's function is fed PyTorch's tensors; the mutants below
// are wrong answers that the comparison must reject.
#include "step_test.h"

namespace kata {

KATA_STEP(dcounts, "counts_sum_inv", "dprobs", "dcounts_sum")

KATA_MUTANT("dcounts", "only the path through probs", [](const Tensors& t) -> Matrix {
  return (t.matrix("dprobs").array().colwise() * t.col("counts_sum_inv").array()).matrix();
})

KATA_MUTANT("dcounts", "only the path through counts_sum", [](const Tensors& t) -> Matrix {
  const Matrix dprobs = t.matrix("dprobs");
  return t.col("dcounts_sum").replicate(1, dprobs.cols());
})

}  // namespace kata
