// kata's pictures: the heatmap's cells follow the values and its legend is right, a planted wrong
// column shows in the difference and nowhere else, a missing 1/n and a transposed answer show,
// the SVG is well-formed, and the graph's colours are the steps' states.
#include "pictures.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <regex>
#include <set>
#include <sstream>

#include "backprop/exit_status.h"
#include "backprop/files.h"
#include "backprop/npy.h"
#include "backprop/paths.h"
#include "catch.h"
#include "heatmap.h"
#include "scratch_dir.h"
#include "svg.h"
#include "test/well_formed.h"

namespace {

using backprop::State;
using plot::Grid;

Grid grid(int rows, int cols, std::vector<double> values) { return {rows, cols, std::move(values)}; }

// The text lines of a string.
std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (auto end = text.find('\n'); end != std::string::npos; start = end + 1, end = text.find('\n', start))
    lines.push_back(text.substr(start, end - start));
  return lines;
}

std::size_t count(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + part.size())) ++n;
  return n;
}

// A row of heatmaps drawn without colour, as `kata show` on a NO_COLOR terminal does.
std::vector<std::string> shaded(const Grid& g) {
  const plot::Figure figure{"", {{"case", {{"values", g, 0}}, {{"scale", plot::scale_of({&g})}}, ""}}};
  return lines_of(plot::render_terminal(figure, plot::Colours::none, 80, 40));
}

TEST_CASE("heatmap: each cell's level follows its value, and the legend states the range", "[pictures]") {
  const auto g = grid(2, 4, {0, 0.1, -0.5, 2, -2, 1.0, 1.01, std::nan("")});
  const auto scale = plot::scale_of({&g});
  CHECK(scale.limit == 2);  // the largest finite magnitude
  CHECK(plot::levels(g, scale) == std::vector<int>{0, 1, -1, 4, -4, 2, 3, plot::kNotFinite});
  // Level k holds magnitudes in ((k - 1) / 4, k / 4] of the limit.
  CHECK(scale.bounds(1) == std::pair<double, double>{0, 0.5});
  CHECK(scale.bounds(4) == std::pair<double, double>{1.5, 2});
  CHECK(scale.bounds(-4) == std::pair<double, double>{-2, -1.5});
  for (int level = -plot::kLevels; level <= plot::kLevels; ++level) {
    if (level == 0) continue;
    const auto [lo, hi] = scale.bounds(level);
    CHECK(scale.level(level > 0 ? hi : lo) == level);
    CHECK(scale.level((lo + hi) / 2) == level);
  }
  const auto lines = shaded(g);
  REQUIRE(lines.size() >= 7);
  CHECK(lines[1] == "case");
  CHECK(lines[2] == "values");
  CHECK(lines[3] == "-2 .. 2, 1 not finite");
  CHECK(lines[4] == " ░-█");
  CHECK(lines[5] == "#▒▓?");
  CHECK(lines[6] == "scale: -2 #≡=- ░▒▓█ 2  (a shade is 0.5; blank is exactly 0)");
}

TEST_CASE("heatmap: in colour, two rows a line, each cell in its level's colour", "[pictures]") {
  const auto g = grid(3, 2, {2, -2, 0, 1, 0.5, -0.5});
  const plot::Figure figure{"", {{"case", {{"values", g, 0}}, {{"scale", plot::scale_of({&g})}}, ""}}};
  const auto text = plot::render_terminal(figure, plot::Colours::truecolor, 80, 40);
  CHECK(count(text, "▀") == 4);  // 2 columns by 2 lines
  // Row 0 over row 1: 2 (dark orange) over 0 (white), then -2 (dark blue) over 1 (level 2 orange).
  CHECK(count(text, "\033[38;2;179;88;6m\033[48;2;255;255;255m▀") == 1);
  CHECK(count(text, "\033[38;2;33;102;172m\033[48;2;253;184;99m▀") == 1);
  // The last row alone, over the terminal's own background.
  CHECK(count(text, "\033[38;2;254;224;182m\033[49m▀") == 1);
  const auto palette = plot::render_terminal(figure, plot::Colours::palette256, 80, 40);
  CHECK(count(palette, "\033[38;5;") == 4 + 9);  // the cells and the legend's bar
}

