// Step 16 of 28: dbnvar_inv. The note: docs/steps/16_dbnvar_inv.md
//
// Forward:  bnraw = bndiff * bnvar_inv
// Shapes:   bndiff (n, 64), dbnraw (n, 64) -> dbnvar_inv (1, 64)
#include "backprop/steps.h"

namespace backprop {

RowVector dbnvar_inv(const Matrix& bndiff, const Matrix& dbnraw) {
  return (bndiff.array() * dbnraw.array()).colwise().sum().matrix();
}

}  // namespace backprop
