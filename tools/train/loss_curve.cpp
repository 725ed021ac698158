#include "loss_curve.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

#include "backprop/files.h"
#include "svg.h"

namespace train {

std::vector<CurvePoint> loss_curve(std::span<const float> losses, int window) {
  std::vector<CurvePoint> curve;
  for (std::size_t start = 0; start < losses.size(); start += static_cast<std::size_t>(window)) {
    const auto end = std::min(losses.size(), start + static_cast<std::size_t>(window));
    double sum = 0;
    for (auto i = start; i < end; ++i) sum += std::log10(static_cast<double>(losses[i]));
    curve.push_back({static_cast<int>(start), sum / static_cast<double>(end - start)});
  }
  return curve;
}

void write_curve_csv(const std::filesystem::path& file, std::span<const CurvePoint> curve) {
  std::string text = "first_step,mean_log10_loss\n";
  for (const auto& point : curve) text += fmt::format("{},{:.6f}\n", point.first_step, point.mean_log10_loss);
  backprop::write_text(file, text);
}

void write_curve_svg(const std::filesystem::path& file, std::span<const CurvePoint> curve, int window,
                     std::span<const ValPoint> val) {
  // The validation loss at step 0, before training, lies far above the rest: the range leaves it
  // out, else the curve would sit in the bottom fifth; it is drawn at the top edge, its value said.
  const auto before_training = [](const ValPoint& point) { return point.step == 0; };
  double lo = std::numeric_limits<double>::infinity(), hi = -lo, last = 1;
  for (const auto& point : curve) {
    lo = std::min(lo, point.mean_log10_loss);
    hi = std::max(hi, point.mean_log10_loss);
    last = std::max<double>(last, point.first_step);
  }
  for (const auto& point : val) {
    last = std::max<double>(last, point.step);
    if (before_training(point)) continue;
    lo = std::min(lo, std::log10(point.loss));
    hi = std::max(hi, std::log10(point.loss));
  }
  if (!(lo <= hi)) lo = 0, hi = 1;
  hi = std::max(hi, lo + 1e-3);
  const double y_step = plot::tick_step(lo, hi), x_step = plot::tick_step(0, last);
  const double x_hi = std::ceil(last / x_step) * x_step;
  // Room on the right for half the last step's label, centred under the frame's edge.
  const double right = 10 + plot::text_width(fmt::format("{:g}", x_hi), 12) / 2;
  constexpr double width = 720, height = 456, left = 70, top = 56, bottom = 60;
  const plot::Axes axes{left,
                        top,
                        width - left - right,
                        height - top - bottom,
                        0,
                        x_hi,
                        std::floor(lo / y_step) * y_step,
                        std::ceil(hi / y_step) * y_step};
  plot::Svg svg(width, height);
  svg.text(left + axes.width / 2, 22,
           val.empty() ? fmt::format("training batches, mean of each {} steps", window)
                       : fmt::format("training batches, mean of each {} steps; validation split", window),
           "middle", 14);
  axes.draw(svg, x_step, y_step, "{:g}", "{:.2f}", "step", "log10(loss)");
  std::vector<std::pair<double, double>> points;
  for (const auto& point : curve) points.emplace_back(axes.x_of(point.first_step), axes.y_of(point.mean_log10_loss));
  svg.polyline(points, "#1f77b4", 1.5);
  if (!val.empty()) {
    // The key, in the upper right corner where the curve has already fallen.
    const double x = left + axes.width - 250, y = top + 16;
    svg.line(x, y, x + 24, y, "#1f77b4", 1.5);
    svg.text(x + 30, y + 4, "training batches");
    svg.line(x, y + 18, x + 24, y + 18, "#e66101", 1.5);
    svg.circle(x + 12, y + 18, 3, "#e66101");
    svg.text(x + 30, y + 22, "validation split");
    points.clear();
    for (const auto& point : val) {
      const double value = std::log10(point.loss);
      if (before_training(point) && value > axes.y_hi) {
        // An arrow up from the top edge, its value in the key.
        const double at = axes.x_of(point.step);
        svg.line(at, top + 12, at, top, "#e66101", 1.5);
        svg.line(at - 4, top + 5, at, top, "#e66101", 1.5);
        svg.line(at + 4, top + 5, at, top, "#e66101", 1.5);
        svg.text(x + 30, y + 40, fmt::format("↑ step 0: {:.3f}, off the scale", value));
        continue;
      }
      points.emplace_back(axes.x_of(point.step), axes.y_of(value));
      svg.circle(points.back().first, points.back().second, 3, "#e66101");
    }
    svg.polyline(points, "#e66101", 1.5, "5,3");
  }
  backprop::write_text(file, svg.str());
}

}  // namespace train
