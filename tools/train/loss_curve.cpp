#include "loss_curve.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <stdexcept>
#include <string>

namespace train {
namespace {

void write_text(const std::filesystem::path& file, const std::string& text) {
  std::ofstream out(file);
  out << text;
  if (!out) throw std::runtime_error(file.string() + ": cannot write");
}

// A round step for about five grid lines over [lo, hi].
double tick_step(double lo, double hi) {
  const double raw = (hi - lo) / 5;
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  for (const double m : {1.0, 2.0, 5.0})
    if (raw <= m * magnitude) return m * magnitude;
  return 10 * magnitude;
}

}  // namespace

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
  write_text(file, text);
}

void write_curve_svg(const std::filesystem::path& file, std::span<const CurvePoint> curve, int window) {
  constexpr double width = 720, height = 440, left = 70, right = 20, top = 40, bottom = 60;
  const double plot_w = width - left - right, plot_h = height - top - bottom;
  double lo = 0, hi = 1;
  if (!curve.empty()) {
    const auto [min, max] = std::ranges::minmax_element(curve, {}, &CurvePoint::mean_log10_loss);
    lo = min->mean_log10_loss;
    hi = std::max(max->mean_log10_loss, lo + 1e-3);
  }
  const double y_step = tick_step(lo, hi);
  lo = std::floor(lo / y_step) * y_step;
  hi = std::ceil(hi / y_step) * y_step;
  const double last_x = std::max<double>(1, static_cast<double>(curve.size()) - 1);
  const auto x_of = [&](double i) { return left + plot_w * i / last_x; };
  const auto y_of = [&](double v) { return top + plot_h * (hi - v) / (hi - lo); };

  std::string svg = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} {1}\" "
      "font-family=\"sans-serif\" font-size=\"12\">\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n",
      width, height);
  svg += fmt::format(
      "<text x=\"{}\" y=\"22\" text-anchor=\"middle\" font-size=\"14\">log10(loss), mean of each {} steps</text>\n",
      left + plot_w / 2, window);
  for (double v = lo; v <= hi + y_step / 2; v += y_step) {
    svg += fmt::format("<line x1=\"{}\" x2=\"{}\" y1=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"#ddd\"/>\n", left, left + plot_w,
                       y_of(v), y_of(v));
    svg += fmt::format("<text x=\"{}\" y=\"{:.1f}\" text-anchor=\"end\">{:.2f}</text>\n", left - 6, y_of(v) + 4, v);
  }
  const double x_step = tick_step(0, last_x);
  for (double i = 0; i <= last_x + x_step / 2; i += x_step) {
    svg += fmt::format("<line x1=\"{0:.1f}\" x2=\"{0:.1f}\" y1=\"{1}\" y2=\"{2}\" stroke=\"#ddd\"/>\n", x_of(i), top,
                       top + plot_h);
    svg += fmt::format("<text x=\"{:.1f}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n", x_of(i), top + plot_h + 18,
                       static_cast<long long>(std::lround(i * window)));
  }
  svg += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">step</text>\n", left + plot_w / 2, height - 14);
  svg += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"none\" stroke=\"#333\"/>\n", left, top,
                     plot_w, plot_h);
  svg += "<polyline fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"1.5\" points=\"";
  for (std::size_t i = 0; i < curve.size(); ++i)
    svg += fmt::format("{}{:.1f},{:.1f}", i ? " " : "", x_of(static_cast<double>(i)), y_of(curve[i].mean_log10_loss));
  svg += "\"/>\n</svg>\n";
  write_text(file, svg);
}

}  // namespace train
