// Step 26: dC. The learner's function is fed PyTorch's tensors; the mutants below
// are wrong answers that the comparison must reject.
#include "step_test.h"

namespace kata {

KATA_STEP(dC, "C", "Xb", "demb")

KATA_MUTANT("dC", "assigned instead of accumulated, losing repeated characters", [](const Tensors& t) -> Matrix {
  const Matrix C = t.matrix("C"), demb = t.matrix("demb");
  const IndexMatrix Xb = t.index_matrix("Xb");
  Matrix d = Matrix::Zero(C.rows(), C.cols());
  for (Eigen::Index i = 0; i < Xb.rows(); ++i)
    for (Eigen::Index j = 0; j < Xb.cols(); ++j) d.row(Xb(i, j)) = demb.row(i * Xb.cols() + j);
  return d;
})

// What an accumulator never set to zero holds is whatever the memory held: junk like this.
KATA_MUTANT("dC", "accumulator not set to zero", [](const Tensors& t) -> Matrix {
  const Matrix C = t.matrix("C"), demb = t.matrix("demb");
  const IndexMatrix Xb = t.index_matrix("Xb");
  Matrix d = Matrix::Constant(C.rows(), C.cols(), 7.7e31f);
  for (Eigen::Index i = 0; i < Xb.rows(); ++i)
    for (Eigen::Index j = 0; j < Xb.cols(); ++j) d.row(Xb(i, j)) += demb.row(i * Xb.cols() + j);
  return d;
})

// Xb's columns read in reverse: not a permutation of dC, as each row of demb is added to the row of
// C of another character.
KATA_MUTANT("dC", "demb's rows added to the wrong rows of C: is the context order reversed?",
            [](const Tensors& t) -> Matrix {
              const Matrix C = t.matrix("C"), demb = t.matrix("demb");
              const IndexMatrix Xb = t.index_matrix("Xb");
              const Eigen::Index block_size = Xb.cols();
              Matrix d = Matrix::Zero(C.rows(), C.cols());
              for (Eigen::Index i = 0; i < Xb.rows(); ++i)
                for (Eigen::Index j = 0; j < block_size; ++j)
                  d.row(Xb(i, block_size - 1 - j)) += demb.row(i * block_size + j);
              return d;
            })

}  // namespace kata
