// Step 15 of 28: dbnraw. The note: docs/steps/15_dbnraw.md
//
// Forward:  hpreact = bngain * bnraw + bnbias
// Shapes:   bngain (1, 64), dhpreact (n, 64) -> dbnraw (n, 64)
#include "backprop/steps.h"

namespace backprop {

Matrix dbnraw(const RowVector& bngain, const Matrix& dhpreact) {
  return (dhpreact.array().rowwise() * bngain.array()).matrix();
}

}  // namespace backprop
