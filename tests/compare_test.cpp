// cmp(): the figures the learner sees must be right, or every verdict is suspect.
#include "backprop/compare.h"

#include <limits>

#include "catch.h"

using backprop::Matrix;

TEST_CASE("compare: equal, close, far, NaN and misshapen gradients", "[compare]") {
  Matrix want(2, 2);
  want << 1, 2, 3, 4;

  const auto same = backprop::compare("same", want, want);
  CHECK((same.exact && same.approximate && same.passed() && same.maxdiff == 0));
  CHECK(same.report() == "same            | exact: True  | approximate: True  | maxdiff: 0");

  Matrix close = want;
  close(1, 0) += 1e-6f;
  const auto near = backprop::compare("near", close, want);
  CHECK((!near.exact && near.approximate && near.passed()));
  CHECK((near.worst_row == 1 && near.worst_col == 0));

  Matrix far = want;
  far(0, 1) = -2;
  const auto wrong = backprop::compare("far", far, want);
  CHECK_FALSE(wrong.passed());
  CHECK(wrong.maxdiff == 4);
  CHECK_THAT(wrong.report(), Catch::Matchers::ContainsSubstring("at [0, 1]: got -2, expected 2"));

  Matrix nan = want;
  nan(1, 1) = std::numeric_limits<float>::quiet_NaN();
  const auto with_nan = backprop::compare("nan", nan, want);
  CHECK_FALSE(with_nan.passed());
  CHECK(std::isnan(with_nan.maxdiff));

  const auto transposed = backprop::compare("transposed", Matrix(Matrix::Zero(2, 3)), Matrix(Matrix::Zero(3, 2)));
  CHECK_FALSE(transposed.passed());
  CHECK(transposed.report() == "transposed      | shape (2, 3), expected (3, 2)");
}
