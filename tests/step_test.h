// How each step is judged. A step's test file says which tensors go into the learner's function, in
// the order of its parameters (KATA_STEP), and which plausible wrong answers the comparison must
// reject (KATA_MUTANT):
//
//   KATA_STEP(dh, "W2", "dlogits")
//
// The judge (this harness, one program for every step) never runs the learner's code itself: it
// starts the step's runner, the learner's file in a program of its own, confined, and sends it the
// tensors (tests/runner/judge.h). The step is run on the network tensors of the reference case, fed
// PyTorch's own upstream gradient, and on the step's probe; both must match what autograd computed.
// A wrong answer is compared with the step's mutants and with lib/diagnose's common mistakes, to say
// what it looks like.
//
// The judge writes each step's report (lib/backprop/report.h) to the file $BACKPROP_REPORT names:
// the kata tool reads it from there. What it prints is for people.
#pragma once

#include <array>
#include <functional>
#include <map>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "backprop/compare.h"
#include "backprop/reference.h"
#include "backprop/report.h"
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

// A parameter of a step's function: the tensor it is fed, and its type.
enum class Kind { matrix, row, col, index_matrix, index_vector };
struct Input {
  std::string name;
  Kind kind;
};
template <typename Parameter>
constexpr Kind kind_of() {
  if constexpr (std::is_same_v<Parameter, Matrix>) return Kind::matrix;
  if constexpr (std::is_same_v<Parameter, RowVector>) return Kind::row;
  if constexpr (std::is_same_v<Parameter, ColVector>) return Kind::col;
  if constexpr (std::is_same_v<Parameter, IndexMatrix>) return Kind::index_matrix;
  if constexpr (std::is_same_v<Parameter, IndexVector>) return Kind::index_vector;
}
// The inputs of a step's function, from its type alone: the judge never links the learner's code.
template <typename Result, typename... Parameters, std::size_t N>
std::vector<Input> inputs_of(Result (*)(const Parameters&...), const std::array<const char*, N>& names) {
  static_assert(N == sizeof...(Parameters), "KATA_STEP names one tensor for each parameter of the step");
  const std::array<Kind, N> kinds{kind_of<Parameters>()...};
  std::vector<Input> inputs;
  for (std::size_t i = 0; i < N; ++i) inputs.push_back({names[i], kinds[i]});
  return inputs;
}

// Registers the tensors a step is fed; returns a token for static init.
bool register_step(const std::string& step, std::vector<Input> inputs);

// What the learner's runs of a step left besides their answers.
struct LearnerRuns {
  std::string printed;  // what the step printed, every run
  std::string sent;     // the tensors the last run was sent, in order: "counts_sum_inv (32, 1), dprobs (32, 27)"
};
// The learner's step, run in its runner. Throws as the step did (backprop::NotDone,
// backprop::EigenCheckFailed, std::runtime_error), or RunnerFailed.
Gradient learner_step(const std::string& step, LearnerRuns& runs);

// A runner that gave no answer: it timed out, crashed, made a call it may not, or was not built.
class RunnerFailed : public std::runtime_error {
 public:
  RunnerFailed(backprop::State state, const std::string& why) : std::runtime_error(why), state_(state) {}
  backprop::State state() const { return state_; }

 private:
  backprop::State state_;
};

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

// The learner's step: the tensors its function is fed, by name, in the order of its parameters;
// its test case; its place in the chain. Only the function's type is used (decltype), never the function.
#define KATA_STEP(step, ...)                                                                                 \
  static const bool KATA_CONCAT(kata_registered_, __COUNTER__) = ::kata::register_step(                      \
      #step, ::kata::inputs_of(static_cast<decltype(&::backprop::step)>(nullptr), std::array{__VA_ARGS__})); \
  TEST_CASE(#step, "[step]") { ::kata::check_step(#step); }

// A plausible wrong answer that the step's comparison must reject, and that a learner's failing
// answer is compared with.
#define KATA_MUTANT(step, mistake, ...)                                                                           \
  static const bool KATA_CONCAT(kata_mutant_, __COUNTER__) = ::kata::register_mutant(step, mistake, __VA_ARGS__); \
  TEST_CASE(step " rejects: " mistake, "[mutant]") {                                                              \
    ::kata::check_rejects(step, mistake, ::kata::registered_mutant(step, mistake));                               \
  }
