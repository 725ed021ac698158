#include "backprop/diagnose.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "backprop/compare.h"

namespace backprop {
namespace {

std::string shape(const Matrix& m) { return fmt::format("({}, {})", m.rows(), m.cols()); }

// Diagnoses of a gradient whose shape is not the expected one.
std::vector<std::string> misshapen(const Matrix& got, const Matrix& want, const Dims& dims) {
  const auto shapes = fmt::format("{} where {} is expected", shape(got), shape(want));
  // A bias summed along the wrong axis: .rowwise().sum() gives an (n, 1) column, which Eigen
  // assigns to the (1, c) RowVector as a (1, n) row without complaint.
  if (got.rows() == 1 && want.rows() == 1 && got.cols() == dims.n && want.cols() != dims.n)
    return {
        fmt::format("one value per example (n = {}): {}; summed over the columns (.rowwise().sum()) where the "
                    "forward pass broadcast down the rows, so the gradient sums over the rows "
                    "(.colwise().sum())? Eigen turns the (n, 1) column into a (1, n) row without a word",
                    dims.n, shapes)};
  if (got.rows() == want.cols() && got.cols() == want.rows()) {
    if (same_values(got.transpose(), want))
      return {"the right values, transposed: " + shapes + "; transpose it, or swap the factors of a matrix product"};
    return {"the shape of the transpose: " + shapes + "; check the order and the transposes of a matrix product"};
  }
  // The forward pass broadcast a (1, c) tensor down the rows or an (r, 1) one across the columns,
  // so its gradient sums over that dimension.
  if (want.rows() == 1 && got.rows() > 1 && got.cols() == want.cols()) {
    if (same_values(got.colwise().sum(), want))
      return {"the right values before a sum over the rows: " + shapes +
              "; this tensor was broadcast down the rows, so its gradient sums over them (.colwise().sum())"};
    return {"one row per example: " + shapes +
            "; this tensor was broadcast down the rows, so its gradient sums over them"};
  }
  if (want.cols() == 1 && got.cols() > 1 && got.rows() == want.rows()) {
    if (same_values(got.rowwise().sum(), want))
      return {"the right values before a sum over the columns: " + shapes +
              "; this tensor was broadcast across the columns, so its gradient sums over them (.rowwise().sum())"};
    return {"one column per column of the broadcast: " + shapes +
            "; this tensor was broadcast across the columns, so its gradient sums over them"};
  }
  if (got.rows() == 1 && want.rows() > 1 && got.cols() == want.cols())
    return {"a single row: " + shapes + "; a sum or mean over the rows where the forward pass had none?"};
  if (got.cols() == 1 && want.cols() > 1 && got.rows() == want.rows())
    return {"a single column: " + shapes + "; a sum or mean over the columns where the forward pass had none?"};
  if (got.size() == want.size() && same_values(Eigen::Map<const Matrix>(got.data(), want.rows(), want.cols()), want))
    return {"the right values in the wrong shape: " + shapes +
            "; the forward pass viewed this tensor in another shape, so view the gradient back"};
  return {};
}

// Diagnoses of a gradient of the right shape that is a constant multiple of the expected one.
std::vector<std::string> scaled(const Matrix& got, const Matrix& want, const Dims& dims) {
  if (same_values(got, -want)) return {"the wrong sign: -1 times the expected values"};
  struct Factor {
    double value;
    std::string what;
  };
  const double n = static_cast<double>(dims.n);
  std::vector<Factor> factors = {{2, "twice the expected values: a path counted twice?"},
                                 {0.5, "half the expected values: the 2 of a square's derivative (2x) missing?"}};
  if (n > 2) {
    const auto with_n = [n](std::string what) { return fmt::format(fmt::runtime(what), n); };
    factors.insert(factors.begin(),
                   {{n, with_n("n times the expected values (n = {}): a division by n missing?")},
                    {1 / n, with_n("1/n of the expected values (n = {}): a division by n too many, or a mean where a "
                                   "sum belongs?")},
                    {n - 1, with_n("n - 1 times the expected values (n = {}): a division by n - 1 missing?")},
                    {1 / (n - 1), with_n("1/(n - 1) of the expected values (n = {}): a division by n - 1 too many?")},
                    {n / (n - 1), with_n("n/(n - 1) times the expected values (n = {}): a division by n - 1 where n "
                                         "belongs?")},
                    {(n - 1) / n, with_n("(n - 1)/n of the expected values (n = {}): a division by n where n - 1 "
                                         "belongs (Bessel's correction)?")}});
  }
  for (const auto& factor : factors) {
    const Matrix expected = want * static_cast<float>(factor.value);
    if (same_values(got, expected)) return {factor.what};
    if (same_values(got, -expected)) return {"the wrong sign, and " + factor.what};
  }
  const double k = got.cast<double>().cwiseProduct(want.cast<double>()).sum() / want.cast<double>().squaredNorm();
  if (std::isfinite(k) && k != 0 && same_values(got, want * static_cast<float>(k)))
    return {fmt::format("{:.4g} times the expected values everywhere: one constant factor is wrong", k)};
  return {};
}

// The elements of got outside cmp()'s tolerance of want's.
Eigen::Array<bool, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> outside_tolerance(const Matrix& got,
                                                                                      const Matrix& want) {
  const Tolerance tolerance;
  const auto atol = static_cast<float>(tolerance.atol), rtol = static_cast<float>(tolerance.rtol);
  return (got - want).array().abs() > atol + rtol * want.array().abs();
}

// Where row i of got comes from in want (one row each, within the tolerance), or empty when its
// rows are not want's rows in another order.
std::vector<Eigen::Index> row_order(const Matrix& got, const Matrix& want) {
  std::vector<Eigen::Index> from(static_cast<std::size_t>(got.rows()));
  std::vector<bool> taken(from.size());
  for (Eigen::Index i = 0; i < got.rows(); ++i) {
    Eigen::Index j = 0;
    while (j < want.rows() && (taken[j] || outside_tolerance(got.row(i), want.row(j)).any())) ++j;
    if (j == want.rows()) return {};
    taken[j] = true;
    from[i] = j;
  }
  return from;
}

// How the rows (or columns) of got are ordered, when `from` (row_order) is a common permutation;
// `block` > 1 also names the reversal within each run of `block` rows, as of an example's context.
std::string named_order(const std::vector<Eigen::Index>& from, const std::string& lines, Eigen::Index block) {
  const auto count = static_cast<Eigen::Index>(from.size());
  std::vector<Eigen::Index> moved;
  for (Eigen::Index i = 0; i < count; ++i)
    if (from[i] != i) moved.push_back(i);
  if (moved.size() == 2) return fmt::format("{} {} and {} swapped", lines, moved[0], moved[1]);
  const auto reversed_in = [&](Eigen::Index size) {
    for (Eigen::Index i = 0; i < count; ++i)
      if (from[i] != i - i % size + size - 1 - i % size) return false;
    return true;
  };
  if (reversed_in(count)) return fmt::format("the {} in reverse order", lines);
  if (block > 1 && count % block == 0 && reversed_in(block))
    return fmt::format("each example's block_size = {} {} in reverse order: is the context order reversed?", block,
                       lines);
  return fmt::format("the {} in another order", lines);
}

// Diagnoses of a gradient with the expected values, in other places.
std::vector<std::string> permuted(const Matrix& got, const Matrix& want, const Dims& dims) {
  Matrix sorted_got = got, sorted_want = want;
  std::sort(sorted_got.data(), sorted_got.data() + got.size());
  std::sort(sorted_want.data(), sorted_want.data() + want.size());
  if (outside_tolerance(sorted_got, sorted_want).any()) return {};
  const std::string found = "the right values in the wrong places";
  // demb has one row per position of each example's context.
  const auto block = got.rows() == dims.n * dims.sizes.block_size ? dims.sizes.block_size : 0;
  if (const auto from = row_order(got, want); !from.empty()) return {found + ": " + named_order(from, "rows", block)};
  if (const auto from = row_order(got.transpose(), want.transpose()); !from.empty())
    return {found + ": " + named_order(from, "columns", 0)};
  return {found};
}

}  // namespace

bool same_values(const Matrix& a, const Matrix& b) {
  if (a.rows() != b.rows() || a.cols() != b.cols() || !a.allFinite() || !b.allFinite()) return false;
  if (a.size() == 0) return true;
  // Relative to the larger of the two, so that a gradient that is nearly zero everywhere (as
  // dlogit_maxes is) still differs from exact zeros or from its negative.
  return (a - b).cwiseAbs().maxCoeff() <= 1e-4f * std::max(a.cwiseAbs().maxCoeff(), b.cwiseAbs().maxCoeff());
}

std::vector<std::string> diagnose(const Matrix& got, const Matrix& want, const Dims& dims) {
  const auto comparison = compare("got", got, want);
  if (comparison.passed()) return {};
  if (!got.allFinite())
    return {"NaN or infinity among the values: a division by zero, the log of 0, or an element never written?"};
  if (!comparison.same_shape()) return misshapen(got, want, dims);
  // No formula of the inputs comes near: the values were there before the step wrote any.
  const float largest = got.cwiseAbs().maxCoeff(), expected_largest = want.cwiseAbs().maxCoeff();
  if (expected_largest > 0 && largest > 1e6f * expected_largest)
    return {
        fmt::format("values far beyond anything the inputs can produce ({:.3g}, where the expected values reach "
                    "{:.3g}): an accumulator that was never set to zero?",
                    largest, expected_largest)};
  if (got.isZero(0) && !want.isZero(0))
    return {
        "every value is 0: a factor that is 0, such as 1 / n in integer division (C++ rounds 1 / 32 to 0; write "
        "1.0f / n), or a result never written?"};
  if (same_values(got, want))
    return {
        fmt::format("within 0.01% of the expected values, but not within cmp()'s tolerance (maxdiff {:.3g}): a "
                    "small term left out, such as the eps of 1e-5, or a computation that loses precision, such as a "
                    "difference of large numbers?",
                    comparison.maxdiff)};
  if (auto found = scaled(got, want, dims); !found.empty()) return found;
  if (got.rows() == got.cols() && same_values(got.transpose(), want))
    return {"the right values, transposed: transpose it, or swap the factors of a matrix product"};

  if (auto found = permuted(got, want, dims); !found.empty()) return found;

  const auto wrong = outside_tolerance(got, want).count();
  if (2 * wrong < got.size())
    return {fmt::format("{} of the {} values are wrong, the others right; the worst at [{}, {}]", wrong, got.size(),
                        comparison.worst.row, comparison.worst.col)};
  return {};
}

}  // namespace backprop
