// Step 14 of 28: dbnbias. The note: docs/steps/14_dbnbias.md
//
// Forward:  hpreact = bngain * bnraw + bnbias
// Shapes:   dhpreact (n, 64) -> dbnbias (1, 64)
#include "backprop/steps.h"

namespace backprop {

RowVector dbnbias(const Matrix& dhpreact) { return dhpreact.colwise().sum(); }

}  // namespace backprop
