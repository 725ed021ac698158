// Step 26 of 28: dC. The note: docs/steps/26_dC.md
//
// Forward:  emb = C[Xb]
// Shapes:   C (27, 10), Xb (n, 3), demb (3n, 10) -> dC (27, 10)
#include "backprop/steps.h"

namespace backprop {

Matrix dC(const Matrix& C, const IndexMatrix& Xb, const Matrix& demb) {
  // Row i * block_size + j of emb is a copy of row Xb(i, j) of C; rows of C repeat, so accumulate.
  Matrix dC = Matrix::Zero(C.rows(), C.cols());
  for (Eigen::Index i = 0; i < Xb.rows(); ++i)
    for (Eigen::Index j = 0; j < Xb.cols(); ++j) dC.row(Xb(i, j)) += demb.row(i * Xb.cols() + j);
  return dC;
}

}  // namespace backprop
