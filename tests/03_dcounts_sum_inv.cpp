// Step 3: dcounts_sum_inv. The learner's function is fed PyTorch's tensors; the mutants below
// are wrong answers that the comparison must reject.
#include "step_test.h"

namespace kata {

KATA_STEP(dcounts_sum_inv, "counts", "dprobs")

KATA_MUTANT("dcounts_sum_inv", "summed over rows instead of columns", [](const Tensors& t) -> Matrix {
  const Matrix d = t.matrix("counts").cwiseProduct(t.matrix("dprobs"));
  return d.colwise().sum().transpose();
})

KATA_MUTANT("dcounts_sum_inv", "forgot counts",
            [](const Tensors& t) -> Matrix { return t.matrix("dprobs").rowwise().sum(); })

}  // namespace kata
