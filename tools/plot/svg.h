// The pictures' SVG writer, small enough that no plotting program is needed: kata show's heatmaps
// and the trainer's plots (loss curve, histograms, dlogits) are drawn with it.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace plot {

// Text as it may stand in an XML element or attribute (SVG, JUnit): & < > " escaped, control
// characters XML forbids dropped.
std::string escape(std::string_view text);

// The width a line of text takes in the pictures' sans-serif font, roughly: 0.6 em a character,
// enough to keep labels inside the picture (a digit is 0.556 em in Helvetica and DejaVu Sans).
double text_width(std::string_view text, double font_size);

// A round step for about `count` grid lines over [lo, hi].
double tick_step(double lo, double hi, int count = 5);

class Svg {
 public:
  Svg(double width, double height);
  double width() const { return width_; }
  double height() const { return height_; }

  void rect(double x, double y, double w, double h, std::string_view fill, std::string_view stroke = "none");
  void line(double x1, double y1, double x2, double y2, std::string_view stroke, double stroke_width = 1);
  // anchor: "start", "middle" or "end".
  void text(double x, double y, std::string_view text, std::string_view anchor = "start", double size = 12,
            std::string_view fill = "#000");
  void polyline(const std::vector<std::pair<double, double>>& points, std::string_view stroke, double stroke_width,
                std::string_view dash = "");
  void circle(double x, double y, double r, std::string_view fill);

  // The document, closed: backprop::write_text saves it.
  std::string str() const;

 private:
  double width_, height_;
  std::string body_;
};

// A plot area in a picture: data coordinates mapped to the rectangle, with grid lines and labelled
// ticks on both axes.
struct Axes {
  double left, top, width, height;  // the plot area, in pixels
  double x_lo, x_hi, y_lo, y_hi;    // the data ranges it shows
  double x_of(double x) const { return left + width * (x - x_lo) / (x_hi - x_lo); }
  double y_of(double y) const { return top + height * (y_hi - y) / (y_hi - y_lo); }
  // Grid lines every x_step and y_step, their values as labels (format like "{:.2f}"), the axes'
  // titles and the frame.
  void draw(Svg& svg, double x_step, double y_step, std::string_view x_format, std::string_view y_format,
            std::string_view x_title, std::string_view y_title) const;
};

}  // namespace plot
