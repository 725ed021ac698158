// Step 25: demb. The learner's function is fed PyTorch's tensors; the mutants below
// are wrong answers that the comparison must reject.
#include "step_test.h"

namespace kata {

KATA_STEP("demb", [](const Tensors& t) -> Matrix { return backprop::demb(t.matrix("emb"), t.matrix("dembcat")); })

KATA_MUTANT("demb", "read dembcat in column-major order", [](const Tensors& t) -> Matrix {
  const Matrix emb = t.matrix("emb"), dembcat = t.matrix("dembcat");
  return dembcat.reshaped(emb.rows(), emb.cols());
})

}  // namespace kata
