// cmp(): the figures the learner sees must be right, or every verdict is suspect.
#include "backprop/compare.h"

#include <cmath>
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
  CHECK((near.worst.row == 1 && near.worst.col == 0));

  Matrix far = want;
  far(0, 1) = -2;
  const auto wrong = backprop::compare("far", far, want);
  CHECK_FALSE(wrong.passed());
  CHECK(wrong.maxdiff == 4);
  CHECK_THAT(wrong.report(), Catch::Matchers::ContainsSubstring("maxdiff: 4 | worst [0, 1]: got -2, expected 2, "));

  Matrix nan = want;
  nan(1, 1) = std::numeric_limits<float>::quiet_NaN();
  const auto with_nan = backprop::compare("nan", nan, want);
  CHECK_FALSE(with_nan.passed());
  CHECK(std::isnan(with_nan.maxdiff));

  // A large gradient off by a little has the largest difference; a small one off by much, the
  // largest share of its tolerance, and the failure.
  Matrix scales(1, 2);
  scales << 100, 0;
  Matrix off = scales;
  off(0, 0) += 5e-4f;
  off(0, 1) = 5e-6f;
  const auto shares = backprop::compare("shares", off, scales);
  CHECK_FALSE(shares.approximate);
  CHECK((shares.worst.col == 0 && shares.worst.got == off(0, 0) && shares.worst.want == 100));
  CHECK((shares.worst_share.col == 1 && shares.worst_share.got == off(0, 1) && shares.worst_share.want == 0));
  CHECK(std::abs(shares.worst_share.share - 50) < 0.1);
  CHECK(shares.worst.share < 1);
  // The line shows maxdiff, and the element that fails with its share, not maxdiff's element.
  CHECK_THAT(shares.report(),
             Catch::Matchers::ContainsSubstring("maxdiff: 0.000504 | worst [0, 1]: got 4.99999987e-06, "
                                                "expected 0, 50x the tolerance"));

  const auto transposed = backprop::compare("transposed", Matrix(Matrix::Zero(2, 3)), Matrix(Matrix::Zero(3, 2)));
  CHECK_FALSE(transposed.passed());
  CHECK(transposed.report() == "transposed      | shape (2, 3), expected (3, 2)");
}
