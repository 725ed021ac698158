// Step 19: dbndiff. The learner's function is fed PyTorch's tensors; the mutants below
// are wrong answers that the comparison must reject.
#include "step_test.h"

namespace kata {

KATA_STEP(dbndiff, "bndiff", "bnvar_inv", "dbnraw", "dbndiff2")

KATA_MUTANT("dbndiff", "only the path through bnraw", [](const Tensors& t) -> Matrix {
  return (t.matrix("dbnraw").array().rowwise() * t.row("bnvar_inv").array()).matrix();
})

KATA_MUTANT("dbndiff", "only the path through bndiff2", [](const Tensors& t) -> Matrix {
  return (2.0f * t.matrix("bndiff").array() * t.matrix("dbndiff2").array()).matrix();
})

KATA_MUTANT("dbndiff", "bndiff instead of 2 * bndiff", [](const Tensors& t) -> Matrix {
  return (t.matrix("dbnraw").array().rowwise() * t.row("bnvar_inv").array() +
          t.matrix("bndiff").array() * t.matrix("dbndiff2").array())
      .matrix();
})

// Right on the network, whose dbndiff2 repeats one row n times; the probe's rows differ.
KATA_MUTANT("dbndiff", "row 0 of dbndiff2 for every row", [](const Tensors& t) -> Matrix {
  const RowVector dbndiff2_row = t.matrix("dbndiff2").row(0);
  return (t.matrix("dbnraw").array().rowwise() * t.row("bnvar_inv").array() +
          2.0f * (t.matrix("bndiff").array().rowwise() * dbndiff2_row.array()))
      .matrix();
})

}  // namespace kata
