// Step 26 of 28: dC. The note: docs/steps/26_dC.md
//
// Forward:  emb = C[Xb]
// Shapes:   C (27, 10), Xb (n, 3), demb (3n, 10) -> dC (27, 10)
#include "backprop/steps.h"

namespace backprop {

Matrix dC(const Matrix& C, const IndexMatrix& Xb, const Matrix& demb) {
  // Row i * block_size + j of emb is a copy of row Xb(i, j) of C; rows of C repeat, so accumulate.
  Matrix dC = Matrix::Zero(C.rows(), C.cols());
  // Number by number: a row of n_embd (10) numbers is too short for Eigen's row loop to pay its set-up.
  for (Eigen::Index i = 0; i < Xb.rows(); ++i)
    for (Eigen::Index j = 0; j < Xb.cols(); ++j)
      for (Eigen::Index k = 0; k < C.cols(); ++k) dC(Xb(i, j), k) += demb(i * Xb.cols() + j, k);
  return dC;
}

}  // namespace backprop
