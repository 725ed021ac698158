#include "backprop/forward.h"

#include <cmath>

namespace backprop {

Forward forward(const Parameters& p, const IndexMatrix& Xb, const IndexVector& Yb) {
  const Eigen::Index n = Xb.rows(), block_size = Xb.cols(), n_embd = p.C.cols();
  const float nf = static_cast<float>(n);
  Forward f;

  // emb = C[Xb]; embcat = emb.view(n, -1)
  f.emb.resize(n * block_size, n_embd);
  for (Eigen::Index i = 0; i < n; ++i)
    for (Eigen::Index j = 0; j < block_size; ++j) f.emb.row(i * block_size + j) = p.C.row(Xb(i, j));
  f.embcat = f.emb.reshaped<Eigen::RowMajor>(n, block_size * n_embd);

  // Linear layer 1
  f.hprebn = (f.embcat * p.W1).rowwise() + p.b1;

  // BatchNorm layer
  f.bnmeani = 1.0f / nf * f.hprebn.colwise().sum();
  f.bndiff = f.hprebn.rowwise() - f.bnmeani;
  f.bndiff2 = f.bndiff.array().square();
  f.bnvar = 1.0f / (nf - 1.0f) * f.bndiff2.colwise().sum();  // Bessel's correction
  f.bnvar_inv = (f.bnvar.array() + kBatchNormEps).rsqrt();
  f.bnraw = f.bndiff.array().rowwise() * f.bnvar_inv.array();
  f.hpreact = (f.bnraw.array().rowwise() * p.bngain.array()).rowwise() + p.bnbias.array();

  // Non-linearity
  f.h = f.hpreact.array().tanh();

  // Linear layer 2
  f.logits = (f.h * p.W2).rowwise() + p.b2;

  // Cross-entropy loss
  f.logit_maxes = f.logits.rowwise().maxCoeff();
  f.norm_logits = f.logits.colwise() - f.logit_maxes;
  f.counts = f.norm_logits.array().exp();
  f.counts_sum = f.counts.rowwise().sum();
  f.counts_sum_inv = f.counts_sum.array().inverse();
  f.probs = f.counts.array().colwise() * f.counts_sum_inv.array();
  f.logprobs = f.probs.array().log();
  double loss = 0;
  for (Eigen::Index i = 0; i < n; ++i) loss -= f.logprobs(i, Yb(i));
  f.loss = static_cast<float>(loss / static_cast<double>(n));
  return f;
}

}  // namespace backprop
