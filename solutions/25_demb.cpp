// Step 25 of 28: demb. The note: docs/steps/25_demb.md
//
// Forward:  embcat = emb.view(emb.shape[0], -1)
// Shapes:   emb (3n, 10), dembcat (n, 30) -> demb (3n, 10)
#include "backprop/steps.h"

namespace backprop {

Matrix demb(const Matrix& emb, const Matrix& dembcat) {
  // A view moves no numbers: the same values, emb's shape.
  return dembcat.reshaped<Eigen::RowMajor>(emb.rows(), emb.cols());
}

}  // namespace backprop
