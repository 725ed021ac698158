// The lecture's cmp(): how a computed gradient compares with PyTorch's, as
//   dlogprobs       | exact: True  | approximate: True  | maxdiff: 0
#pragma once

#include <Eigen/Core>
#include <string>

#include "backprop/tensor.h"

namespace backprop {

// approximate means |got - want| <= atol + rtol * |want| everywhere: torch.allclose with its
// defaults, as the lecture's cmp() uses. On the solutions the largest difference from PyTorch is
// about 1e-7 of the value's size (docs/tolerance.md has the measurements), so these defaults pass
// every correct answer with a wide margin and reject every mutant in tests/.
struct Tolerance {
  double rtol = 1e-5;
  double atol = 1e-8;
};

struct Comparison {
  std::string name;
  Eigen::Index got_rows = 0, got_cols = 0, want_rows = 0, want_cols = 0;
  bool exact = false;
  bool approximate = false;
  double maxdiff = 0;                         // NaN when either side has a NaN
  Eigen::Index worst_row = 0, worst_col = 0;  // where |got - want| is largest
  float got_worst = 0, want_worst = 0;

  bool same_shape() const { return got_rows == want_rows && got_cols == want_cols; }
  bool passed() const { return same_shape() && approximate; }
  // The cmp() line, then the worst element or the two shapes.
  std::string report() const;
};

Comparison compare(const std::string& name, const Matrix& got, const Matrix& want, Tolerance tolerance = {});

template <typename Got, typename Want>
Comparison compare(const std::string& name, const Eigen::MatrixBase<Got>& got, const Eigen::MatrixBase<Want>& want,
                   Tolerance tolerance = {}) {
  return compare(name, Matrix(got), Matrix(want), tolerance);
}

}  // namespace backprop
