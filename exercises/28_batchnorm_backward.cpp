// Step 28 of 28: batchnorm_backward. The note: docs/steps/28_batchnorm_backward.md
//
// Forward:  hpreact = bngain * (hprebn - hprebn.mean(0)) / torch.sqrt(hprebn.var(0, unbiased=True) + 1e-5) + bnbias
// Shapes:   bngain (1, 64), bnvar_inv (1, 64), bnraw (n, 64), dhpreact (n, 64) -> dhprebn (n, 64)
// Check:    build/exercises/kata run batchnorm_backward   (from the repository root: rebuilds, then checks this step)
#include "backprop/steps.h"

namespace backprop {

Matrix batchnorm_backward(const RowVector& bngain, const RowVector& bnvar_inv, const Matrix& bnraw,
                          const Matrix& dhpreact) {
  // TODO: return the gradient of the loss with respect to hprebn: dhprebn has the shape of hprebn.
  throw NotDone("batchnorm_backward");
}

}  // namespace backprop
