// Step 12: dhpreact. The learner's function is fed PyTorch's tensors; the mutants below
// are wrong answers that the comparison must reject.
#include "step_test.h"

namespace kata {

KATA_STEP(dhpreact, "h", "dh")

KATA_MUTANT("dhpreact", "1 - h instead of 1 - h**2", [](const Tensors& t) -> Matrix {
  return ((1.0f - t.matrix("h").array()) * t.matrix("dh").array()).matrix();
})

KATA_MUTANT("dhpreact", "forgot the local derivative", [](const Tensors& t) -> Matrix { return t.matrix("dh"); })

}  // namespace kata
