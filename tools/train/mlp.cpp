#include "mlp.h"

#include <cmath>
#include <stdexcept>
#include <string>
#include <utility>

#include "backprop/manifest.h"
#include "backprop/steps.h"

namespace train {
namespace {

// The trainer is built without Eigen's checks, so a step that returns the wrong shape is stopped
// here, before the next step reads past the end of it.
template <typename Tensor>
Tensor checked(const char* step, Tensor gradient, Eigen::Index rows, Eigen::Index cols) {
  if (gradient.rows() != rows || gradient.cols() != cols) {
    const auto* s = backprop::find_step(step);
    throw std::logic_error(std::string(step) + " returned shape (" + std::to_string(gradient.rows()) + ", " +
                           std::to_string(gradient.cols()) + "), expected (" + std::to_string(rows) + ", " +
                           std::to_string(cols) + ")" +
                           (s ? ": " + backprop::edit_message(*s) + " until its test passes" : ""));
  }
  return gradient;
}

// A gradient has the shape of its tensor.
template <typename Tensor, typename Like>
Tensor checked(const char* step, Tensor gradient, const Like& like) {
  return checked(step, std::move(gradient), like.rows(), like.cols());
}

}  // namespace

Sizes sizes_of(const Parameters& p) {
  const auto n_embd = static_cast<int>(p.C.cols());
  return {static_cast<int>(p.C.rows()), static_cast<int>(p.W1.rows()) / n_embd, n_embd, static_cast<int>(p.W1.cols())};
}

void forward_embedding(const Matrix& C, const IndexMatrix& Xb, Matrix& emb, Matrix& embcat) {
  const Eigen::Index n = Xb.rows(), block_size = Xb.cols();
  emb.resize(n * block_size, C.cols());
  for (Eigen::Index i = 0; i < n; ++i)
    for (Eigen::Index j = 0; j < block_size; ++j) emb.row(i * block_size + j) = C.row(Xb(i, j));
  // Row-major, so the view is the same numbers in n rows.
  embcat = emb.reshaped<Eigen::RowMajor>(n, block_size * C.cols());
}

Matrix backward_embedding(const Matrix& C, const IndexMatrix& Xb, const Matrix& emb, const Matrix& dembcat) {
  const Matrix demb = checked("demb", backprop::demb(emb, dembcat), emb);
  return checked("dC", backprop::dC(C, Xb, demb), C);
}

void forward_linear1(const Matrix& embcat, const Matrix& W1, const RowVector& b1, Matrix& hprebn) {
  hprebn.resize(embcat.rows(), W1.cols());
  hprebn.noalias() = embcat * W1;
  hprebn.rowwise() += b1;
}

Matrix backward_linear1(const Matrix& embcat, const Matrix& W1, const Matrix& dhprebn, Gradients& g) {
  g.dW1 = checked("dW1", backprop::dW1(embcat, dhprebn), W1);
  g.db1 = checked("db1", backprop::db1(dhprebn), 1, W1.cols());
  return checked("dembcat", backprop::dembcat(W1, dhprebn), embcat);
}

void forward_batchnorm(const Matrix& hprebn, const RowVector& bngain, const RowVector& bnbias, RowVector& bnmeani,
                       RowVector& bnvar_inv, Matrix& bnraw, Matrix& hpreact) {
  const float n = static_cast<float>(hprebn.rows());
  bnmeani = hprebn.colwise().sum() / n;
  bnraw = hprebn.rowwise() - bnmeani;  // bndiff, scaled in place below
  bnvar_inv = (bnraw.colwise().squaredNorm() / (n - 1.0f)).array() + backprop::kBatchNormEps;
  bnvar_inv = bnvar_inv.array().rsqrt();
  bnraw.array().rowwise() *= bnvar_inv.array();
  hpreact = (bnraw.array().rowwise() * bngain.array()).rowwise() + bnbias.array();
}

Matrix backward_batchnorm(const RowVector& bngain, const RowVector& bnvar_inv, const Matrix& bnraw,
                          const Matrix& dhpreact, Gradients& g) {
  g.dbngain = checked("dbngain", backprop::dbngain(bnraw, dhpreact), 1, bnraw.cols());
  g.dbnbias = checked("dbnbias", backprop::dbnbias(dhpreact), 1, bnraw.cols());
  return checked("batchnorm_backward", backprop::batchnorm_backward(bngain, bnvar_inv, bnraw, dhpreact), bnraw.rows(),
                 bnraw.cols());
}

void forward_tanh(const Matrix& hpreact, Matrix& h) { h = hpreact.array().tanh(); }

Matrix backward_tanh(const Matrix& h, const Matrix& dh) { return checked("dhpreact", backprop::dhpreact(h, dh), h); }

void forward_linear2(const Matrix& h, const Matrix& W2, const RowVector& b2, Matrix& logits) {
  logits.resize(h.rows(), W2.cols());
  logits.noalias() = h * W2;
  logits.rowwise() += b2;
}

Matrix backward_linear2(const Matrix& h, const Matrix& W2, const Matrix& dlogits, Gradients& g) {
  g.dW2 = checked("dW2", backprop::dW2(h, dlogits), W2);
  g.db2 = checked("db2", backprop::db2(dlogits), 1, W2.cols());
  return checked("dh", backprop::dh(W2, dlogits), h);
}

float forward_cross_entropy(const Matrix& logits, const IndexVector& Yb) {
  const ColVector logit_maxes = logits.rowwise().maxCoeff();
  Matrix counts = logits.colwise() - logit_maxes;
  // exp over the whole contiguous matrix, in full vectors; row by row, 27 columns leave a scalar tail.
  counts = counts.array().exp();
  const ColVector counts_sum = counts.rowwise().sum();
  double loss = 0;
  for (Eigen::Index i = 0; i < logits.rows(); ++i) loss += std::log(counts_sum(i)) + logit_maxes(i) - logits(i, Yb(i));
  return static_cast<float>(loss / static_cast<double>(logits.rows()));
}

Matrix backward_cross_entropy(const Matrix& logits, const IndexVector& Yb) {
  return checked("cross_entropy_backward", backprop::cross_entropy_backward(logits, Yb), logits);
}

void forward(const Parameters& p, const IndexMatrix& Xb, const IndexVector& Yb, Activations& a) {
  forward_embedding(p.C, Xb, a.emb, a.embcat);
  forward_linear1(a.embcat, p.W1, p.b1, a.hprebn);
  forward_batchnorm(a.hprebn, p.bngain, p.bnbias, a.bnmeani, a.bnvar_inv, a.bnraw, a.hpreact);
  forward_tanh(a.hpreact, a.h);
  forward_linear2(a.h, p.W2, p.b2, a.logits);
  a.loss = forward_cross_entropy(a.logits, Yb);
}

Gradients backward(const Parameters& p, const IndexMatrix& Xb, const IndexVector& Yb, const Activations& a) {
  Gradients g;
  const Matrix dlogits = backward_cross_entropy(a.logits, Yb);
  const Matrix dh = backward_linear2(a.h, p.W2, dlogits, g);
  const Matrix dhpreact = backward_tanh(a.h, dh);
  const Matrix dhprebn = backward_batchnorm(p.bngain, a.bnvar_inv, a.bnraw, dhpreact, g);
  const Matrix dembcat = backward_linear1(a.embcat, p.W1, dhprebn, g);
  g.dC = backward_embedding(p.C, Xb, a.emb, dembcat);
  return g;
}

Gradients backward_chain(const Parameters& p, const IndexMatrix& Xb, const IndexVector& Yb,
                         const backprop::Forward& f) {
  Gradients g;
  // Cross-entropy, one line at a time
  const Matrix dlogprobs = checked("dlogprobs", backprop::dlogprobs(f.logprobs, Yb), f.logprobs);
  const Matrix dprobs = checked("dprobs", backprop::dprobs(f.probs, dlogprobs), f.probs);
  const ColVector dcounts_sum_inv =
      checked("dcounts_sum_inv", backprop::dcounts_sum_inv(f.counts, dprobs), f.counts_sum_inv);
  const ColVector dcounts_sum =
      checked("dcounts_sum", backprop::dcounts_sum(f.counts_sum, dcounts_sum_inv), f.counts_sum);
  const Matrix dcounts = checked("dcounts", backprop::dcounts(f.counts_sum_inv, dprobs, dcounts_sum), f.counts);
  const Matrix dnorm_logits = checked("dnorm_logits", backprop::dnorm_logits(f.counts, dcounts), f.norm_logits);
  const ColVector dlogit_maxes = checked("dlogit_maxes", backprop::dlogit_maxes(dnorm_logits), f.logit_maxes);
  const Matrix dlogits = checked("dlogits", backprop::dlogits(f.logits, dnorm_logits, dlogit_maxes), f.logits);
  // Linear layer 2 and tanh
  const Matrix dh = checked("dh", backprop::dh(p.W2, dlogits), f.h);
  g.dW2 = checked("dW2", backprop::dW2(f.h, dlogits), p.W2);
  g.db2 = checked("db2", backprop::db2(dlogits), p.b2);
  const Matrix dhpreact = checked("dhpreact", backprop::dhpreact(f.h, dh), f.hpreact);
  // BatchNorm, one line at a time
  g.dbngain = checked("dbngain", backprop::dbngain(f.bnraw, dhpreact), p.bngain);
  g.dbnbias = checked("dbnbias", backprop::dbnbias(dhpreact), p.bnbias);
  const Matrix dbnraw = checked("dbnraw", backprop::dbnraw(p.bngain, dhpreact), f.bnraw);
  const RowVector dbnvar_inv = checked("dbnvar_inv", backprop::dbnvar_inv(f.bndiff, dbnraw), f.bnvar_inv);
  const RowVector dbnvar = checked("dbnvar", backprop::dbnvar(f.bnvar, dbnvar_inv), f.bnvar);
  const Matrix dbndiff2 = checked("dbndiff2", backprop::dbndiff2(f.bndiff2, dbnvar), f.bndiff2);
  const Matrix dbndiff = checked("dbndiff", backprop::dbndiff(f.bndiff, f.bnvar_inv, dbnraw, dbndiff2), f.bndiff);
  const RowVector dbnmeani = checked("dbnmeani", backprop::dbnmeani(dbndiff), f.bnmeani);
  const Matrix dhprebn = checked("dhprebn", backprop::dhprebn(dbndiff, dbnmeani), f.hprebn);
  // Linear layer 1 and the embedding
  const Matrix dembcat = checked("dembcat", backprop::dembcat(p.W1, dhprebn), f.embcat);
  g.dW1 = checked("dW1", backprop::dW1(f.embcat, dhprebn), p.W1);
  g.db1 = checked("db1", backprop::db1(dhprebn), p.b1);
  const Matrix demb = checked("demb", backprop::demb(f.emb, dembcat), f.emb);
  g.dC = checked("dC", backprop::dC(p.C, Xb, demb), p.C);
  return g;
}

void sgd_update(Parameters& p, const Gradients& g, float lr) {
  p.C -= lr * g.dC;
  p.W1 -= lr * g.dW1;
  p.b1 -= lr * g.db1;
  p.W2 -= lr * g.dW2;
  p.b2 -= lr * g.db2;
  p.bngain -= lr * g.dbngain;
  p.bnbias -= lr * g.dbnbias;
}

}  // namespace train
