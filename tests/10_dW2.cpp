// Step 10: dW2. The learner's function is fed PyTorch's tensors; the mutants below
// are wrong answers that the comparison must reject.
#include "step_test.h"

namespace kata {

KATA_STEP(dW2, "h", "dlogits")

KATA_MUTANT("dW2", "transposed result",
            [](const Tensors& t) -> Matrix { return (t.matrix("h").transpose() * t.matrix("dlogits")).transpose(); })

KATA_MUTANT("dW2", "mean over the batch instead of sum", [](const Tensors& t) -> Matrix {
  const Matrix h = t.matrix("h");
  return h.transpose() * t.matrix("dlogits") / static_cast<float>(h.rows());
})

}  // namespace kata
