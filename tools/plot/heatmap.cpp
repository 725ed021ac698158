#include "heatmap.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include "svg.h"
#include "text_width.h"

namespace plot {
namespace {

constexpr std::array<std::string_view, 2 * kLevels + 1> kColours = {
    "#2166ac", "#4393c3", "#92c5de", "#d1e5f0", "#ffffff", "#fee0b6", "#fdb863", "#e08214", "#b35806"};
constexpr std::array<std::string_view, 2 * kLevels + 1> kGlyphs = {"#", "≡", "=", "-", " ", "░", "▒", "▓", "█"};

int visible_width(std::string_view text) { return static_cast<int>(columns(text)); }

std::string padded(const std::string& text, int width) {
  return text + std::string(static_cast<std::size_t>(std::max(0, width - visible_width(text))), ' ');
}

int hex(std::string_view colour, int at) { return std::stoi(std::string(colour.substr(at, 2)), nullptr, 16); }

// The escape that paints the foreground ("38") or background ("48") in a level's colour.
std::string paint(std::string_view ground, int level, Colours colours) {
  const auto c = colour(level);
  const int r = hex(c, 1), g = hex(c, 3), b = hex(c, 5);
  if (colours == Colours::truecolor) return fmt::format("\033[{};2;{};{};{}m", ground, r, g, b);
  // The nearest colour of xterm's 6 x 6 x 6 cube.
  const auto step = [](int v) { return static_cast<int>(std::lround(v * 5.0 / 255)); };
  return fmt::format("\033[{};5;{}m", ground, 16 + 36 * step(r) + 6 * step(g) + step(b));
}

// A panel's map as lines of text, and its width in characters.
std::vector<std::string> map_lines(const Grid& grid, const Scale& scale, Colours colours) {
  const auto cells = levels(grid, scale);
  const auto at = [&](int r, int c) { return cells[static_cast<std::size_t>(r) * grid.cols + c]; };
  std::vector<std::string> lines;
  if (colours == Colours::none) {
    for (int r = 0; r < grid.rows; ++r) {
      std::string line;
      for (int c = 0; c < grid.cols; ++c) line += glyph(at(r, c));
      lines.push_back(line);
    }
    return lines;
  }
  for (int r = 0; r < grid.rows; r += 2) {
    std::string line;
    for (int c = 0; c < grid.cols; ++c)
      line +=
          paint("38", at(r, c), colours) + (r + 1 < grid.rows ? paint("48", at(r + 1, c), colours) : "\033[49m") + "▀";
    lines.push_back(line + "\033[0m");
  }
  return lines;
}

// "-0.969 #≡=- ░▒▓█ 0.969", the bar in colour when there are colours.
std::string legend_line(const Legend& legend, Colours colours) {
  if (legend.scale.all_zero) return legend.label + ": every value is exactly 0";
  std::string bar;
  for (int level = -kLevels; level <= kLevels; ++level)
    bar += colours == Colours::none ? std::string(glyph(level)) : paint("38", level, colours) + "██\033[0m";
  return fmt::format("{}: {:.3g} {} {:.3g}  (a shade is {:.3g}; {} is exactly 0)", legend.label, -legend.scale.limit,
                     bar, legend.scale.limit, legend.scale.limit / kLevels,
                     colours == Colours::none ? "blank" : "white");
}

// What an SVG legend says after its bar.
std::string legend_note(const Legend& legend) {
  return legend.scale.all_zero ? "every value is exactly 0"
                               : fmt::format("a shade is {:.3g}; white is exactly 0", legend.scale.limit / kLevels);
}

std::string number(double value) { return std::isfinite(value) ? fmt::format("{:.6g}", value) : "nan"; }

// The panels' maps, side by side when they fit in `width`, else one under another.
std::string panels_text(const std::vector<Panel>& panels, const std::vector<Legend>& scales, Colours colours,
                        int width) {
  constexpr int gap = 3;
  std::vector<std::vector<std::string>> blocks;
  std::vector<int> widths;
  int side_by_side = -gap;
  std::size_t lines = 0;
  for (const auto& p : panels) {
    std::vector<std::string> block{p.title, range_text(p.grid)};
    for (auto& line : map_lines(p.grid, scales[p.scale].scale, colours)) block.push_back(std::move(line));
    int w = 0;
    for (const auto& line : block) w = std::max(w, visible_width(line));
    widths.push_back(w);
    side_by_side += w + gap;
    lines = std::max(lines, block.size());
    blocks.push_back(std::move(block));
  }
  std::string out;
  if (side_by_side > width) {
    for (const auto& block : blocks) {
      for (const auto& line : block) out += line + "\n";
      out += "\n";
    }
    return out;
  }
  for (std::size_t i = 0; i < lines; ++i) {
    std::string line;
    for (std::size_t b = 0; b < blocks.size(); ++b) {
      const auto& text = i < blocks[b].size() ? blocks[b][i] : std::string();
      line += b + 1 < blocks.size() ? padded(text, widths[b] + gap) : text;
    }
    line.erase(line.find_last_not_of(' ') + 1);
    out += line + "\n";
  }
  return out;
}

// The rows of a grid, in order.
Grid rows_of(const Grid& grid, const std::vector<int>& rows) {
  Grid out{static_cast<int>(rows.size()), grid.cols, {}};
  for (const int r : rows)
    out.values.insert(out.values.end(), grid.values.begin() + static_cast<std::ptrdiff_t>(r) * grid.cols,
                      grid.values.begin() + static_cast<std::ptrdiff_t>(r + 1) * grid.cols);
  return out;
}

// "0, 2, 3, 5, ... (64 rows)": the first rows of a list, and how many there are.
std::string rows_text(const std::vector<int>& rows) {
  constexpr std::size_t shown = 8;
  std::string text;
  for (std::size_t i = 0; i < std::min(shown, rows.size()); ++i) text += fmt::format("{}{}", i ? ", " : "", rows[i]);
  return rows.size() > shown ? fmt::format("{}, ... ({} rows)", text, rows.size()) : text;
}

// Pooling keeps each block's largest value, so two maps on one scale can pool alike while their
// elements differ (the same values, in other places within each block): says so, and draws the
// rows that differ unpooled when they fit.
std::string hidden_differences(const Row& row, const std::vector<Panel>& pooled, Colours colours, int width,
                               int max_rows) {
  for (std::size_t a = 0; a < row.panels.size(); ++a)
    for (std::size_t b = a + 1; b < row.panels.size(); ++b) {
      const auto &first = row.panels[a], &second = row.panels[b];
      const auto& scale = row.scales[first.scale].scale;
      if (first.scale != second.scale || first.grid.rows != second.grid.rows || first.grid.cols != second.grid.cols ||
          levels(pooled[a].grid, scale) != levels(pooled[b].grid, scale))
        continue;
      const auto first_levels = levels(first.grid, scale), second_levels = levels(second.grid, scale);
      std::vector<int> differ;
      for (int r = 0; r < first.grid.rows; ++r) {
        const auto begin = static_cast<std::ptrdiff_t>(r) * first.grid.cols, end = begin + first.grid.cols;
        if (!std::equal(first_levels.begin() + begin, first_levels.begin() + end, second_levels.begin() + begin))
          differ.push_back(r);
      }
      if (differ.empty()) continue;
      std::string out = fmt::format(
          "{} and {} look alike pooled, but {} of {} rows differ: the same values in other places within each "
          "cell?\n",
          first.title, second.title, differ.size(), first.grid.rows);
      if (static_cast<int>(differ.size()) > max_rows ||
          std::any_of(row.panels.begin(), row.panels.end(), [&](const Panel& p) { return p.grid.cols > width; }))
        return out;
      std::vector<Panel> unpooled;
      for (const auto& p : row.panels) unpooled.push_back({p.title, rows_of(p.grid, differ), p.scale});
      return out + "\nThe rows that differ, unpooled: " + rows_text(differ) + "\n" +
             panels_text(unpooled, row.scales, colours, width);
    }
  return "";
}

}  // namespace

Grid grid_of(std::span<const std::int64_t> shape, std::span<const float> values) {
  Grid grid;
  grid.cols = shape.empty() ? 1 : static_cast<int>(shape.back());
  grid.rows = grid.cols == 0 ? 0 : static_cast<int>(values.size() / static_cast<std::size_t>(grid.cols));
  grid.values.assign(values.begin(), values.end());
  return grid;
}

Pooled pool(const Grid& grid, int max_rows, int max_cols) {
  return pool_by(grid, std::max(1, (grid.rows + max_rows - 1) / std::max(1, max_rows)),
                 std::max(1, (grid.cols + max_cols - 1) / std::max(1, max_cols)));
}

Pooled pool_by(const Grid& grid, int row_block, int col_block) {
  Pooled pooled;
  pooled.row_block = row_block;
  pooled.col_block = col_block;
  auto& out = pooled.grid;
  out.rows = (grid.rows + row_block - 1) / row_block;
  out.cols = (grid.cols + col_block - 1) / col_block;
  out.values.assign(static_cast<std::size_t>(out.rows) * out.cols, 0.0);
  for (int r = 0; r < grid.rows; ++r)
    for (int c = 0; c < grid.cols; ++c) {
      auto& cell = out.values[static_cast<std::size_t>(r / row_block) * out.cols + c / col_block];
      const double v = grid.at(r, c);
      if (!std::isfinite(cell)) continue;
      if (!std::isfinite(v) || std::abs(v) > std::abs(cell)) cell = v;
    }
  return pooled;
}

int Scale::level(double value) const {
  if (!std::isfinite(value)) return kNotFinite;
  if (value == 0) return 0;
  const int magnitude = std::clamp(static_cast<int>(std::ceil(std::abs(value) / limit * kLevels)), 1, kLevels);
  return value > 0 ? magnitude : -magnitude;
}

std::pair<double, double> Scale::bounds(int level) const {
  const double step = limit / kLevels;
  if (level > 0) return {(level - 1) * step, level * step};
  if (level < 0) return {level * step, (level + 1) * step};
  return {0, 0};
}

Scale scale_of(std::initializer_list<const Grid*> grids) {
  double limit = 0;
  for (const auto* grid : grids)
    for (const double v : grid->values)
      if (std::isfinite(v)) limit = std::max(limit, std::abs(v));
  return {limit > 0 ? limit : 1, limit == 0};
}

std::vector<int> levels(const Grid& grid, const Scale& scale) {
  std::vector<int> out;
  out.reserve(grid.values.size());
  for (const double v : grid.values) out.push_back(scale.level(v));
  return out;
}

std::string_view colour(int level) {
  return level == kNotFinite ? "#000000" : kColours[static_cast<std::size_t>(level + kLevels)];
}

std::string_view glyph(int level) {
  return level == kNotFinite ? "?" : kGlyphs[static_cast<std::size_t>(level + kLevels)];
}

std::string range_text(const Grid& grid) {
  double lo = std::numeric_limits<double>::infinity(), hi = -lo;
  int not_finite = 0;
  for (const double v : grid.values) {
    if (!std::isfinite(v)) {
      ++not_finite;
      continue;
    }
    lo = std::min(lo, v);
    hi = std::max(hi, v);
  }
  std::string text = lo <= hi ? fmt::format("{:.3g} .. {:.3g}", lo, hi) : "";
  if (not_finite) text += fmt::format("{}{} not finite", text.empty() ? "" : ", ", not_finite);
  return text;
}

std::string render_terminal(const Figure& figure, Colours colours, int width, int height) {
  const int rows_a_line = colours == Colours::none ? 1 : 2;
  // A map may take the terminal's height but for its headings and legends, or 40 lines of a
  // smaller one: a terminal scrolls, and the batch's 32 rows are worth seeing whole.
  const int max_rows = std::max(40, height - 8) * rows_a_line;
  std::string out = figure.title.empty() ? "" : figure.title + "\n";
  for (const auto& row : figure.rows) {
    out += "\n" + row.heading + "\n";
    // One pooling for every panel, so that a cell stands for the same elements in each.
    int row_block = 1, col_block = 1;
    for (const auto& p : row.panels) {
      const auto fitted = pool(p.grid, max_rows, width);
      row_block = std::max(row_block, fitted.row_block);
      col_block = std::max(col_block, fitted.col_block);
    }
    std::vector<Panel> pooled;
    for (const auto& p : row.panels) pooled.push_back({p.title, pool_by(p.grid, row_block, col_block).grid, p.scale});
    const bool pooling = row_block > 1 || col_block > 1;
    if (pooling)
      out += fmt::format("  (too large for this terminal: each cell shows the largest |value| of a block of {} x {})\n",
                         row_block, col_block);
    out += panels_text(pooled, row.scales, colours, width);
    if (pooling) out += hidden_differences(row, pooled, colours, width, max_rows);
    for (const auto& legend : row.scales) out += legend_line(legend, colours) + "\n";
    if (!row.note.empty()) out += row.note + "\n";
  }
  return out;
}

std::string render_table(const Figure& figure) {
  std::string out = figure.title.empty() ? "" : "# " + figure.title + "\n";
  for (const auto& row : figure.rows) {
    out += "# " + row.heading + "\nrow col";
    int rows = 0, cols = 0;
    for (const auto& p : row.panels) {
      std::string title = p.title;
      std::replace(title.begin(), title.end(), ' ', '_');
      out += " " + title;
      rows = std::max(rows, p.grid.rows);
      cols = std::max(cols, p.grid.cols);
    }
    out += "\n";
    for (int r = 0; r < rows; ++r)
      for (int c = 0; c < cols; ++c) {
        out += fmt::format("{} {}", r, c);
        for (const auto& p : row.panels)
          out += " " + (r < p.grid.rows && c < p.grid.cols ? number(p.grid.at(r, c)) : std::string("-"));
        out += "\n";
      }
    if (!row.note.empty()) out += "# " + row.note + "\n";
  }
  return out;
}

std::string render_svg(const Figure& figure) {
  constexpr double margin = 20, gap = 30, swatch = 22, title_size = 13;
  // First the size: each row's cell size, panel widths and height.
  struct Layout {
    double cell = 0, height = 0;
    std::vector<double> widths;
  };
  std::vector<Layout> layouts;
  double width = figure.title.empty() ? 0 : text_width(figure.title, 15), height = figure.title.empty() ? 0 : 30;
  for (const auto& row : figure.rows) {
    Layout layout;
    int rows = 1, cols = 1;
    for (const auto& p : row.panels) {
      rows = std::max(rows, p.grid.rows);
      cols = std::max(cols, p.grid.cols);
    }
    // Taller than wide may a map be: demb's 96 rows get cells of 6 px.
    layout.cell = std::clamp(std::floor(std::min(320.0 / cols, 600.0 / rows)), 2.0, 16.0);
    double row_width = 0;
    for (const auto& p : row.panels) {
      layout.widths.push_back(
          std::max({p.grid.cols * layout.cell, text_width(p.title, 12), text_width(range_text(p.grid), 11)}));
      row_width += layout.widths.back() + gap;
    }
    // As drawn below: label, bar, note.
    for (const auto& legend : row.scales)
      row_width = std::max(row_width, text_width(legend.label, 12) + 10 + (2 * kLevels + 1) * swatch + 10 +
                                          text_width(legend_note(legend), 11));
    row_width = std::max({row_width, text_width(row.heading, title_size), text_width(row.note, 12)});
    width = std::max(width, row_width);
    layout.height =
        28 + 32 + rows * layout.cell + 16 + 44.0 * static_cast<double>(row.scales.size()) + (row.note.empty() ? 0 : 20);
    height += layout.height;
    layouts.push_back(std::move(layout));
  }
  Svg svg(std::ceil(width + 2 * margin), std::ceil(height + 2 * margin));
  double y = margin;
  if (!figure.title.empty()) {
    svg.text(margin, y + 15, figure.title, "start", 15);
    y += 30;
  }
  for (std::size_t i = 0; i < figure.rows.size(); ++i) {
    const auto& row = figure.rows[i];
    const auto& layout = layouts[i];
    svg.text(margin, y + 16, row.heading, "start", title_size);
    double x = margin, bottom = y;
    for (std::size_t k = 0; k < row.panels.size(); ++k) {
      const auto& p = row.panels[k];
      svg.text(x, y + 40, p.title);
      svg.text(x, y + 55, range_text(p.grid), "start", 11, "#555");
      const double top = y + 62;
      const auto cells = levels(p.grid, row.scales[p.scale].scale);
      for (int r = 0; r < p.grid.rows; ++r)
        for (int c = 0; c < p.grid.cols; ++c)
          svg.rect(x + c * layout.cell, top + r * layout.cell, layout.cell, layout.cell,
                   colour(cells[static_cast<std::size_t>(r) * p.grid.cols + c]));
      svg.rect(x, top, p.grid.cols * layout.cell, p.grid.rows * layout.cell, "none", "#999");
      bottom = std::max(bottom, top + p.grid.rows * layout.cell);
      x += layout.widths[k] + gap;
    }
    double ly = bottom + 16;
    for (const auto& legend : row.scales) {
      svg.text(margin, ly + 12, legend.label);
      const double bar = margin + text_width(legend.label, 12) + 10;
      for (int level = -kLevels; level <= kLevels; ++level)
        svg.rect(bar + (level + kLevels) * swatch, ly, swatch, 14, colour(level), "#999");
      const double end = bar + (2 * kLevels + 1) * swatch;
      svg.text(bar, ly + 28, fmt::format("{:.3g}", -legend.scale.limit), "start", 11);
      svg.text(bar + (kLevels + 0.5) * swatch, ly + 28, "0", "middle", 11);
      svg.text(end, ly + 28, fmt::format("{:.3g}", legend.scale.limit), "end", 11);
      svg.text(end + 10, ly + 12, legend_note(legend), "start", 11, "#555");
      ly += 44;
    }
    if (!row.note.empty()) svg.text(margin, ly + 12, row.note);
    y += layout.height;
  }
  return svg.str();
}

}  // namespace plot
