// Step 28 of 28: batchnorm_backward. The note: docs/steps/28_batchnorm_backward.md
//
// Forward:  hpreact = bngain * (hprebn - hprebn.mean(0)) / torch.sqrt(hprebn.var(0, unbiased=True) + 1e-5) + bnbias
// Shapes:   bngain (1, 64), bnvar_inv (1, 64), bnraw (n, 64), dhpreact (n, 64) -> dhprebn (n, 64)
#include "backprop/steps.h"

namespace backprop {

Matrix batchnorm_backward(const RowVector& bngain, const RowVector& bnvar_inv, const Matrix& bnraw,
                          const Matrix& dhpreact) {
  // bngain*bnvar_inv/n * (n*dhpreact - dhpreact.sum(0) - n/(n-1)*bnraw*(dhpreact*bnraw).sum(0));
  // docs/steps/28_batchnorm_backward.md derives it.
  const float n = static_cast<float>(bnraw.rows());
  const RowVector dhpreact_sum = dhpreact.colwise().sum();
  const RowVector dhpreact_dot_bnraw = (dhpreact.array() * bnraw.array()).colwise().sum();
  Matrix dhprebn = ((n * dhpreact.array()).rowwise() - dhpreact_sum.array()) -
                   n / (n - 1.0f) * (bnraw.array().rowwise() * dhpreact_dot_bnraw.array());
  dhprebn.array().rowwise() *= bngain.array() * bnvar_inv.array() / n;
  return dhprebn;
}

}  // namespace backprop
