#include "backprop/compare.h"

#include <fmt/format.h>

#include <cmath>
#include <limits>

namespace backprop {

Comparison compare(const std::string& name, const Matrix& got, const Matrix& want, Tolerance tolerance) {
  Comparison c;
  c.name = name;
  c.got_rows = got.rows();
  c.got_cols = got.cols();
  c.want_rows = want.rows();
  c.want_cols = want.cols();
  if (!c.same_shape()) return c;

  c.exact = true;
  c.approximate = true;
  double worst = -1, worst_share = -1;
  // A NaN is the worst there is; after the first one nothing replaces it.
  const auto worse = [](double value, double than) { return !std::isnan(than) && (std::isnan(value) || value > than); };
  for (Eigen::Index i = 0; i < got.rows(); ++i) {
    for (Eigen::Index j = 0; j < got.cols(); ++j) {
      const double a = got(i, j), b = want(i, j);
      const double diff = std::isnan(a) || std::isnan(b) ? std::numeric_limits<double>::quiet_NaN() : std::abs(a - b);
      const double allowed = tolerance.atol + tolerance.rtol * std::abs(b);
      const double share = diff == 0 ? 0 : diff / allowed;
      c.exact = c.exact && a == b;
      c.approximate = c.approximate && diff <= allowed;
      if (worse(diff, worst)) {
        worst = diff;
        c.worst = {i, j, got(i, j), want(i, j), share};
      }
      if (worse(share, worst_share)) {
        worst_share = share;
        c.worst_share = {i, j, got(i, j), want(i, j), share};
      }
    }
  }
  c.maxdiff = got.size() == 0 ? 0 : worst;
  return c;
}

const char* python_bool(bool b) { return b ? "True" : "False"; }

std::string Comparison::maxdiff_text() const { return fmt::format("{:.3g}", maxdiff); }

std::string Comparison::shapes_text() const {
  return fmt::format("shape ({}, {}), expected ({}, {})", got_rows, got_cols, want_rows, want_cols);
}

std::string Comparison::report() const {
  if (!same_shape()) return fmt::format("{:15s} | {}", name, shapes_text());
  auto line = fmt::format("{:15s} | exact: {:5s} | approximate: {:5s} | maxdiff: {}", name, python_bool(exact),
                          python_bool(approximate), maxdiff_text());
  // The element shown is the one nearest to failing or furthest past it, with its share: maxdiff's
  // own element can be well within the tolerance where a small value elsewhere fails.
  if (exact) return line;
  const auto& e = worst_share;
  line += fmt::format(" | worst [{}, {}]: got {:.9g}, expected {:.9g}", e.row, e.col, e.got, e.want);
  if (!std::isnan(e.share)) line += fmt::format(", {:.3g}x the tolerance", e.share);
  return line;
}

}  // namespace backprop
