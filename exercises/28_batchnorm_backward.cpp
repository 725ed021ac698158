// Step 28 of 28: batchnorm_backward. The note: docs/steps/28_batchnorm_backward.md
//
// Forward:  hpreact = bngain * (hprebn - bnmeani) * bnvar_inv + bnbias
// Shapes:   bngain (1, 64), bnvar_inv (1, 64), bnraw (n, 64), dhpreact (n, 64) -> dhprebn (n, 64)
// Check:    ctest --preset exercises -R 28_batchnorm_backward
#include "backprop/steps.h"

namespace backprop {

Matrix batchnorm_backward(const RowVector& bngain, const RowVector& bnvar_inv, const Matrix& bnraw,
                          const Matrix& dhpreact) {
  // TODO: return the gradient of the loss with respect to hprebn: dhprebn has the shape of hprebn.
  throw NotDone("batchnorm_backward");
}

}  // namespace backprop
