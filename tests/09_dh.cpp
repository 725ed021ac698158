// Step 9: dh. The learner's function is fed PyTorch's tensors; the mutants below
// are wrong answers that the comparison must reject.
#include "step_test.h"

namespace kata {

KATA_STEP(dh, "W2", "dlogits")

KATA_MUTANT("dh", "the transpose of dh", [](const Tensors& t) -> Matrix {
  const Matrix W2 = t.matrix("W2"), dlogits = t.matrix("dlogits");
  return W2 * dlogits.transpose();
})

}  // namespace kata
