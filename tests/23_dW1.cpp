// Step 23: dW1. The learner's function is fed PyTorch's tensors; the mutants below
// are wrong answers that the comparison must reject.
#include "step_test.h"

namespace kata {

KATA_STEP(dW1, "embcat", "dhprebn")

KATA_MUTANT("dW1", "transposed result", [](const Tensors& t) -> Matrix {
  return (t.matrix("embcat").transpose() * t.matrix("dhprebn")).transpose();
})

}  // namespace kata
