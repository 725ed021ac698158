#include "svg.h"

#include <fmt/format.h>

#include <cmath>

#include "text_width.h"

namespace plot {

std::string escape(std::string_view text) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        // XML 1.0 allows no control characters but tab, newline and carriage return.
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n' || c == '\r') out += c;
    }
  }
  return out;
}

double text_width(std::string_view text, double font_size) {
  // Characters, not bytes: "×" and "≤" are one each.
  return 0.6 * font_size * static_cast<double>(columns(text));
}

double tick_step(double lo, double hi, int count) {
  const double raw = (hi - lo) / count;
  if (!(raw > 0)) return 1;
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  for (const double m : {1.0, 2.0, 5.0})
    if (raw <= m * magnitude) return m * magnitude;
  return 10 * magnitude;
}

Svg::Svg(double width, double height) : width_(width), height_(height) { rect(0, 0, width, height, "white"); }

void Svg::rect(double x, double y, double w, double h, std::string_view fill, std::string_view stroke) {
  body_ +=
      fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"{}\"", x, y, w, h, fill);
  if (stroke != "none") body_ += fmt::format(" stroke=\"{}\"", stroke);
  body_ += "/>\n";
}

void Svg::line(double x1, double y1, double x2, double y2, std::string_view stroke, double stroke_width) {
  body_ += fmt::format(
      "<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"{}\" stroke-width=\"{:g}\"/>\n", x1, y1,
      x2, y2, stroke, stroke_width);
}

void Svg::text(double x, double y, std::string_view text, std::string_view anchor, double size, std::string_view fill) {
  body_ += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"{}\" font-size=\"{:g}\" fill=\"{}\">{}</text>\n",
                       x, y, anchor, size, fill, escape(text));
}

void Svg::polyline(const std::vector<std::pair<double, double>>& points, std::string_view stroke, double stroke_width,
                   std::string_view dash) {
  body_ += fmt::format("<polyline fill=\"none\" stroke=\"{}\" stroke-width=\"{:g}\"", stroke, stroke_width);
  if (!dash.empty()) body_ += fmt::format(" stroke-dasharray=\"{}\"", dash);
  body_ += " points=\"";
  for (std::size_t i = 0; i < points.size(); ++i)
    body_ += fmt::format("{}{:.1f},{:.1f}", i ? " " : "", points[i].first, points[i].second);
  body_ += "\"/>\n";
}

void Svg::circle(double x, double y, double r, std::string_view fill) {
  body_ += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"{:g}\" fill=\"{}\"/>\n", x, y, r, fill);
}

std::string Svg::str() const {
  return fmt::format(
             "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0:g}\" height=\"{1:g}\" viewBox=\"0 0 {0:g} {1:g}\" "
             "font-family=\"sans-serif\" font-size=\"12\">\n",
             width_, height_) +
         body_ + "</svg>\n";
}

void Axes::draw(Svg& svg, double x_step, double y_step, std::string_view x_format, std::string_view y_format,
                std::string_view x_title, std::string_view y_title) const {
  // Ticks at whole multiples of the step, so that 0 is one when the range holds it and no sum of
  // steps drifts to -1e-17 (printed "-0.00").
  const auto ticks = [](double lo, double hi, double step) {
    std::vector<double> at;
    for (auto k = std::ceil(lo / step - 1e-9); k <= std::floor(hi / step + 1e-9); ++k)
      at.push_back(k == 0 ? 0 : k * step);
    return at;
  };
  for (const double v : ticks(y_lo, y_hi, y_step)) {
    svg.line(left, y_of(v), left + width, y_of(v), "#ddd");
    svg.text(left - 6, y_of(v) + 4, fmt::format(fmt::runtime(y_format), v), "end");
  }
  for (const double v : ticks(x_lo, x_hi, x_step)) {
    svg.line(x_of(v), top, x_of(v), top + height, "#ddd");
    svg.text(x_of(v), top + height + 18, fmt::format(fmt::runtime(x_format), v), "middle");
  }
  svg.text(left + width / 2, top + height + 38, x_title, "middle");
  if (!y_title.empty()) svg.text(left, top - 8, y_title, "start");
  svg.rect(left, top, width, height, "none", "#333");
}

}  // namespace plot
