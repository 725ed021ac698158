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
  double worst = -1;
  for (Eigen::Index i = 0; i < got.rows(); ++i) {
    for (Eigen::Index j = 0; j < got.cols(); ++j) {
      const double a = got(i, j), b = want(i, j);
      const double diff = std::isnan(a) || std::isnan(b) ? std::numeric_limits<double>::quiet_NaN() : std::abs(a - b);
      c.exact = c.exact && a == b;
      c.approximate = c.approximate && diff <= tolerance.atol + tolerance.rtol * std::abs(b);
      // A NaN is the worst there is; after the first one nothing replaces it.
      const bool worse = !std::isnan(worst) && (std::isnan(diff) || diff > worst);
      if (worse) {
        worst = diff;
        c.worst_row = i;
        c.worst_col = j;
      }
    }
  }
  c.maxdiff = got.size() == 0 ? 0 : worst;
  if (got.size() > 0) {
    c.got_worst = got(c.worst_row, c.worst_col);
    c.want_worst = want(c.worst_row, c.worst_col);
  }
  return c;
}

std::string Comparison::report() const {
  const auto yes_no = [](bool b) { return b ? "True" : "False"; };
  if (!same_shape())
    return fmt::format("{:15s} | shape ({}, {}), expected ({}, {})", name, got_rows, got_cols, want_rows, want_cols);
  auto line = fmt::format("{:15s} | exact: {:5s} | approximate: {:5s} | maxdiff: {:.3g}", name, yes_no(exact),
                          yes_no(approximate), maxdiff);
  if (!exact)
    line += fmt::format(" at [{}, {}]: got {:.9g}, expected {:.9g}", worst_row, worst_col, got_worst, want_worst);
  return line;
}

}  // namespace backprop
