// A failed Eigen check in the project's own code throws, naming Eigen's condition and line, instead
// of aborting. A learner's step runs in its runner, whose failed checks the judge locates at the
// step's line: tools/kata/test/grade_test.sh checks that message.
#include <string>

#include "catch.h"
#include "step_test.h"

namespace {

using Catch::Matchers::ContainsSubstring;
using kata::ColVector;
using kata::Matrix;

// A mistake: a (n, 27) matrix plus a (n, 1) column.
Matrix add_column(const Matrix& dprobs, const ColVector& dcounts_sum) { return dprobs + dcounts_sum; }

}  // namespace

TEST_CASE("Eigen check: a failed check throws with Eigen's condition and line", "[eigen_check]") {
  const backprop::Case lecture(backprop::lecture_case_dir());
  const kata::Tensors tensors(lecture);
  std::string message;
  try {
    add_column(tensors.matrix("dprobs"), tensors.col("dcounts_sum"));
  } catch (const backprop::EigenCheckFailed& e) {
    message = e.what();
  }
  INFO(message);
  CHECK_THAT(message, ContainsSubstring("Eigen check failed: "));
  CHECK_THAT(message, ContainsSubstring(".h:"));
  CHECK(tensors.read_shapes() == "dcounts_sum (32, 1), dprobs (32, 27)");
}

TEST_CASE("Eigen check: the tensors a step read are listed once each, by name, with their shapes", "[eigen_check]") {
  const backprop::Case lecture(backprop::lecture_case_dir());
  kata::Tensors tensors(lecture);
  tensors.set("dbnvar_inv", Matrix::Ones(1, 64));
  tensors.row("dbnvar_inv");
  tensors.matrix("bndiff");
  tensors.index_vector("Yb");
  tensors.index_matrix("Xb");
  tensors.matrix("bndiff");
  CHECK(tensors.read_shapes() == "Xb (32, 3), Yb (32,), bndiff (32, 64), dbnvar_inv (1, 64)");
}