TEST_CASE("heatmap: a grid too large for the terminal is pooled, keeping each block's largest value", "[pictures]") {
  const auto g = grid(4, 6, {0, 1, 0, 0,  0, 0,  //
                             0, 0, 0, -3, 0, 0,  //
                             0, 0, 0, 0,  0, 0,  //
                             0, 0, 0, 0,  0, std::nan("")});
  const auto pooled = plot::pool(g, 2, 3);
  CHECK(pooled.row_block == 2);
  CHECK(pooled.col_block == 2);
  REQUIRE(pooled.grid.rows == 2);
  REQUIRE(pooled.grid.cols == 3);
  CHECK(pooled.grid.at(0, 0) == 1);
  CHECK(pooled.grid.at(0, 1) == -3);
  CHECK(pooled.grid.at(0, 2) == 0);
  CHECK(std::isnan(pooled.grid.at(1, 2)));
  // On a terminal 3 columns wide, the picture says it is pooled and how.
  const plot::Figure figure{"", {{"case", {{"v", g, 0}}, {{"s", plot::scale_of({&g})}}, ""}}};
  const auto text = plot::render_terminal(figure, plot::Colours::none, 3, 40);
  CHECK_THAT(text, Catch::Matchers::ContainsSubstring("the largest |value| of a block of 1 x 2"));
}

// rows x cols values, each of another magnitude, none 0.
Grid distinct(int rows, int cols) {
  Grid g{rows, cols, {}};
  for (int i = 0; i < rows * cols; ++i) g.values.push_back(((i * 37) % 101 - 50) * 0.01 + 0.003);
  return g;
}

// g with the rows of each block of 3 in reverse order, in the first `blocks` blocks.
Grid reversed_blocks(const Grid& g, int blocks) {
  Grid out = g;
  for (int r = 0; r < 3 * blocks; ++r)
    for (int c = 0; c < g.cols; ++c)
      out.values[static_cast<std::size_t>(r * g.cols + c)] = g.at(r - r % 3 + 2 - r % 3, c);
  return out;
}

plot::Figure side_by_side(const Grid& yours, const Grid& expected) {
  return {
      "",
      {{"case", {{"yours", yours, 0}, {"PyTorch", expected, 0}}, {{"s", plot::scale_of({&yours, &expected})}}, ""}}};
}

TEST_CASE("heatmap: maps that pool alike but differ are said to, and their rows drawn unpooled", "[pictures]") {
  // demb's shape, each example's 3 rows reversed: on 40 lines, pooled 3 rows a cell, the maps are alike.
  const auto want = distinct(96, 10);
  const auto all = plot::render_terminal(side_by_side(reversed_blocks(want, 32), want), plot::Colours::none, 100, 24);
  CHECK_THAT(all, Catch::Matchers::ContainsSubstring("a block of 3 x 1"));
  CHECK_THAT(all, Catch::Matchers::ContainsSubstring(
                      "yours and PyTorch look alike pooled, but 64 of 96 rows differ: the same values in other places "
                      "within each cell?"));
  CHECK_THAT(all, !Catch::Matchers::ContainsSubstring("unpooled"));  // 64 rows do not fit on 40 lines
  // Two examples reversed: their 4 rows that differ fit, and are drawn whole.
  const auto got = reversed_blocks(want, 2);
  const auto two = lines_of(plot::render_terminal(side_by_side(got, want), plot::Colours::none, 100, 24));
  const auto at = std::find(two.begin(), two.end(), "The rows that differ, unpooled: 0, 2, 3, 5");
  REQUIRE(at != two.end());
  REQUIRE(two.end() - at >= 7);
  CHECK(at[1].starts_with("yours"));
  const auto scale = plot::scale_of({&got, &want});
  for (int k = 0; k < 4; ++k) {
    std::string shades;
    for (int c = 0; c < 10; ++c) shades += plot::glyph(scale.level(got.at(std::array{0, 2, 3, 5}[k], c)));
    CHECK(at[3 + k].starts_with(shades));
  }
  // Maps that differ in their pooled cells need no such sentence.
  Grid other = want;
  other.values[0] = -other.values[0];
  CHECK_THAT(plot::render_terminal(side_by_side(other, want), plot::Colours::none, 100, 24),
             !Catch::Matchers::ContainsSubstring("look alike"));
}

