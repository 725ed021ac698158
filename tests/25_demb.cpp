// Step 25: demb. The learner's function is fed PyTorch's tensors; the mutants below
// are wrong answers that the comparison must reject.
#include "step_test.h"

namespace kata {

KATA_STEP(demb, "emb", "dembcat")

KATA_MUTANT("demb", "read dembcat in column-major order", [](const Tensors& t) -> Matrix {
  const Matrix emb = t.matrix("emb"), dembcat = t.matrix("dembcat");
  return dembcat.reshaped(emb.rows(), emb.cols());
})

KATA_MUTANT("demb", "blocks in the wrong order: by position in the context, then by example",
            [](const Tensors& t) -> Matrix {
              const Matrix emb = t.matrix("emb"), dembcat = t.matrix("dembcat");
              const Eigen::Index n = dembcat.rows(), block_size = emb.rows() / n, n_embd = emb.cols();
              Matrix d(emb.rows(), emb.cols());
              for (Eigen::Index i = 0; i < n; ++i)
                for (Eigen::Index k = 0; k < block_size; ++k)
                  d.row(k * n + i) = dembcat.block(i, k * n_embd, 1, n_embd);
              return d;
            })

// The context read backwards: the values all there, each example's block_size rows in reverse order.
KATA_MUTANT("demb", "each example's rows in reverse order", [](const Tensors& t) -> Matrix {
  const Matrix emb = t.matrix("emb"), dembcat = t.matrix("dembcat");
  const Eigen::Index n = dembcat.rows(), block_size = emb.rows() / n, n_embd = emb.cols();
  Matrix d(emb.rows(), emb.cols());
  for (Eigen::Index i = 0; i < n; ++i)
    for (Eigen::Index k = 0; k < block_size; ++k)
      d.row(i * block_size + k) = dembcat.block(i, (block_size - 1 - k) * n_embd, 1, n_embd);
  return d;
})

}  // namespace kata
