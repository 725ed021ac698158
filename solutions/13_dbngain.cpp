// Step 13 of 28: dbngain. The note: docs/steps/13_dbngain.md
//
// Forward:  hpreact = bngain * bnraw + bnbias
// Shapes:   bnraw (n, 64), dhpreact (n, 64) -> dbngain (1, 64)
#include "backprop/steps.h"

namespace backprop {

RowVector dbngain(const Matrix& bnraw, const Matrix& dhpreact) {
  return (bnraw.array() * dhpreact.array()).colwise().sum().matrix();
}

}  // namespace backprop
