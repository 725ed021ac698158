#include "plots.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "backprop/files.h"
#include "scale.h"
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

// In float, as torch compares a float tensor with 0.99: 0.99f itself is not saturated.
bool saturated(float h) { return std::abs(h) > static_cast<float>(kSaturated); }

// An image as plt.imshow draws a matrix: one square cell an element, row 0 at the top.
struct Image {
  double left, top, cell;
  Eigen::Index rows, cols;
  double x_of(Eigen::Index col) const { return left + cell * static_cast<double>(col); }
  double y_of(Eigen::Index row) const { return top + cell * static_cast<double>(row); }
  double width() const { return x_of(cols) - left; }
  double bottom() const { return y_of(rows); }
};

// The cell size for an image of rows x cols in about max_width x max_height pixels.
double cell_for(Eigen::Index rows, Eigen::Index cols, double max_width, double max_height, double largest) {
  return std::clamp(std::floor(std::min(max_width / static_cast<double>(cols), max_height / static_cast<double>(rows))),
                    2.0, largest);
}

// Every step'th index as a label, "" between, for an axis of n cells.
std::vector<std::string> every(Eigen::Index n, double step) {
  std::vector<std::string> labels(static_cast<std::size_t>(n));
  for (Eigen::Index i = 0; i < n; i += std::max(1L, std::lround(step)))
    labels[static_cast<std::size_t>(i)] = std::to_string(i);
  return labels;
}

// The image's frame, its rows' and columns' labels with a tick at each, and the axes' titles: the
// columns' under them, the rows' over the top left corner as plot::Axes puts its y title.
void label_image(plot::Svg& svg, const Image& image, const std::vector<std::string>& rows,
                 const std::vector<std::string>& cols, std::string_view x_title, std::string_view y_title) {
  const double half = image.cell / 2;
  for (Eigen::Index r = 0; r < image.rows; ++r) {
    if (rows[static_cast<std::size_t>(r)].empty()) continue;
    svg.line(image.left - 3, image.y_of(r) + half, image.left, image.y_of(r) + half, "#333");
    svg.text(image.left - 6, image.y_of(r) + half + 4, rows[static_cast<std::size_t>(r)], "end", 11);
  }
  for (Eigen::Index c = 0; c < image.cols; ++c) {
    if (cols[static_cast<std::size_t>(c)].empty()) continue;
    svg.line(image.x_of(c) + half, image.bottom(), image.x_of(c) + half, image.bottom() + 3, "#333");
    svg.text(image.x_of(c) + half, image.bottom() + 15, cols[static_cast<std::size_t>(c)], "middle", 11);
  }
  svg.text(image.left + image.width() / 2, image.bottom() + 33, x_title, "middle");
  svg.text(image.left, image.top - 8, y_title, "start");
  svg.rect(image.left, image.top, image.width(), image.bottom() - image.top, "none", "#333");
}

// The picture's width: the content's right edge or its widest line of text, whichever is wider.
double fitted_width(double content_right, std::initializer_list<std::pair<std::string_view, double>> lines) {
  constexpr double margin = 20;
  double width = content_right + margin;
  for (const auto& [text, size] : lines) width = std::max(width, plot::text_width(text, size) + 2 * margin);
  return std::ceil(width);
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
  return static_cast<double>(std::count_if(h.begin(), h.end(), saturated)) / static_cast<double>(h.size());
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
  backprop::write_text(file, svg.str());
}

void write_saturation(const std::filesystem::path& file, const Matrix& h_init, const Matrix& h_trained) {
  const std::string title = "h.abs() > 0.99 of one batch, as the lecture draws it",
                    note = "white where tanh saturates and its gradient 1 - h² all but vanishes; black elsewhere";
  const double cell = cell_for(h_init.rows(), h_init.cols(), 800, 200, 16), panel_top = 100;
  const double panel_height = cell * static_cast<double>(h_init.rows()) + 92;
  const Image first{60, panel_top, cell, h_init.rows(), h_init.cols()};
  plot::Svg svg(fitted_width(first.x_of(first.cols), {{title, 14}, {note, 12}}), panel_top + 2 * panel_height - 40);
  svg.text(20, 28, title, "start", 14);
  svg.text(20, 48, note, "start", 12, "#555");
  const auto panel = [&](const Image& image, const Matrix& h, std::string_view when) {
    const auto values = values_of(h);
    svg.text(20, image.top - 26,
             fmt::format("{}: {:.1f}% saturated ({} of {})", when, 100 * saturated_fraction(values),
                         std::count_if(values.begin(), values.end(), saturated), values.size()),
             "start", 13);
    svg.rect(image.left, image.top, image.width(), image.bottom() - image.top, "black");
    // One white rectangle a run of saturated units in a row, not one a cell: the file stays small.
    for (Eigen::Index r = 0; r < h.rows(); ++r)
      for (Eigen::Index c = 0; c < h.cols();) {
        if (!saturated(h(r, c))) {
          ++c;
          continue;
        }
        const Eigen::Index start = c;
        while (c < h.cols() && saturated(h(r, c))) ++c;
        svg.rect(image.x_of(start), image.y_of(r), image.x_of(c) - image.x_of(start), cell, "white");
      }
    label_image(svg, image, every(h.rows(), plot::tick_step(0, static_cast<double>(h.rows()), 4)),
                every(h.cols(), plot::tick_step(0, static_cast<double>(h.cols()), 8)), "hidden unit (column of h)",
                "example (row of h)");
  };
  panel(first, h_init, "at initialisation");
  panel({first.left, panel_top + panel_height, cell, h_trained.rows(), h_trained.cols()}, h_trained, "after training");
  backprop::write_text(file, svg.str());
}

void write_dlogits(const std::filesystem::path& file, const Matrix& dlogits, std::string_view itos) {
  const std::string title = "dlogits of one batch at initialisation";
  const std::string lines[] = {"blue: each row's label, where dlogits = (p - 1) / n < 0",
                               "red: the other characters, where dlogits = p / n > 0",
                               "each row sums to 0: the label's pull equals the others' push"};
  const Image image{70, 110, cell_for(dlogits.rows(), dlogits.cols(), 400, 450, 14), dlogits.rows(), dlogits.cols()};
  const double bar = image.bottom() + 52;
  plot::Svg svg(fitted_width(image.x_of(image.cols), {{title, 14}, {lines[0], 12}, {lines[1], 12}, {lines[2], 12}}),
                bar + 12 + 36);
  svg.text(20, 28, title, "start", 14);
  for (int i = 0; i < 3; ++i) svg.text(20, 50 + 16.0 * i, lines[i], "start", 12, "#555");
  const std::vector<double> values(dlogits.data(), dlogits.data() + dlogits.size());
  const auto scale = plot::diverging_of(values);
  for (Eigen::Index r = 0; r < dlogits.rows(); ++r)
    for (Eigen::Index c = 0; c < dlogits.cols(); ++c)
      svg.rect(image.x_of(c), image.y_of(r), image.cell, image.cell, scale.colour(dlogits(r, c)));
  std::vector<std::string> characters(static_cast<std::size_t>(dlogits.cols()));
  for (std::size_t c = 0; c < characters.size() && c < itos.size(); ++c) characters[c] = std::string(1, itos[c]);
  label_image(svg, image, every(dlogits.rows(), plot::tick_step(0, static_cast<double>(dlogits.rows()), 6)), characters,
              "character (column of logits)", "example (row)");
  plot::colour_bar(svg, image.left, bar, image.width(), 12, scale, "dlogits");
  backprop::write_text(file, svg.str());
}

}  // namespace train
