// The lecture's loss plot, plt.plot(torch.tensor(lossi).view(-1, 1000).mean(1)): log10 of the batch
// loss averaged over each window of steps, written as CSV and drawn as an SVG picture (no plotting
// program needed), with the validation loss beside it when it was measured.
#pragma once

#include <filesystem>
#include <span>
#include <vector>

namespace train {

struct CurvePoint {
  int first_step = 0;  // the window covers first_step .. first_step + window - 1
  double mean_log10_loss = 0;
};

// The loss on the whole validation split after `step` steps.
struct ValPoint {
  int step = 0;
  double loss = 0;
};

// One point per window; a last, shorter window is averaged over the steps it has.
std::vector<CurvePoint> loss_curve(std::span<const float> losses, int window);

// "first_step,mean_log10_loss" then one line per point. Throws std::runtime_error naming the file.
void write_curve_csv(const std::filesystem::path& file, std::span<const CurvePoint> curve);
// A line chart with labelled axes, the validation losses as a second line when there are any; the
// one at step 0 is left out of the y range and, when above it, marked off the scale at the top.
// Throws std::runtime_error naming the file.
void write_curve_svg(const std::filesystem::path& file, std::span<const CurvePoint> curve, int window,
                     std::span<const ValPoint> val = {});

}  // namespace train
