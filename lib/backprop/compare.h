// The lecture's cmp(): how a computed gradient compares with PyTorch's, as
//   dlogprobs       | exact: True  | approximate: True  | maxdiff: 0
#pragma once

#include <string>

// Eigen through tensor.h only, which sets up Eigen's checks before Eigen is first included.
#include "backprop/tensor.h"

namespace backprop {

// approximate means |got - want| <= atol + rtol * |want| everywhere, as torch.allclose. rtol is
// allclose's default; atol is ten times its default because two gradients of the network are
// rounding noise near 1e-9 (dlogit_maxes, db1), where a correct answer summed in another order used
// 0.91 of allclose's 1e-8 (docs/tolerance.md has the measurements). The probes still reject zeros.
struct Tolerance {
  double rtol = 1e-5;
  double atol = 1e-7;
};

// One element of got against want: where it is, both values, and |got - want| as a share of the
// tolerance there, atol + rtol * |want|: above 1 exactly where the element is not approximate, NaN
// when either value is.
struct Element {
  Eigen::Index row = 0, col = 0;
  float got = 0, want = 0;
  double share = 0;
};

struct Comparison {
  std::string name;
  Eigen::Index got_rows = 0, got_cols = 0, want_rows = 0, want_cols = 0;
  bool exact = false;
  bool approximate = false;
  double maxdiff = 0;  // NaN when either side has a NaN
  // The element of the largest |got - want|, where maxdiff is, and that of the largest share of
  // the tolerance, which decides approximate: a small gradient off by a little more than it may be.
  Element worst, worst_share;

  bool same_shape() const { return got_rows == want_rows && got_cols == want_cols; }
  bool passed() const { return same_shape() && approximate; }
  // The cmp() line, then the element of the largest share of the tolerance, or the two shapes.
  std::string report() const;
  // Its pieces, for a table: "1.49e-08"; "shape (2, 3), expected (3, 2)".
  std::string maxdiff_text() const;
  std::string shapes_text() const;
};

// How cmp() prints a bool, as Python does: "True", "False".
const char* python_bool(bool b);

Comparison compare(const std::string& name, const Matrix& got, const Matrix& want, Tolerance tolerance = {});

template <typename Got, typename Want>
Comparison compare(const std::string& name, const Eigen::MatrixBase<Got>& got, const Eigen::MatrixBase<Want>& want,
                   Tolerance tolerance = {}) {
  return compare(name, Matrix(got), Matrix(want), tolerance);
}

}  // namespace backprop
