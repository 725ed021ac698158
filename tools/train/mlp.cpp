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
  return {
      .vocab_size = p.C.rows(), .block_size = p.W1.rows() / p.C.cols(), .n_embd = p.C.cols(), .n_hidden = p.W1.cols()};
}

Matrix backward_embedding(const Matrix& C, const IndexMatrix& Xb, const Matrix& emb, const Matrix& dembcat) {
  const Matrix demb = checked("demb", backprop::demb(emb, dembcat), emb);
  return checked("dC", backprop::dC(C, Xb, demb), C);
}

Matrix backward_linear1(const Matrix& embcat, const Matrix& W1, const Matrix& dhprebn, Parameters& grad) {
  grad.W1 = checked("dW1", backprop::dW1(embcat, dhprebn), W1);
  grad.b1 = checked("db1", backprop::db1(dhprebn), 1, W1.cols());
  return checked("dembcat", backprop::dembcat(W1, dhprebn), embcat);
}

Matrix backward_batchnorm(const RowVector& bngain, const RowVector& bnvar_inv, const Matrix& bnraw,
                          const Matrix& dhpreact, Parameters& grad) {
  grad.bngain = checked("dbngain", backprop::dbngain(bnraw, dhpreact), 1, bnraw.cols());
  grad.bnbias = checked("dbnbias", backprop::dbnbias(dhpreact), 1, bnraw.cols());
  return checked("batchnorm_backward", backprop::batchnorm_backward(bngain, bnvar_inv, bnraw, dhpreact), bnraw.rows(),
                 bnraw.cols());
}

Matrix backward_tanh(const Matrix& h, const Matrix& dh) { return checked("dhpreact", backprop::dhpreact(h, dh), h); }

Matrix backward_linear2(const Matrix& h, const Matrix& W2, const Matrix& dlogits, Parameters& grad) {
  grad.W2 = checked("dW2", backprop::dW2(h, dlogits), W2);
  grad.b2 = checked("db2", backprop::db2(dlogits), 1, W2.cols());
  return checked("dh", backprop::dh(W2, dlogits), h);
}

Matrix backward_cross_entropy(const Matrix& logits, const IndexVector& Yb) {
  return checked("cross_entropy_backward", backprop::cross_entropy_backward(logits, Yb), logits);
}

template <typename Scalar>
void forward(const backprop::ParameterTensors<Scalar>& p, const IndexMatrix& Xb, const IndexVector& Yb,
             Activations<Scalar>& a) {
  backprop::forward_embedding(p.C, Xb, a.emb, a.embcat);
  backprop::forward_linear(a.embcat, p.W1, p.b1, a.hprebn);
  backprop::forward_batchnorm(a.hprebn, p.bngain, p.bnbias, a.bnmeani, a.bnvar_inv, a.bnraw, a.hpreact);
  backprop::forward_tanh(a.hpreact, a.h);
  backprop::forward_linear(a.h, p.W2, p.b2, a.logits);
  a.loss = backprop::forward_cross_entropy(a.logits, Yb);
}
template void forward(const Parameters&, const IndexMatrix&, const IndexVector&, Activations<float>&);
template void forward(const backprop::ParameterTensors<double>&, const IndexMatrix&, const IndexVector&,
                      Activations<double>&);

Parameters backward(const Parameters& p, const IndexMatrix& Xb, const IndexVector& Yb, const Activations<float>& a) {
  Parameters grad;
  const Matrix dlogits = backward_cross_entropy(a.logits, Yb);
  const Matrix dh = backward_linear2(a.h, p.W2, dlogits, grad);
  const Matrix dhpreact = backward_tanh(a.h, dh);
  const Matrix dhprebn = backward_batchnorm(p.bngain, a.bnvar_inv, a.bnraw, dhpreact, grad);
  const Matrix dembcat = backward_linear1(a.embcat, p.W1, dhprebn, grad);
  grad.C = backward_embedding(p.C, Xb, a.emb, dembcat);
  return grad;
}

Parameters backward_chain(const Parameters& p, const IndexMatrix& Xb, const IndexVector& Yb,
                          const backprop::Forward& f) {
  Parameters grad;
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
  grad.W2 = checked("dW2", backprop::dW2(f.h, dlogits), p.W2);
  grad.b2 = checked("db2", backprop::db2(dlogits), p.b2);
  const Matrix dhpreact = checked("dhpreact", backprop::dhpreact(f.h, dh), f.hpreact);
  // BatchNorm, one line at a time
  grad.bngain = checked("dbngain", backprop::dbngain(f.bnraw, dhpreact), p.bngain);
  grad.bnbias = checked("dbnbias", backprop::dbnbias(dhpreact), p.bnbias);
  const Matrix dbnraw = checked("dbnraw", backprop::dbnraw(p.bngain, dhpreact), f.bnraw);
  const RowVector dbnvar_inv = checked("dbnvar_inv", backprop::dbnvar_inv(f.bndiff, dbnraw), f.bnvar_inv);
  const RowVector dbnvar = checked("dbnvar", backprop::dbnvar(f.bnvar, dbnvar_inv), f.bnvar);
  const Matrix dbndiff2 = checked("dbndiff2", backprop::dbndiff2(f.bndiff2, dbnvar), f.bndiff2);
  const Matrix dbndiff = checked("dbndiff", backprop::dbndiff(f.bndiff, f.bnvar_inv, dbnraw, dbndiff2), f.bndiff);
  const RowVector dbnmeani = checked("dbnmeani", backprop::dbnmeani(dbndiff), f.bnmeani);
  const Matrix dhprebn = checked("dhprebn", backprop::dhprebn(dbndiff, dbnmeani), f.hprebn);
  // Linear layer 1 and the embedding
  const Matrix dembcat = checked("dembcat", backprop::dembcat(p.W1, dhprebn), f.embcat);
  grad.W1 = checked("dW1", backprop::dW1(f.embcat, dhprebn), p.W1);
  grad.b1 = checked("db1", backprop::db1(dhprebn), p.b1);
  const Matrix demb = checked("demb", backprop::demb(f.emb, dembcat), f.emb);
  grad.C = checked("dC", backprop::dC(p.C, Xb, demb), p.C);
  return grad;
}

float loss_and_gradients(Backward which, const Parameters& p, const IndexMatrix& Xb, const IndexVector& Yb,
                         Activations<float>& a, Parameters& grad) {
  if (which == Backward::chain) {
    const auto f = backprop::forward(p, Xb, Yb);
    grad = backward_chain(p, Xb, Yb, f);
    return f.loss;
  }
  forward(p, Xb, Yb, a);
  grad = backward(p, Xb, Yb, a);
  return a.loss;
}

void sgd_update(Parameters& p, const Parameters& grad, float lr) {
  backprop::for_each_parameter([lr](std::string_view, auto& param, const auto& dparam) { param -= lr * dparam; }, p,
                               grad);
}

}  // namespace train
