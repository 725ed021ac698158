// Exercise 4: the lecture's training loop on the learner's backward pass, then BatchNorm's
// calibration on the training set, the split losses and sampling, as the lecture does them.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "backprop/names.h"
#include "backprop/random.h"
#include "mlp.h"

namespace train {

// The lecture's recipe; each field is a flag of the trainer.
struct Config {
  Sizes sizes;
  int steps = 200000;
  int batch_size = 32;
  float lr = 0.1f;                  // the first rate; lr / 10 from half the steps on
  std::uint64_t seed = 2147483647;  // torch.Generator().manual_seed(seed): the parameters, then the batches
  Backward backward = Backward::fused;
};

// The lecture's step decay: 0.1 before step 100,000 of 200,000, then 0.01.
float learning_rate(const Config& config, int step);

// C, W1, b1, W2, b2 from g, in the lecture's order and scales; bngain and bnbias from a generator of
// their own seeded with 42 (the lecture left them unseeded; data/make_reference.py does the same).
Parameters init_parameters(const Sizes& sizes, backprop::TorchGenerator& g);

// ix = torch.randint(0, N, (n,), generator=g); Xb, Yb = X[ix], Y[ix], for n = ix.size() = Xb.rows().
void draw_batch(backprop::TorchGenerator& g, const backprop::Dataset& set, std::span<std::int64_t> ix, IndexMatrix& Xb,
                IndexVector& Yb);

// Called after each step with its index and the batch loss.
using StepObserver = std::function<void(int step, float loss)>;
// Called with the parameters before the first step (0 steps done) and after each update.
using ParameterObserver = std::function<void(int steps_done, const Parameters& p)>;

struct Training {
  Parameters parameters;
  std::vector<float> losses;  // the batch loss of every step
};

// A batch loss that is not finite: the steps have overshot and nothing after it means anything.
class Diverged : public std::runtime_error {
 public:
  Diverged(int step, float loss, float lr);
  int step() const { return step_; }

 private:
  int step_;
};

// The lecture's loop: ix = randint(0, N, (batch_size,)) from the generator that drew the parameters,
// forward, backward, p -= lr * grad. Throws std::invalid_argument when the set does not fit the config,
// and Diverged at the first step whose loss is NaN or infinite, so that a run that blew up stops
// there instead of reporting nan to the end.
Training train(const Config& config, const backprop::Dataset& train_set, const StepObserver& observe = {},
               const ParameterObserver& inspect = {});

// Rows per chunk when a whole split goes through the network: hprebn stays a few MB.
inline constexpr Eigen::Index kEvalChunk = 4096;

// BatchNorm's mean and Bessel-corrected variance of hprebn over a whole split.
struct BatchNormStats {
  RowVector bnmean;  // (1, n_hidden)
  RowVector bnvar;   // (1, n_hidden)
};
BatchNormStats calibrate(const Parameters& p, const IndexMatrix& X);

// The network at inference: BatchNorm with fixed statistics.
// hpreact = bngain * (hprebn - bnmean) * (bnvar + 1e-5)**-0.5 + bnbias
// X (N, block_size) -> logits (N, vocab_size)
void forward_eval(const Parameters& p, const BatchNormStats& stats, const IndexMatrix& X, Matrix& logits);

// F.cross_entropy over a whole split at inference.
float split_loss(const Parameters& p, const BatchNormStats& stats, const backprop::Dataset& split);

// One name as the lecture samples it: the context starts as '.' * block_size, each character is
// drawn with torch.multinomial(softmax(logits)), and '.' ends the name; the '.' is included, as the
// lecture prints it. itos maps indices to characters. A name still going after kMaxNameLength
// characters (a broken model may never draw '.') is returned as it stands, without a '.'.
inline constexpr int kMaxNameLength = 1000;
std::string sample_name(const Parameters& p, const BatchNormStats& stats, std::string_view itos,
                        backprop::TorchGenerator& g);

}  // namespace train
