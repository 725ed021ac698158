// The lecture's pictures of a training run (train --plots DIR): the histogram of the tanh layer's
// output h and the image of where it saturates, at initialisation and after training, dlogits of
// one batch as an image, and the loss curve with the validation loss beside the training loss.
#pragma once

#include <filesystem>
#include <span>
#include <string_view>
#include <vector>

#include "loss_curve.h"
#include "mlp.h"

namespace train {

// plt.hist(values, bins): counts of `bins` equal bins over [lo, hi]; a value outside goes to the
// nearest end bin, so that the counts add up to the number of values.
struct Histogram {
  double lo = -1, hi = 1;
  std::vector<long long> counts;
};
Histogram histogram(std::span<const float> values, int bins, double lo, double hi);

// The lecture's saturation test, (h.abs() > 0.99).float().mean(): where tanh's gradient 1 - h^2
// has all but vanished.
inline constexpr double kSaturated = 0.99;
double saturated_fraction(std::span<const float> h);

// h and dlogits of one batch, the network in training mode (the batch's own statistics), as the
// learner's steps compute dlogits.
struct BatchPictures {
  Matrix h, dlogits;
};
BatchPictures batch_pictures(const Parameters& p, const IndexMatrix& Xb, const IndexVector& Yb);

// h.svg: the two histograms, each titled with its saturated share. Throws std::runtime_error
// naming the file.
void write_h_histograms(const std::filesystem::path& file, const Matrix& h_init, const Matrix& h_trained);
// h_saturated.svg: plt.imshow(h.abs() > 0.99, cmap='gray'), examples by hidden units, white where
// saturated, each image titled with its saturated share. Throws std::runtime_error naming the file.
void write_saturation(const std::filesystem::path& file, const Matrix& h_init, const Matrix& h_trained);
// dlogits.svg: plt.imshow(dlogits), examples by the characters of itos, on a continuous scale with
// its colour bar. Throws std::runtime_error naming the file.
void write_dlogits(const std::filesystem::path& file, const Matrix& dlogits, std::string_view itos);

}  // namespace train
