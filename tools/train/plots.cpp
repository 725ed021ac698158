#include "plots.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <stdexcept>

#include "heatmap.h"
#include "svg.h"

namespace train {
namespace {

std::span<const float> values_of(const Matrix& m) { return {m.data(), static_cast<std::size_t>(m.size())}; }

// One histogram of h in a plot area.
void draw_histogram(plot::Svg& svg, const plot::Axes& axes, const Histogram& histogram, const std::string& title) {
  axes.draw(svg, 0.5, plot::tick_step(axes.y_lo, axes.y_hi), "{:g}", "{:g}", "h", "count");
  const double bin = (histogram.hi - histogram.lo) / static_cast<double>(histogram.counts.size());
  for (std::size_t i = 0; i < histogram.counts.size(); ++i) {
    const double x0 = axes.x_of(histogram.lo + bin * static_cast<double>(i)),
                 x1 = axes.x_of(histogram.lo + bin * (i + 1.0));
    const double y = axes.y_of(static_cast<double>(histogram.counts[i]));
    svg.rect(x0, y, x1 - x0, axes.top + axes.height - y, "#4393c3", "white");
  }
  svg.text(axes.left + axes.width / 2, axes.top - 24, title, "middle", 13);
}

}  // namespace

Histogram histogram(std::span<const float> values, int bins, double lo, double hi) {
  Histogram h{lo, hi, std::vector<long long>(static_cast<std::size_t>(bins), 0)};
  for (const float v : values) {
    const auto bin = static_cast<long long>(std::floor((v - lo) / (hi - lo) * bins));
    ++h.counts[static_cast<std::size_t>(std::clamp<long long>(bin, 0, bins - 1))];
  }
  return h;
}

double saturated_fraction(std::span<const float> h) {
  if (h.empty()) return 0;
  // In float, as torch compares a float tensor with 0.99: 0.99f itself is not saturated.
  const auto saturated =
      std::count_if(h.begin(), h.end(), [](float v) { return std::abs(v) > static_cast<float>(kSaturated); });
  return static_cast<double>(saturated) / static_cast<double>(h.size());
}

BatchPictures batch_pictures(const Parameters& p, const IndexMatrix& Xb, const IndexVector& Yb) {
  Activations<float> a;
  forward(p, Xb, Yb, a);
  return {a.h, backward_cross_entropy(a.logits, Yb)};
}

void write_h_histograms(const std::filesystem::path& file, const Matrix& h_init, const Matrix& h_trained) {
  constexpr int bins = 50;  // the lecture's plt.hist(h.view(-1).tolist(), 50)
  const auto init = histogram(values_of(h_init), bins, -1, 1), trained = histogram(values_of(h_trained), bins, -1, 1);
  long long top = 1;
  for (const auto* h : {&init, &trained}) top = std::max(top, *std::ranges::max_element(h->counts));
  const double y_step = plot::tick_step(0, static_cast<double>(top));
  const double y_hi = std::ceil(static_cast<double>(top) / y_step) * y_step;
  plot::Svg svg(860, 420);
  svg.text(
      430, 24,
      fmt::format("h = tanh(hpreact) of one batch ({} values); saturated: |h| > {}, where tanh's gradient vanishes",
                  h_init.size(), kSaturated),
      "middle", 14);
  const auto panel = [&](double left) { return plot::Axes{left, 100, 330, 240, -1, 1, 0, y_hi}; };
  draw_histogram(svg, panel(70), init,
                 fmt::format("at initialisation: {:.1f}% saturated", 100 * saturated_fraction(values_of(h_init))));
  draw_histogram(svg, panel(500), trained,
                 fmt::format("after training: {:.1f}% saturated", 100 * saturated_fraction(values_of(h_trained))));
  svg.write(file);
}

void write_dlogits(const std::filesystem::path& file, const Matrix& dlogits) {
  plot::Grid grid{static_cast<int>(dlogits.rows()), static_cast<int>(dlogits.cols()),
                  std::vector<double>(dlogits.data(), dlogits.data() + dlogits.size())};
  const auto scale = plot::scale_of({&grid});
  const plot::Figure figure{
      "dlogits of one batch at initialisation, one row per example",
      {{"Negative at each row's label: a step against the gradient raises the label's logit and lowers the others.",
        {{fmt::format("dlogits ({}, {})", dlogits.rows(), dlogits.cols()), std::move(grid), 0}},
        {{"dlogits", scale}},
        "Each row sums to 0: the label's pull equals the others' push."}}};
  std::ofstream out(file);
  out << plot::render_svg(figure);
  if (!out) throw std::runtime_error(file.string() + ": cannot write");
}

}  // namespace train