TEST_CASE("heatmap: the panels of a row are pooled by the same blocks", "[pictures]") {
  // dW2 transposed: (27, 64) against (64, 27), on 40 columns and 40 lines.
  const auto text =
      plot::render_terminal(side_by_side(distinct(27, 64), distinct(64, 27)), plot::Colours::none, 40, 24);
  CHECK(count(text, "block of") == 1);
  CHECK_THAT(text, Catch::Matchers::ContainsSubstring("a block of 2 x 2"));
}

// The texts of an SVG that reach beyond its width or before 0, as render_svg lays them out (text_width).
std::vector<std::string> texts_outside(const std::string& svg) {
  std::smatch match;
  REQUIRE(std::regex_search(svg, match, std::regex(R"re(<svg [^>]*width="([0-9.]+)")re")));
  const double width = std::stod(match[1]);
  const std::regex text(
      R"re(<text x="([0-9.-]+)" y="[^"]*" text-anchor="(\w+)" font-size="([0-9.]+)"[^>]*>([^<]*)</text>)re");
  std::vector<std::string> outside;
  for (std::sregex_iterator it(svg.begin(), svg.end(), text), end; it != end; ++it) {
    // An entity (&amp;) is one character.
    const auto shown = std::regex_replace((*it)[4].str(), std::regex("&[a-z]+;"), "&");
    const double w = plot::text_width(shown, std::stod((*it)[3])), x = std::stod((*it)[1]);
    const double left = (*it)[2] == "start" ? x : (*it)[2] == "middle" ? x - w / 2 : x - w;
    if (left < 0 || left + w > width) outside.push_back(shown);
  }
  return outside;
}

// A report of one network case, with the learner's and the expected tensors saved as the step test saves them.
struct Saved {
  ScratchDir scratch;
  backprop::StepReport report;
  Saved(const backprop::Matrix& got, const backprop::Matrix& want) {
    const auto write = [&](const std::string& name, const backprop::Matrix& m) {
      const auto file = scratch.path / name;
      const std::array<std::int64_t, 2> shape{m.rows(), m.cols()};
      backprop::npy::write(file, shape, std::span(m.data(), static_cast<std::size_t>(m.size())));
      return file.string();
    };
    report.step = "dlogits";
    report.state = backprop::compare("dlogits", got, want).passed() ? State::passed : State::failed;
    report.network =
        backprop::CaseReport{backprop::compare("dlogits", got, want), write("want.npy", want), write("got.npy", got)};
  }
};

backprop::Matrix expected_dlogits() {
  backprop::Matrix want = backprop::Matrix::Constant(6, 5, 0.01f);
  for (int i = 0; i < 6; ++i) want(i, i % 5) = -0.04f;  // the labels pull down
  return want;
}

// dlogits with column 3 wrong by 0.5, as kata show draws it.
plot::Figure wrong_column() {
  const auto want = expected_dlogits();
  backprop::Matrix got = want;
  got.col(3).array() += 0.5f;
  const Saved saved(got, want);
  return kata::show_figure(*backprop::find_step("dlogits"), saved.report);
}

TEST_CASE("kata show: a planted wrong column is hot in the difference, and only there", "[pictures]") {
  const auto figure = wrong_column();
  REQUIRE(figure.rows.size() == 1);
  const auto& row = figure.rows[0];
  REQUIRE(row.panels.size() == 3);
  CHECK(row.panels[0].title == "yours");
  CHECK(row.panels[2].title == "yours - PyTorch");
  const auto& difference = row.panels[2];
  const auto cells = plot::levels(difference.grid, row.scales[difference.scale].scale);
  for (int r = 0; r < 6; ++r)
    for (int c = 0; c < 5; ++c) CHECK(cells[static_cast<std::size_t>(r * 5 + c)] == (c == 3 ? plot::kLevels : 0));
  // Its legend is its own scale: the planted 0.5.
  CHECK(std::abs(row.scales[difference.scale].scale.limit - 0.5) < 1e-6);
}

TEST_CASE("kata show: a missing 1/n leaves PyTorch's map pale on the shared scale", "[pictures]") {
  const auto want = expected_dlogits();
  const Saved saved(want * 32, want);
  const auto row = kata::show_figure(*backprop::find_step("dlogits"), saved.report).rows.at(0);
  const auto scale = row.scales.at(0).scale;
  CHECK(std::abs(scale.limit - 32 * 0.04) < 1e-6);
  for (const int level : plot::levels(row.panels[1].grid, scale)) CHECK(std::abs(level) == 1);
  const auto yours = plot::levels(row.panels[0].grid, scale);
  CHECK(std::count(yours.begin(), yours.end(), -plot::kLevels) == 6);
}

TEST_CASE("kata show: a transposed answer is drawn in its shape, with no difference", "[pictures]") {
  const auto want = expected_dlogits();
  const Saved saved(want.transpose(), want);
  const auto row = kata::show_figure(*backprop::find_step("dlogits"), saved.report).rows.at(0);
  REQUIRE(row.panels.size() == 2);
  CHECK(row.panels[0].grid.rows == 5);
  CHECK(row.panels[1].grid.rows == 6);
  CHECK(row.note == "The shapes differ: yours (5, 6), PyTorch's (6, 5): no difference to draw.");
  // Not cmp()'s maxdiff of 0, which would read as a match.
  CHECK(row.heading == "network dlogits: shapes differ: (5, 6) vs (6, 5)");
}

// What kata show prints for a checked step on this terminal.
std::string shown_on(const kata::Terminal& terminal, const Saved& saved) {
  std::ostringstream out;
  const kata::Console console{out, terminal};
  CHECK(kata::print_show(console, *backprop::find_step("dlogits"), saved.report, "") == backprop::kExitFailure);
  return out.str();
}

TEST_CASE("kata show: the picture is drawn for the console's terminal, its width and its colours", "[pictures]") {
  // 64 columns, column 3 wrong: the three maps side by side on 200 columns, one under another on
  // 100, pooled by blocks of 2 columns on 40.
  const backprop::Matrix want = backprop::Matrix::Constant(6, 64, 0.01f);
  backprop::Matrix got = want;
  got.col(3).array() += 0.5f;
  const Saved saved(got, want);
  const std::regex in_one_line("\\nyours +PyTorch +yours - PyTorch");
  const std::string pooled = "each cell shows the largest |value| of a block of 1 x 2";
  const auto wide = shown_on({.output = true, .width = 200, .height = 24}, saved);
  CHECK(std::regex_search(wide, in_one_line));
  CHECK(wide.find('\033') == std::string::npos);
  const auto narrower = shown_on({.output = true, .width = 100, .height = 24}, saved);
  CHECK_FALSE(std::regex_search(narrower, in_one_line));
  CHECK(narrower.find(pooled) == std::string::npos);
  const auto narrow = shown_on({.output = true, .width = 40, .height = 24}, saved);
  CHECK_THAT(narrow, Catch::Matchers::ContainsSubstring(pooled));
  // In colour: 256 of them unless the terminal says it has 24-bit colour.
  const auto palette = shown_on({.output = true, .color = true, .width = 100, .height = 24}, saved);
  CHECK(count(palette, "\033[38;5;") > 0);
  CHECK(count(palette, "\033[38;2;") == 0);
  const auto truecolor =
      shown_on({.output = true, .color = true, .truecolor = true, .width = 100, .height = 24}, saved);
  CHECK(count(truecolor, "\033[38;2;") > 0);
  // Not a terminal: a table, one element a line.
  CHECK_THAT(shown_on({}, saved), Catch::Matchers::ContainsSubstring("\nrow col yours PyTorch yours_-_PyTorch\n"));
}

TEST_CASE("kata show: the SVG is well-formed and has a rectangle of the cell's colour for each cell", "[pictures]") {
  const auto figure = wrong_column();
  const auto svg = plot::render_svg(figure);
  CHECK(xml_error(svg) == "");
  // The difference's 6 hot cells, the yours' 6 cells at 0.51, and a swatch in each of the 2 legends.
  CHECK(count(svg, "fill=\"#b35806\"") == 6 + 6 + 2);
  CHECK_THAT(svg, Catch::Matchers::ContainsSubstring(">yours - PyTorch<"));
}

TEST_CASE("kata show: the SVG's texts stay inside it, a blank difference is white, a tall map's cells visible",
          "[pictures]") {
  // demb's shape with small values: the legend's note is long ("a shade is 0.0247; ...").
  backprop::Matrix want(96, 10);
  for (Eigen::Index i = 0; i < want.size(); ++i)
    want.data()[i] = 0.0988f * static_cast<float>((i * 37) % 101 - 50) / 50;
  const Saved saved(want, want);
  const auto svg = plot::render_svg(kata::show_figure(*backprop::find_step("demb"), saved.report));
  CHECK(xml_error(svg) == "");
  CHECK(texts_outside(svg) == std::vector<std::string>{});
  CHECK_THAT(svg, Catch::Matchers::ContainsSubstring("a shade is 0.0247; white is exactly 0"));
  // The difference is all 0: 960 white cells, as its legend says.
  CHECK(count(svg, "fill=\"#ffffff\"") >= 960);
  CHECK(count(svg, "width=\"6.0\" height=\"6.0\"") >= 3 * 960);
  // A panel narrower than its legend.
  const auto one = grid(1, 1, {1e-7});
  const plot::Figure small{"", {{"", {{"v", one, 0}}, {{"a long label for the legend", plot::scale_of({&one})}}, ""}}};
  CHECK(texts_outside(plot::render_svg(small)) == std::vector<std::string>{});
}

TEST_CASE("the XML check finds what is not well-formed", "[pictures]") {
  // The prolog Graphviz writes: a declaration, a DOCTYPE and comments before the root.
  CHECK(xml_error("<?xml version=\"1.0\"?>\n<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\"\n \"x.dtd\">\n<!-- c "
                  "-->\n<svg/>") == "");
  CHECK(xml_error("<svg><rect x=\"1\"/><text>a &amp; b</text></svg>") == "");
  CHECK(xml_error("<svg><text>a & b</text></svg>") != "");
  CHECK(xml_error("<svg><text>a</svg>") != "");
  CHECK(xml_error("<svg><rect x=1/></svg>") != "");
  CHECK(xml_error("<svg/><svg/>") != "");
  CHECK(xml_error("<svg>") != "");
}

TEST_CASE("kata graph: each tensor is filled in the colour of its step's state", "[pictures]") {
  const auto dot = backprop::read_text(backprop::source_dir() / "docs" / "graph.dot");
  REQUIRE(!dot.empty());
  const std::map<std::string, State> states{{"dlogprobs", State::passed},
                                            {"dprobs", State::failed},
                                            {"dC", State::does_not_compile},
                                            {"dlogits", State::not_done},
                                            {"cross_entropy_backward", State::passed},
                                            {"dhprebn", State::timed_out},
                                            {"batchnorm_backward", State::timed_out}};
  // A colour for each kind of verdict: passing, wrong, not done, not compiling, stopped.
  const std::set<std::string_view> colours{
      kata::state_colour(State::passed), kata::state_colour(State::failed), kata::state_colour(State::not_done),
      kata::state_colour(State::does_not_compile), kata::state_colour(State::crashed)};
  CHECK(colours.size() == 5);
  const auto coloured = kata::coloured_graph(dot, states);
  CHECK(coloured.starts_with(dot.substr(0, dot.rfind('}'))));
  // The statements kata adds, after the graph's own.
  const auto added = coloured.substr(dot.rfind('}'));
  const auto fill = [&](const std::string& node) {
    std::smatch match;
    const std::regex statement("\\n  " + node + R"re( \[label="[^"]*", fillcolor="([^"]*)")re");
    return std::regex_search(added, match, statement) ? match[1].str() : "none";
  };
  CHECK(fill("logprobs") == kata::state_colour(State::passed));
  CHECK(fill("probs") == kata::state_colour(State::failed));
  CHECK(fill("C") == kata::state_colour(State::does_not_compile));
  CHECK(fill("hprebn") == kata::state_colour(State::timed_out));
  // Two steps compute dlogits: a stripe each.
  CHECK(fill("logits") ==
        fmt::format("{};0.5:{}", kata::state_colour(State::not_done), kata::state_colour(State::passed)));
  // The verdicts replace the label's "step 8, 27" line.
  CHECK_THAT(coloured, Catch::Matchers::ContainsSubstring("logits  (n, 27)\\nstep 8: not done\\nstep 27: passed\""));
  CHECK(fill("W1") == "none");  // no verdict, no colour
}

}  // namespace
