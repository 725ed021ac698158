// How each step is tested. A step's test file says which tensors go into the learner's function
// (KATA_STEP) and which plausible wrong answers the comparison must reject (KATA_MUTANT):
//
//   KATA_STEP("dh", [](const Tensors& t) -> Matrix { return backprop::dh(t.matrix("W2"), t.matrix("dlogits")); })
//
// The step is run on the network tensors of the reference case, fed PyTorch's own upstream
// gradient, and on the step's probe; both must match what autograd computed. A wrong answer is
// compared with the step's mutants and with lib/diagnose's common mistakes, to say what it looks like.
//
// Each step's test writes its step report (lib/backprop/report.h) to the file $BACKPROP_REPORT
// names: the kata tool reads it from there. What it prints is for people.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "backprop/compare.h"
#include "backprop/reference.h"
#include "backprop/steps.h"
#include "catch.h"

namespace kata {

using backprop::ColVector;
using backprop::IndexMatrix;
using backprop::IndexVector;
using backprop::Matrix;
using backprop::RowVector;

// The tensors a step reads: a reference case's files, or, in the chain test, gradients that the
// learner's earlier steps computed in their place. It records the name and shape of each it hands
// out, for the message when the step combines tensors of the wrong shapes.
class Tensors {
 public:
  explicit Tensors(const backprop::Case& source) : source_(source) {}
  void set(const std::string& name, Matrix value) { overrides_[name] = std::move(value); }

  Matrix matrix(const std::string& name) const;
  RowVector row(const std::string& name) const;
  ColVector col(const std::string& name) const;
  IndexMatrix index_matrix(const std::string& name) const;
  IndexVector index_vector(const std::string& name) const;

  // The tensors read so far, by name (the order of a call's arguments is the compiler's choice):
  // "counts_sum_inv (32, 1), dprobs (32, 27)"; an IndexVector as PyTorch writes a vector, "Yb (32,)".
  std::string read_shapes() const;

 private:
  template <typename Tensor>
  Tensor record(const std::string& name, Tensor tensor, bool vector = false) const;

  const backprop::Case& source_;
  std::map<std::string, Matrix> overrides_;
  mutable std::map<std::string, std::string> read_;  // name -> shape
};

// One implementation of a step: the learner's function, or a mutant of it.
using Gradient = std::function<Matrix(const Tensors&)>;

// Registers the learner's version of a step for the chain test; returns a token for static init.
bool register_step(const std::string& step, Gradient gradient);
// The registered learner's version of a step.
const Gradient& registered_step(const std::string& step);

// Registers a plausible wrong answer to a step (KATA_MUTANT), to be recognised in a learner's answer.
bool register_mutant(const std::string& step, const std::string& mistake, Gradient wrong);
// The registered mutants of a step: (mistake, wrong answer) pairs, in registration order.
const std::vector<std::pair<std::string, Gradient>>& registered_mutants(const std::string& step);
const Gradient& registered_mutant(const std::string& step, const std::string& mistake);

// What a wrong answer to a step on a case looks like: the mutants it equals, then lib/diagnose's
// generic diagnoses. Empty when none fits.
std::vector<std::string> diagnose_step(const std::string& step, const backprop::Case& source, const Matrix& got);

// What check_step says of an answer (its values on the network and on the probe, when the case has
// one): the diagnoses of the first case it fails, those of the probe prefixed "on the probe: " and
// followed by a sentence saying that the answer relies on the lecture's inputs. Empty when it passes.
std::vector<std::string> failure_diagnoses(const std::string& step, const backprop::Case& network,
                                           const Matrix& on_network, const backprop::Case* probe,
                                           const Matrix* on_probe);

// Runs the step on the reference case and on its probe, prints cmp() lines, fails unless both match.
void check_step(const std::string& step);
// A wrong answer's comparisons on the lecture case's network and on the step's probe.
struct Margins {
  backprop::Comparison network, probe;
};
Margins rejection_margins(const std::string& step, const Gradient& wrong);
// How far a comparison is from passing: its largest share of the tolerance; infinite for a wrong
// shape or a NaN.
double margin(const backprop::Comparison& comparison);
// The margin by which every mutant must fail, on the network or the probe.
inline constexpr double kRejectionMargin = 10;
// Fails unless `wrong` is rejected by the step's comparison (on the network case or the probe),
// by at least kRejectionMargin somewhere.
void check_rejects(const std::string& step, const std::string& mistake, const Gradient& wrong);

}  // namespace kata

#define KATA_CONCAT_(a, b) a##b
#define KATA_CONCAT(a, b) KATA_CONCAT_(a, b)

// The learner's step: its test case, and its place in the chain.
#define KATA_STEP(step, ...)                                                                            \
  static const bool KATA_CONCAT(kata_registered_, __LINE__) = ::kata::register_step(step, __VA_ARGS__); \
  TEST_CASE(step, "[step]") { ::kata::check_step(step); }

// A plausible wrong answer that the step's comparison must reject, and that a learner's failing
// answer is compared with.
#define KATA_MUTANT(step, mistake, ...)                                                                           \
  static const bool KATA_CONCAT(kata_mutant_, __COUNTER__) = ::kata::register_mutant(step, mistake, __VA_ARGS__); \
  TEST_CASE(step " rejects: " mistake, "[mutant]") {                                                              \
    ::kata::check_rejects(step, mistake, ::kata::registered_mutant(step, mistake));                               \
  }
