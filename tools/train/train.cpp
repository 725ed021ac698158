#include "train.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <vector>

namespace train {
namespace {

// torch.randn(shape, generator=g), which fills a contiguous tensor.
template <typename Tensor>
Tensor randn(const backprop::Shape& shape, backprop::TorchGenerator& g) {
  Tensor t(backprop::rows_of(shape), shape.back());
  g.randn({t.data(), static_cast<std::size_t>(t.size())});
  return t;
}

}  // namespace

Diverged::Diverged(int step, float loss, float lr)
    : std::runtime_error(fmt::format(
          "training diverged at step {}: the batch loss is {}. The updates overshot; lower the learning rate (--lr {} "
          "now, the lecture's is 0.1)",
          step, std::isnan(loss) ? "NaN" : fmt::format("{}", loss), lr)),
      step_(step) {}

float learning_rate(const Config& config, int step) { return step < config.steps / 2 ? config.lr : config.lr / 10; }

Parameters init_parameters(const Sizes& s, backprop::TorchGenerator& g) {
  const auto shape = backprop::parameter_shapes(s);
  const auto fan_in = static_cast<int>(s.n_embd * s.block_size);
  Parameters p;
  p.C = randn<Matrix>(shape.C, g);
  // torch multiplies by 5/3 and then divides by sqrt(fan_in), each rounded to float.
  p.W1 = randn<Matrix>(shape.W1, g) * (5.0f / 3.0f) / static_cast<float>(std::sqrt(fan_in));
  p.b1 = randn<RowVector>(shape.b1, g) * 0.1f;
  p.W2 = randn<Matrix>(shape.W2, g) * 0.1f;
  p.b2 = randn<RowVector>(shape.b2, g) * 0.1f;
  backprop::TorchGenerator bn_generator(42);
  p.bngain = (randn<RowVector>(shape.bngain, bn_generator) * 0.1f).array() + 1.0f;
  p.bnbias = randn<RowVector>(shape.bnbias, bn_generator) * 0.1f;
  return p;
}

void draw_batch(backprop::TorchGenerator& g, const backprop::Dataset& set, std::span<std::int64_t> ix, IndexMatrix& Xb,
                IndexVector& Yb) {
  g.randint(set.Y.size(), ix);
  for (Eigen::Index k = 0; k < Xb.rows(); ++k) {
    const auto example = ix[static_cast<std::size_t>(k)];
    std::copy_n(&set.X(example, 0), Xb.cols(), &Xb(k, 0));  // a context is too short for Eigen's row copy to pay
    Yb(k) = set.Y(example);
  }
}

Training train(const Config& config, const backprop::Dataset& train_set, const StepObserver& observe,
               const ParameterObserver& inspect) {
  if (train_set.X.cols() != config.sizes.block_size)
    throw std::invalid_argument("the training set has contexts of " + std::to_string(train_set.X.cols()) +
                                " characters, the model block_size " + std::to_string(config.sizes.block_size));
  if (train_set.Y.size() == 0) throw std::invalid_argument("the training set is empty");
  backprop::TorchGenerator g(config.seed);
  Training t{init_parameters(config.sizes, g), {}};
  t.losses.reserve(static_cast<std::size_t>(config.steps));

  const int n = config.batch_size;
  std::vector<std::int64_t> ix(static_cast<std::size_t>(n));
  IndexMatrix Xb(n, config.sizes.block_size);
  IndexVector Yb(n);
  Activations<float> a;
  Parameters grad;
  if (inspect) inspect(0, t.parameters);
  for (int i = 0; i < config.steps; ++i) {
    draw_batch(g, train_set, ix, Xb, Yb);
    const float loss = loss_and_gradients(config.backward, t.parameters, Xb, Yb, a, grad);
    if (!std::isfinite(loss)) throw Diverged(i, loss, config.lr);
    sgd_update(t.parameters, grad, learning_rate(config, i));
    t.losses.push_back(loss);
    if (observe) observe(i, loss);
    if (inspect) inspect(i + 1, t.parameters);
  }
  return t;
}

BatchNormStats calibrate(const Parameters& p, const IndexMatrix& X) {
  // One pass: sums and sums of squares in double, so that 182,625 rows lose nothing.
  Eigen::RowVectorXd sum = Eigen::RowVectorXd::Zero(p.W1.cols()), sum2 = sum;
  Matrix emb, embcat, hprebn;
  for (Eigen::Index start = 0; start < X.rows(); start += kEvalChunk) {
    const IndexMatrix chunk = X.middleRows(start, std::min(kEvalChunk, X.rows() - start));
    backprop::forward_embedding(p.C, chunk, emb, embcat);
    backprop::forward_linear(embcat, p.W1, p.b1, hprebn);
    const Eigen::MatrixXd hd = hprebn.cast<double>();
    sum += hd.colwise().sum();
    sum2 += hd.colwise().squaredNorm();
  }
  const double n = static_cast<double>(X.rows());
  const Eigen::RowVectorXd mean = sum / n;
  const Eigen::RowVectorXd var = (sum2 - n * mean.array().square().matrix()) / (n - 1);
  return {mean.cast<float>(), var.cast<float>()};
}

void forward_eval(const Parameters& p, const BatchNormStats& stats, const IndexMatrix& X, Matrix& logits) {
  Matrix emb, embcat, hprebn, h;
  backprop::forward_embedding(p.C, X, emb, embcat);
  backprop::forward_linear(embcat, p.W1, p.b1, hprebn);
  const RowVector bnvar_inv = (stats.bnvar.array() + backprop::kBatchNormEps).rsqrt();
  const Matrix hpreact =
      ((hprebn.rowwise() - stats.bnmean).array().rowwise() * (p.bngain.array() * bnvar_inv.array())).rowwise() +
      p.bnbias.array();
  backprop::forward_tanh(hpreact, h);
  backprop::forward_linear(h, p.W2, p.b2, logits);
}

float split_loss(const Parameters& p, const BatchNormStats& stats, const backprop::Dataset& split) {
  double total = 0;
  Matrix logits;
  for (Eigen::Index start = 0; start < split.X.rows(); start += kEvalChunk) {
    const Eigen::Index rows = std::min(kEvalChunk, split.X.rows() - start);
    forward_eval(p, stats, split.X.middleRows(start, rows), logits);
    total += static_cast<double>(backprop::forward_cross_entropy(logits, split.Y.segment(start, rows))) * rows;
  }
  return static_cast<float>(total / static_cast<double>(split.X.rows()));
}

std::string sample_name(const Parameters& p, const BatchNormStats& stats, std::string_view itos,
                        backprop::TorchGenerator& g) {
  const int block_size = static_cast<int>(p.W1.rows() / p.C.cols());
  IndexMatrix context = IndexMatrix::Zero(1, block_size);
  Matrix logits;
  std::string out;
  while (out.size() < kMaxNameLength) {
    forward_eval(p, stats, context, logits);
    // probs = F.softmax(logits, dim=1)
    RowVector probs = (logits.array() - logits.maxCoeff()).exp();
    probs /= probs.sum();
    const auto ix = g.multinomial({probs.data(), static_cast<std::size_t>(probs.size())});
    // context = context[1:] + [ix]
    for (int j = 0; j + 1 < block_size; ++j) context(0, j) = context(0, j + 1);
    context(0, block_size - 1) = ix;
    out += itos[static_cast<std::size_t>(ix)];
    if (ix == 0) break;
  }
  return out;
}

}  // namespace train
