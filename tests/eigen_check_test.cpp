// A failed Eigen check must tell a learner where and with what: the line of the code that combined
// the tensors (from a stack trace, when Boost.Stacktrace is built in), and the shapes the step read.
#include <string>

#include "catch.h"
#include "step_test.h"

namespace {

using Catch::Matchers::ContainsSubstring;
using kata::ColVector;
using kata::Matrix;

// A step's mistake, a (n, 27) matrix plus a (n, 1) column, on the line after kSumLine's.
const int kSumLine = __LINE__ + 1;
Matrix add_column(const Matrix& dprobs, const ColVector& dcounts_sum) { return dprobs + dcounts_sum; }

}  // namespace

TEST_CASE("Eigen check: the message names the file and line that combined the tensors", "[eigen_check]") {
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
  // Without Boost.Stacktrace the message says how to get the line instead.
  if (message.find("install Boost.Stacktrace") == std::string::npos)
    CHECK_THAT(message, ContainsSubstring("at tests/eigen_check_test.cpp:" + std::to_string(kSumLine) +
                                          " in (anonymous namespace)::add_column(...)"));
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
