// Heatmaps of gradients: the learner's against PyTorch's and their difference (kata show), dlogits
// (the trainer's --plots). Pure functions from values to cells to text or SVG, so that the tests
// check the cells and the legend without a terminal.
//
// The scale is diverging and symmetric around 0: blue below, orange above (told apart by readers
// with any common colour blindness, unlike red and green), white for exactly 0. It has kLevels
// levels a side: level k holds the values whose magnitude is in ((k-1)/kLevels, k/kLevels] of the
// scale's limit, so any value that is not 0 is tinted, however small.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace plot {

// A tensor as rows by columns, row-major.
struct Grid {
  int rows = 0, cols = 0;
  std::vector<double> values;
  double at(int row, int col) const { return values[static_cast<std::size_t>(row) * cols + col]; }
};

// The last dimension as columns and the others as rows: (64,) is one row, (32, 3, 10) 96 rows of 10;
// a scalar is 1 x 1.
Grid grid_of(std::span<const std::int64_t> shape, std::span<const float> values);

// A grid made to fit: each cell stands for a block of row_block x col_block cells and holds the
// value of largest magnitude in it (a value that is not finite first), so that one wrong element
// still shows.
struct Pooled {
  Grid grid;
  int row_block = 1, col_block = 1;
};
Pooled pool(const Grid& grid, int max_rows, int max_cols);
// The grid pooled in blocks of row_block x col_block cells.
Pooled pool_by(const Grid& grid, int row_block, int col_block);

inline constexpr int kLevels = 4;
inline constexpr int kNotFinite = 100;  // the level of NaN and infinities

struct Scale {
  double limit = 1;       // the largest magnitude: levels -kLevels and kLevels reach it
  bool all_zero = false;  // every value is 0 (limit is then 1)
  // -kLevels..kLevels by sign and magnitude, 0 only for exactly 0, kNotFinite for NaN and infinities.
  int level(double value) const;
  // The values level k stands for, signed: (lo, hi] for k > 0, [lo, hi) for k < 0, [0, 0] for 0.
  std::pair<double, double> bounds(int level) const;
};
// The scale of grids shown on one scale: their largest finite magnitude, 1 when they are all 0.
Scale scale_of(std::initializer_list<const Grid*> grids);

// The level of every cell, row-major.
std::vector<int> levels(const Grid& grid, const Scale& scale);

// "#rrggbb": blues from ColorBrewer's RdBu below 0, oranges from its PuOr above, white for 0,
// black for not finite.
std::string_view colour(int level);
// Without colour: ░ ▒ ▓ █ above 0, - = ≡ # below, a space for 0, ? for not finite.
std::string_view glyph(int level);

// One heatmap, drawn on one of its row's scales.
struct Panel {
  std::string title;
  Grid grid;
  std::size_t scale = 0;  // into Row::scales
};
struct Legend {
  std::string label;  // which panels use it
  Scale scale;
};
// Panels drawn side by side (one case of kata show), their legends under them.
struct Row {
  std::string heading;
  std::vector<Panel> panels;
  std::vector<Legend> scales;
  std::string note;  // a line under the legends, or ""
};
struct Figure {
  std::string title;
  std::vector<Row> rows;
};

// "-0.969 .. 0.53": a panel's smallest and largest finite values, and how many are not finite.
std::string range_text(const Grid& grid);

enum class Colours { truecolor, palette256, none };

// The figure on a terminal `width` columns wide and `height` lines high: a row's panels side by
// side when they fit, else one under another; a grid larger than the terminal pooled, saying how,
// every panel of a row by the same blocks. Two panels on one scale that pool alike but differ are
// said to, and their rows that differ are drawn unpooled when they fit.
// With colours two rows of cells take one line (▀, the upper cell's colour in front and the lower
// one's behind); without, one row a line, in glyph()s.
std::string render_terminal(const Figure& figure, Colours colours, int width, int height);
// Every cell of every panel, one element a line: "row col <panel> <panel>...", for programs.
std::string render_table(const Figure& figure);
// The figure as an SVG document, every cell drawn (no pooling).
std::string render_svg(const Figure& figure);

}  // namespace plot
