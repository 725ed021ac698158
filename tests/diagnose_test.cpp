// The diagnoses a learner reads when a step fails: they must name the mistake when it is
// recognisable, and say nothing of a right answer or of an answer they cannot explain.
#include "backprop/diagnose.h"

#include <algorithm>
#include <functional>
#include <iomanip>
#include <iostream>
#include <limits>
#include <sstream>
#include <tuple>
#include <utility>

#include "backprop/compare.h"
#include "backprop/manifest.h"
#include "step_test.h"

namespace kata {
namespace {

using backprop::diagnose;
using Catch::Matchers::ContainsSubstring;

const backprop::Dims batch_of_32{32, {.vocab_size = 27, .block_size = 3, .n_embd = 10, .n_hidden = 64}};

// A gradient-like matrix with no two values alike and none zero.
Matrix sample(Eigen::Index rows, Eigen::Index cols) {
  Matrix m(rows, cols);
  for (Eigen::Index i = 0; i < m.size(); ++i) m.data()[i] = 0.01f * static_cast<float>((i * 37) % 101 - 50) + 0.003f;
  return m;
}

// The one diagnosis of got, failing the test unless there is exactly one.
std::string only_diagnosis(const Matrix& got, const Matrix& want) {
  const auto found = diagnose(got, want, batch_of_32);
  INFO("diagnoses: " << found.size());
  REQUIRE(found.size() == 1);
  return found.front();
}

// What the harness says of a wrong answer, as check_step does.
std::vector<std::string> harness_diagnoses(const backprop::Step& step, const Gradient& answer) {
  const backprop::Case network(backprop::lecture_case_dir());
  const auto probe = network.probe(step.name);
  REQUIRE(probe);
  const Matrix on_network = answer(Tensors(network)), on_probe = answer(Tensors(*probe));
  return failure_diagnoses(step.name, network, on_network, &*probe, &on_probe);
}

// A diagnosis without the "on the probe: " of a mistake the network case does not show.
std::string on_either_case(const std::string& diagnosis) {
  const std::string probe = "on the probe: ";
  return diagnosis.rfind(probe, 0) == 0 ? diagnosis.substr(probe.size()) : diagnosis;
}

}  // namespace

TEST_CASE("diagnose: nothing to say of a right answer, or of one unlike any mistake", "[diagnose]") {
  const Matrix want = sample(4, 6);
  CHECK(diagnose(want, want, batch_of_32).empty());
  CHECK(diagnose(Matrix(want.array() * (1 + 1e-7f)), want, batch_of_32).empty());
  CHECK(diagnose(Matrix(want.array().square() + 0.5f), want, batch_of_32).empty());
}

TEST_CASE("diagnose: a constant factor of -1, n, 1/n, n - 1, n/(n - 1), 2 or 1/2", "[diagnose]") {
  const Matrix want = sample(4, 6);
  const float n = 32;
  const auto times = [&](float k) { return Matrix(want * k); };
  CHECK_THAT(only_diagnosis(times(-1), want), ContainsSubstring("the wrong sign"));
  CHECK_THAT(only_diagnosis(times(n), want), ContainsSubstring("n times the expected values (n = 32)"));
  CHECK_THAT(only_diagnosis(times(1 / n), want), ContainsSubstring("1/n of the expected values"));
  CHECK_THAT(only_diagnosis(times(n - 1), want), ContainsSubstring("n - 1 times the expected values"));
  CHECK_THAT(only_diagnosis(times(1 / (n - 1)), want), ContainsSubstring("1/(n - 1) of the expected values"));
  CHECK_THAT(only_diagnosis(times(n / (n - 1)), want), ContainsSubstring("a division by n - 1 where n belongs"));
  CHECK_THAT(only_diagnosis(times((n - 1) / n), want), ContainsSubstring("Bessel's correction"));
  CHECK_THAT(only_diagnosis(times(2), want), ContainsSubstring("twice the expected values"));
  CHECK_THAT(only_diagnosis(times(0.5f), want), ContainsSubstring("half the expected values"));
  CHECK_THAT(only_diagnosis(times(-n), want), ContainsSubstring("the wrong sign, and n times"));
  CHECK_THAT(only_diagnosis(times(3.7f), want), ContainsSubstring("3.7 times the expected values everywhere"));
}

TEST_CASE("diagnose: transposed, unsummed, oversummed and reshaped gradients", "[diagnose]") {
  const Matrix want = sample(4, 6);
  CHECK_THAT(only_diagnosis(want.transpose(), want),
             ContainsSubstring("the right values, transposed: (6, 4) where (4, 6)"));
  CHECK_THAT(only_diagnosis(sample(6, 4) * 3, want), ContainsSubstring("the shape of the transpose"));
  const Matrix square = sample(5, 5);
  CHECK_THAT(only_diagnosis(square.transpose(), square), ContainsSubstring("the right values, transposed"));

  // A (1, 6) bias broadcast down 4 rows, and a (4, 1) column broadcast across 6 columns.
  const Matrix per_row = sample(4, 6);
  CHECK_THAT(only_diagnosis(per_row, per_row.colwise().sum()),
             ContainsSubstring("before a sum over the rows: (4, 6) where (1, 6)"));
  CHECK_THAT(only_diagnosis(per_row, per_row.rowwise().sum()), ContainsSubstring("before a sum over the columns"));
  CHECK_THAT(only_diagnosis(per_row, sample(1, 6)), ContainsSubstring("one row per example"));
  CHECK_THAT(only_diagnosis(sample(1, 6), want), ContainsSubstring("a single row"));
  CHECK_THAT(only_diagnosis(sample(4, 1), want), ContainsSubstring("a single column"));
  CHECK_THAT(only_diagnosis(Eigen::Map<const Matrix>(want.data(), 8, 3), want),
             ContainsSubstring("the right values in the wrong shape: (8, 3) where (4, 6)"));
  CHECK(diagnose(sample(5, 7), want, batch_of_32).empty());
  // A bias's gradient summed over the wrong axis: one value per example, n = 32 of them.
  CHECK_THAT(only_diagnosis(sample(1, 32), sample(1, 6)),
             ContainsSubstring("one value per example (n = 32): (1, 32) where (1, 6)"));
  CHECK(diagnose(sample(1, 7), sample(1, 6), batch_of_32).empty());
}

TEST_CASE("diagnose: the right values in the wrong places", "[diagnose]") {
  // batch_of_32 has block_size 3: demb's (n * block_size, n_embd) has one row per position of a context.
  const Matrix want = sample(32 * 3, 4);
  const auto places = [&](const std::function<Eigen::Index(Eigen::Index)>& from) {
    Matrix got(want.rows(), want.cols());
    for (Eigen::Index i = 0; i < want.rows(); ++i) got.row(i) = want.row(from(i));
    return only_diagnosis(got, want);
  };
  const std::string found = "the right values in the wrong places: ";
  CHECK(places([](Eigen::Index i) { return i - i % 3 + 2 - i % 3; }) ==
        found + "each example's block_size = 3 rows in reverse order: is the context order reversed?");
  CHECK(places([](Eigen::Index i) { return i == 5 ? 9 : i == 9 ? 5 : i; }) == found + "rows 5 and 9 swapped");
  CHECK(places([](Eigen::Index i) { return 95 - i; }) == found + "the rows in reverse order");
  CHECK(places([](Eigen::Index i) { return (i + 1) % 96; }) == found + "the rows in another order");
  const Matrix wide = sample(4, 6);
  CHECK(only_diagnosis(wide.rowwise().reverse(), wide) == found + "the columns in reverse order");
  Matrix scattered = wide;
  std::swap(scattered(0, 0), scattered(3, 5));
  std::swap(scattered(1, 2), scattered(2, 4));
  CHECK(only_diagnosis(scattered, wide) == "the right values in the wrong places");
  // Already equal, or not the same values: no permutation to name.
  CHECK(diagnose(want, want, batch_of_32).empty());
  Matrix other = wide.rowwise().reverse();
  other(0, 0) += 0.5f;
  for (const auto& diagnosis : diagnose(other, wide, batch_of_32))
    CHECK_THAT(diagnosis, !ContainsSubstring("wrong places"));
}

TEST_CASE("diagnose: zeros, NaN, a few wrong values, and rounding beyond the tolerance", "[diagnose]") {
  const Matrix want = sample(4, 6);
  CHECK_THAT(only_diagnosis(Matrix::Zero(4, 6), want),
             ContainsSubstring("every value is 0") && ContainsSubstring("1 / n in integer division"));
  // An accumulator that started with junk: far beyond any multiple of the values the tests know.
  CHECK_THAT(only_diagnosis(Matrix(want.array() + 7.7e31f), want),
             ContainsSubstring("values far beyond anything the inputs can produce"));
  CHECK_THAT(only_diagnosis(Matrix(want * 1e5f), want), ContainsSubstring("1e+05 times the expected values"));
  Matrix with_nan = want;
  with_nan(2, 3) = std::numeric_limits<float>::quiet_NaN();
  CHECK_THAT(only_diagnosis(with_nan, want), ContainsSubstring("NaN"));
  Matrix one_wrong = want;
  one_wrong(3, 1) += 1;
  CHECK_THAT(only_diagnosis(one_wrong, want),
             ContainsSubstring("1 of the 24 values are wrong, the others right; the worst at [3, 1]"));
  CHECK_THAT(only_diagnosis(Matrix(want.array() * (1 + 3e-5f)), want),
             ContainsSubstring("not within cmp()'s tolerance") && ContainsSubstring("the eps of 1e-5"));
}

TEST_CASE("diagnose: a nearly-zero gradient is neither zeros nor its own negative", "[diagnose]") {
  const Matrix tiny = sample(4, 1) * 1e-7f;
  CHECK(backprop::same_values(tiny, Matrix(tiny * (1 + 1e-6f))));
  CHECK_FALSE(backprop::same_values(Matrix::Zero(4, 1), tiny));
  CHECK_FALSE(backprop::same_values(-tiny, tiny));
}

// Each mutant in tests/ is a mistake the harness can name when a learner makes it: it must be
// recognised as itself and as no other mutant, on the case where it fails.
TEST_CASE("diagnose: every mutant of every step is recognised as itself", "[diagnose]") {
  std::size_t mutants = 0;
  for (const auto& step : backprop::steps()) {
    for (const auto& [mistake, wrong] : registered_mutants(step.name)) {
      ++mutants;
      const auto found = harness_diagnoses(step, wrong);
      INFO(step.name << ": " << mistake);
      REQUIRE_FALSE(found.empty());
      CHECK(on_either_case(found.front()) == "a known mistake: " + mistake);
      CHECK(std::count_if(found.begin(), found.end(),
                          [](const auto& d) { return on_either_case(d).rfind("a known mistake: ", 0) == 0; }) == 1);
    }
  }
  CHECK(mutants >= backprop::steps().size());
}

// The table of docs/tolerance.md: how far each mutant misses, as its largest share of the tolerance
// on the network and on the probe (check_rejects requires kRejectionMargin on one of them). Hidden
// from a bare kata_tests (ctest runs it with the support tests); print it with
// kata_tests "[margins]" -s
TEST_CASE("mutant margins: the largest share of the tolerance each mutant reaches", "[.][margins]") {
  const auto shown = [](const backprop::Comparison& c) {
    if (!c.same_shape()) return std::string("shape");
    std::ostringstream out;
    out << std::setprecision(2) << margin(c);
    return out.str();
  };
  std::cout << "| step | mistake | network | probe |\n| --- | --- | --- | --- |\n";
  for (const auto& step : backprop::steps())
    for (const auto& [mistake, wrong] : registered_mutants(step.name)) {
      const auto m = rejection_margins(step.name, wrong);
      std::cout << "| " << step.number << " " << step.name << " | " << mistake << " | " << shown(m.network) << " | "
                << shown(m.probe) << " |\n";
      CHECK(std::max(margin(m.network), margin(m.probe)) >= kRejectionMargin);
    }
}

// The generic diagnoses name the mutants that are one of their kinds of mistake, so a learner's
// variant of them, which no mutant matches exactly, is still named.
TEST_CASE("diagnose: the generic diagnoses name the mutants of their kind", "[diagnose]") {
  const std::vector<std::tuple<std::string, std::string, std::string>> cases = {
      {"dlogprobs", "forgot to divide by n", "n times the expected values"},
      {"dlogprobs", "flipped sign", "the wrong sign"},
      {"dh", "the transpose of dh", "the right values, transposed"},
      {"dW2", "mean over the batch instead of sum", "1/n of the expected values"},
      {"dbndiff2", "1/n instead of 1/(n-1)", "Bessel's correction"},
      {"dbndiff2", "forgot the 1/(n-1)", "n - 1 times the expected values"},
      {"dW1", "transposed result", "the right values, transposed"},
      {"cross_entropy_backward", "forgot to divide by n", "n times the expected values"},
      {"dlogprobs", "1 / n in integer division (0)", "1 / n in integer division"},
      {"db2", "summed over the columns instead of the rows", "one value per example (n = 32)"},
      {"dbnbias", "summed over the columns instead of the rows", "Eigen turns the (n, 1) column into a (1, n) row"},
      {"db1", "summed over the columns instead of the rows", "one value per example (n = 32)"},
      {"dC", "accumulator not set to zero", "an accumulator that was never set to zero"},
      {"demb", "blocks in the wrong order: by position in the context, then by example",
       "the right values in the wrong places: the rows in another order"},
      {"demb", "each example's rows in reverse order", "each example's block_size = 3 rows in reverse order"},
      {"dbnvar", "forgot the eps", "the eps of 1e-5"},
      {"dbndiff", "row 0 of dbndiff2 for every row", "relies on a property of the lecture's inputs"},
      {"batchnorm_backward", "derived without eps (a projection on bnraw)", "right on the network, wrong on the probe"},
  };
  for (const auto& [step, mistake, diagnosis] : cases) {
    INFO(step << ": " << mistake);
    const auto found = harness_diagnoses(*backprop::find_step(step), registered_mutant(step, mistake));
    // Captured by name: Clang before 16 cannot capture a structured binding.
    const std::string& expected = diagnosis;
    CHECK(std::any_of(found.begin(), found.end(),
                      [&expected](const auto& d) { return d.find(expected) != std::string::npos; }));
  }
}

}  // namespace kata
