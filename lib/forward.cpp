#include "backprop/forward.h"

#include <algorithm>
#include <cmath>

namespace backprop {

std::int64_t rows_of(const Shape& shape) {
  std::int64_t rows = 1;
  for (std::size_t i = 0; i + 1 < shape.size(); ++i) rows *= shape[i];
  return rows;
}

ParameterShapes parameter_shapes(const Sizes& s) {
  const auto [vocab, block, embd, hidden] = s;
  return {.C = {vocab, embd},
          .W1 = {block * embd, hidden},
          .b1 = {hidden},
          .W2 = {hidden, vocab},
          .b2 = {vocab},
          .bngain = {1, hidden},
          .bnbias = {1, hidden}};
}

std::int64_t parameter_count(const Sizes& s) {
  const auto shapes = parameter_shapes(s);
  std::int64_t count = 0;
  for_each_parameter([&](std::string_view, const Shape& shape) { count += rows_of(shape) * shape.back(); }, shapes);
  return count;
}

template <typename Scalar>
void forward_embedding(const MatrixOf<Scalar>& C, const IndexMatrix& Xb, MatrixOf<Scalar>& emb,
                       MatrixOf<Scalar>& embcat) {
  const Eigen::Index n = Xb.rows(), block_size = Xb.cols();
  emb.resize(n * block_size, C.cols());
  // Row by row with std::copy_n: a row is too short (n_embd) for Eigen's row copy to pay its set-up.
  for (Eigen::Index i = 0; i < n; ++i)
    for (Eigen::Index j = 0; j < block_size; ++j) std::copy_n(&C(Xb(i, j), 0), C.cols(), &emb(i * block_size + j, 0));
  // Row-major, so the view is the same numbers in n rows.
  embcat = emb.template reshaped<Eigen::RowMajor>(n, block_size * C.cols());
}

template <typename Scalar>
void forward_linear(const MatrixOf<Scalar>& x, const MatrixOf<Scalar>& W, const RowVectorOf<Scalar>& b,
                    MatrixOf<Scalar>& out) {
  out.resize(x.rows(), W.cols());
  out.noalias() = x * W;
  out.rowwise() += b;
}

template <typename Scalar>
void forward_batchnorm(const MatrixOf<Scalar>& hprebn, const RowVectorOf<Scalar>& bngain,
                       const RowVectorOf<Scalar>& bnbias, RowVectorOf<Scalar>& bnmeani, RowVectorOf<Scalar>& bnvar_inv,
                       MatrixOf<Scalar>& bnraw, MatrixOf<Scalar>& hpreact) {
  const auto n = static_cast<Scalar>(hprebn.rows());
  bnmeani = hprebn.colwise().sum() / n;
  bnraw = hprebn.rowwise() - bnmeani;  // bndiff, scaled in place below
  // The variance as a squared norm, without the lecture's bndiff2: one pass, no (n, n_hidden) temporary.
  bnvar_inv = (bnraw.colwise().squaredNorm() / (n - 1)).array() + static_cast<Scalar>(kBatchNormEps);
  bnvar_inv = bnvar_inv.array().rsqrt();
  bnraw.array().rowwise() *= bnvar_inv.array();
  hpreact = (bnraw.array().rowwise() * bngain.array()).rowwise() + bnbias.array();
}

template <typename Scalar>
void forward_tanh(const MatrixOf<Scalar>& hpreact, MatrixOf<Scalar>& h) {
  h = hpreact.array().tanh();
}

template <typename Scalar>
Scalar forward_cross_entropy(const MatrixOf<Scalar>& logits, const IndexVector& Yb) {
  const Eigen::Matrix<Scalar, Eigen::Dynamic, 1> logit_maxes = logits.rowwise().maxCoeff();
  MatrixOf<Scalar> counts = logits.colwise() - logit_maxes;
  // exp over the whole contiguous matrix, in full vectors; row by row, 27 columns leave a scalar tail.
  counts = counts.array().exp();
  const Eigen::Matrix<Scalar, Eigen::Dynamic, 1> counts_sum = counts.rowwise().sum();
  double loss = 0;
  for (Eigen::Index i = 0; i < logits.rows(); ++i) loss += std::log(counts_sum(i)) + logit_maxes(i) - logits(i, Yb(i));
  return static_cast<Scalar>(loss / static_cast<double>(logits.rows()));
}

// float for training, double for the trainer's finite differences.
#define BACKPROP_LAYERS(Scalar)                                                                                       \
  template void forward_embedding(const MatrixOf<Scalar>&, const IndexMatrix&, MatrixOf<Scalar>&, MatrixOf<Scalar>&); \
  template void forward_linear(const MatrixOf<Scalar>&, const MatrixOf<Scalar>&, const RowVectorOf<Scalar>&,          \
                               MatrixOf<Scalar>&);                                                                    \
  template void forward_batchnorm(const MatrixOf<Scalar>&, const RowVectorOf<Scalar>&, const RowVectorOf<Scalar>&,    \
                                  RowVectorOf<Scalar>&, RowVectorOf<Scalar>&, MatrixOf<Scalar>&, MatrixOf<Scalar>&);  \
  template void forward_tanh(const MatrixOf<Scalar>&, MatrixOf<Scalar>&);                                             \
  template Scalar forward_cross_entropy(const MatrixOf<Scalar>&, const IndexVector&);
BACKPROP_LAYERS(float)
BACKPROP_LAYERS(double)
#undef BACKPROP_LAYERS

Forward forward(const Parameters& p, const IndexMatrix& Xb, const IndexVector& Yb) {
  const Eigen::Index n = Xb.rows();
  const float nf = static_cast<float>(n);
  Forward f;
  forward_embedding(p.C, Xb, f.emb, f.embcat);
  forward_linear(f.embcat, p.W1, p.b1, f.hprebn);

  // BatchNorm in the lecture's chunks, not forward_batchnorm: steps 15-20 differentiate bndiff2,
  // bnvar and bndiff, which the fused form never forms, and bnvar is 1/(n-1) * sum(bndiff2) as the
  // lecture writes it (the same value as the fused squared norm, not the same rounding).
  f.bnmeani = 1.0f / nf * f.hprebn.colwise().sum();
  f.bndiff = f.hprebn.rowwise() - f.bnmeani;
  f.bndiff2 = f.bndiff.array().square();
  f.bnvar = 1.0f / (nf - 1.0f) * f.bndiff2.colwise().sum();  // Bessel's correction
  f.bnvar_inv = (f.bnvar.array() + kBatchNormEps).rsqrt();
  f.bnraw = f.bndiff.array().rowwise() * f.bnvar_inv.array();
  f.hpreact = (f.bnraw.array().rowwise() * p.bngain.array()).rowwise() + p.bnbias.array();

  forward_tanh(f.hpreact, f.h);
  forward_linear(f.h, p.W2, p.b2, f.logits);

  // Cross-entropy through probs and log(probs), not forward_cross_entropy's log-sum-exp: steps 1-8
  // differentiate counts, probs and logprobs. log(probs) is -inf once a probability underflows,
  // which log-sum-exp never is; the trainer, which needs only the loss, takes log-sum-exp.
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
