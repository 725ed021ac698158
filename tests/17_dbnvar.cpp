// Step 17: dbnvar. The learner's function is fed PyTorch's tensors; the mutants below
// are wrong answers that the comparison must reject.
#include "step_test.h"

namespace kata {

KATA_STEP(dbnvar, "bnvar", "dbnvar_inv")

KATA_MUTANT("dbnvar", "flipped sign", [](const Tensors& t) -> Matrix {
  return (0.5f * (t.row("bnvar").array() + 1e-5f).pow(-1.5f) * t.row("dbnvar_inv").array()).matrix();
})

KATA_MUTANT("dbnvar", "power -0.5 instead of -1.5", [](const Tensors& t) -> Matrix {
  return (-0.5f * (t.row("bnvar").array() + 1e-5f).pow(-0.5f) * t.row("dbnvar_inv").array()).matrix();
})

KATA_MUTANT("dbnvar", "forgot the eps", [](const Tensors& t) -> Matrix {
  return (-0.5f * t.row("bnvar").array().pow(-1.5f) * t.row("dbnvar_inv").array()).matrix();
})

KATA_MUTANT("dbnvar", "-3 / 2 in integer division (-1)", [](const Tensors& t) -> Matrix {
  const auto power = static_cast<float>(-3 / 2);
  return (-0.5f * (t.row("bnvar").array() + 1e-5f).pow(power) * t.row("dbnvar_inv").array()).matrix();
})

}  // namespace kata
