// Step 20 of 28: dbnmeani. The note: docs/steps/20_dbnmeani.md
//
// Forward:  bndiff = hprebn - bnmeani
// Shapes:   dbndiff (n, 64) -> dbnmeani (1, 64)
#include "backprop/steps.h"

namespace backprop {

RowVector dbnmeani(const Matrix& dbndiff) {
  // bnmeani was broadcast and subtracted: sum over rows, negated.
  return -dbndiff.colwise().sum();
}

}  // namespace backprop
