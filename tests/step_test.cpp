#include "step_test.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <limits>
#include <optional>
#include <regex>
#include <span>
#include <sstream>
#include <type_traits>

#include "backprop/compare.h"
#include "backprop/diagnose.h"
#include "backprop/files.h"
#include "backprop/manifest.h"
#include "backprop/npy.h"
#include "backprop/report.h"
#include "runner/judge.h"

namespace kata {
namespace {

using backprop::State;

std::map<std::string, std::vector<Input>>& registry() {
  static std::map<std::string, std::vector<Input>> steps;
  return steps;
}

using Mutants = std::vector<std::pair<std::string, Gradient>>;

std::map<std::string, Mutants>& mutant_registry() {
  static std::map<std::string, Mutants> mutants;
  return mutants;
}

const backprop::Step& manifest_step(const std::string& name) {
  const auto* step = backprop::find_step(name);
  INFO("steps.json has no step named " << name);
  REQUIRE(step != nullptr);
  return *step;
}

// The step's gradient on one case, and how it compares with the case's expected output.
struct Outcome {
  Matrix got;
  backprop::Comparison comparison;
};

Outcome run(const backprop::Step& step, const backprop::Case& source, const Gradient& gradient) {
  const Tensors tensors(source);
  Matrix got = gradient(tensors);
  auto comparison = backprop::compare(step.output, got, source.matrix(step.output));
  return {std::move(got), std::move(comparison)};
}

// The step reports go to the file $BACKPROP_REPORT names (the kata tool sets it), and nowhere
// when it is unset, as under ctest.
void write_report(const backprop::StepReport& report) {
  const char* file = std::getenv(backprop::kReportVariable);
  if (file != nullptr && *file != '\0') backprop::append_report(file, report);
}

backprop::StepReport& threw(backprop::StepReport& report, const std::exception& e) {
  report.state = State::threw;
  report.error = e.what();
  return report;
}

// The learner's tensor of one case as .npy in the folder $BACKPROP_REPORT_TENSORS names, for the
// pictures; "" when it is unset.
std::string save_tensor(const backprop::Step& step, const std::string& which, const Matrix& got) {
  const char* dir = std::getenv(backprop::kTensorsVariable);
  if (dir == nullptr || *dir == '\0') return "";
  const auto file = std::filesystem::path(dir) / (step.stem() + "." + which + ".npy");
  std::filesystem::create_directories(file.parent_path());
  const std::array<std::int64_t, 2> shape{got.rows(), got.cols()};
  backprop::npy::write(file, shape, std::span(got.data(), static_cast<std::size_t>(got.size())));
  return file.string();
}

// The inputs a runner is sent, saved for kata debug in the folder $BACKPROP_SAVE_INPUTS names: the
// first run's only, the network case's.
void save_inputs(const backprop::Step& step, const std::string& encoded) {
  const char* dir = std::getenv(backprop::kInputsVariable);
  if (dir == nullptr || *dir == '\0') return;
  const auto file = std::filesystem::path(dir) / (step.stem() + ".inputs");
  if (std::filesystem::exists(file)) return;
  std::filesystem::create_directories(file.parent_path());
  backprop::write_text(file, encoded);
}

// What the learner's step printed, as their debugging: shown with the verdict.
void show_printed(const backprop::Step& step, const std::string& printed, backprop::StepReport& report) {
  report.printed = printed;
  if (!printed.empty()) std::cout << step.file() << " printed:\n" << printed << (printed.ends_with('\n') ? "" : "\n");
}

backprop::CaseReport case_report(const backprop::Step& step, const backprop::Case& source, const std::string& which,
                                 const Outcome& outcome) {
  return {outcome.comparison, source.file(step.output).string(), save_tensor(step, which, outcome.got)};
}

// The folder of the runners: $BACKPROP_RUNNERS (kata grade's build of a submission), else this build's.
std::filesystem::path runner_of(const backprop::Step& step) {
  const char* dir = std::getenv(backprop::kRunnersVariable);
  return std::filesystem::path(dir != nullptr && *dir != '\0' ? dir : KATA_RUNNERS_DIR) / step.stem();
}

// Seconds a runner may take: $BACKPROP_TIME_LIMIT (kata's --time-limit), else the build's setting.
double time_limit() {
  const char* given = std::getenv(backprop::kTimeLimitVariable);
  char* end = nullptr;
  const double seconds = given != nullptr ? std::strtod(given, &end) : 0;
  return given != nullptr && end != given && *end == '\0' && seconds > 0 ? seconds : KATA_TIME_LIMIT;
}

template <typename Values>
wire::Tensor wire_tensor(const Values& tensor) {
  using Value = typename Values::Scalar;
  const auto* data = tensor.data();
  return {tensor.rows(), tensor.cols(), std::vector<Value>(data, data + tensor.size())};
}

// A tensor as the step's parameter takes it (row-major, as every tensor here is stored).
wire::Tensor to_wire(const Tensors& tensors, const Input& input) {
  switch (input.kind) {
    case Kind::matrix:
      return wire_tensor(tensors.matrix(input.name));
    case Kind::row:
      return wire_tensor(tensors.row(input.name));
    case Kind::col:
      return wire_tensor(tensors.col(input.name));
    case Kind::index_matrix:
      return wire_tensor(tensors.index_matrix(input.name));
    case Kind::index_vector:
      return wire_tensor(tensors.index_vector(input.name));
  }
  throw std::logic_error("a kind of input with no case");
}

// "backprop::dcounts(...)" for a demangled name with its argument types.
std::string short_name(const std::string& name) {
  const auto open = name.find('(');
  return open == std::string::npos ? name : name.substr(0, open) + "(...)";
}

// The lines of the step's file among a failed Eigen check's return addresses, innermost first:
// "\n  at exercises/05_dcounts.cpp:12 in backprop::dcounts(...)". The runner cannot read its own
// debug information (it opens nothing), so the judge asks addr2line about the runner's binary.
std::string where_in(const backprop::Step& step, const std::filesystem::path& runner,
                     const std::vector<std::uint64_t>& addresses) {
  const std::string addr2line = KATA_ADDR2LINE;
  if (addr2line.empty() || addresses.empty())
    return "\n  (for the line of your code that did this, install binutils' addr2line and configure again)";
  std::string command = addr2line + " -C -f -e '" + runner.string() + "'";
  // Return addresses point after the call; one byte back is inside it.
  for (const auto address : addresses) command += fmt::format(" {:#x}", address - 1);
  std::string output;
  if (FILE* pipe = ::popen(command.c_str(), "r")) {
    char buffer[4096];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) output.append(buffer, n);
    ::pclose(pipe);
  }
  std::istringstream lines(output);
  std::string function, place, found;
  // "file:line" from binutils, "file:line:column" from LLVM's addr2line.
  static const std::regex where(R"(^(.*):(\d+)(?::\d+)?(?: \(discriminator \d+\))?$)");
  std::smatch match;
  while (std::getline(lines, function) && std::getline(lines, place)) {
    if (!std::regex_match(place, match, where)) continue;
    const std::filesystem::path file = match[1].str();
    if (file.filename() != step.file()) continue;
    const auto shown = file.parent_path().filename() / file.filename();
    found += fmt::format("\n  {} {}:{} in {}", found.empty() ? "at" : "called from", shown.generic_string(),
                         match[2].str(), short_name(function));
  }
  return found;
}

std::string signal_words(int signal) {
  if (signal == SIGXCPU) return "it ran out of CPU time";
  // The filter's trap, when the runner's handler could not say which call: before main, after an
  // exec, or with signals blocked, where the kernel ends the runner instead (glibc 2.41's fork()
  // blocks every signal around its clone).
  if (signal == SIGSYS)
    return "it made a system call that a step may not make (such as starting a process), where it could not say "
           "which: with its signals blocked, before its step ran, or after an exec";
  return fmt::format("it died of signal {} ({})", signal, strsignal(signal));
}

// The runner's answer as the step's gradient, or thrown as the step threw, or why there is none.
Matrix answer_of(const backprop::Step& step, const std::filesystem::path& runner, const RunnerResult& result) {
  if (!result.start_error.empty()) throw RunnerFailed(State::crashed, result.start_error);
  if (result.timed_out)
    throw RunnerFailed(
        State::timed_out,
        fmt::format("stopped after {:g} s: an endless loop? (kata --time-limit sets the limit)", time_limit()));
  if (result.garbled)
    throw RunnerFailed(State::crashed, "it wrote something that is not one answer where the runner sends its answer");
  if (!result.answer) {
    if (result.signal != 0) throw RunnerFailed(State::crashed, signal_words(result.signal));
    throw RunnerFailed(State::crashed,
                       fmt::format("it ended without an answer (exit status {}): a step returns its gradient; "
                                   "it does not end the program",
                                   result.exit_code));
  }
  return std::visit(
      [&](const auto& answer) -> Matrix {
        using Answer = std::decay_t<decltype(answer)>;
        if constexpr (std::is_same_v<Answer, wire::Gradient>) {
          return Eigen::Map<const Matrix>(answer.values.data(), answer.rows, answer.cols);
        } else if constexpr (std::is_same_v<Answer, wire::NotDone>) {
          throw backprop::NotDone(step.name);
        } else if constexpr (std::is_same_v<Answer, wire::Threw>) {
          throw std::runtime_error(answer.what);
        } else if constexpr (std::is_same_v<Answer, wire::EigenFailure>) {
          throw backprop::EigenCheckFailed(answer.check + where_in(step, runner, answer.addresses));
        } else {
          throw RunnerFailed(State::crashed, "the step tried to " + denied_call_words(answer.number) +
                                                 ": a step may only compute with its inputs");
        }
      },
      *result.answer);
}

}  // namespace

template <typename Tensor>
Tensor Tensors::record(const std::string& name, Tensor tensor, bool vector) const {
  read_[name] = "(" + std::to_string(tensor.rows()) + (vector ? "," : ", " + std::to_string(tensor.cols())) + ")";
  return tensor;
}

Matrix Tensors::matrix(const std::string& name) const {
  const auto it = overrides_.find(name);
  return record(name, it != overrides_.end() ? it->second : source_.matrix(name));
}

RowVector Tensors::row(const std::string& name) const {
  const auto it = overrides_.find(name);
  if (it == overrides_.end()) return record(name, source_.row(name));
  REQUIRE(it->second.rows() == 1);
  return record(name, RowVector(it->second.row(0)));
}

ColVector Tensors::col(const std::string& name) const {
  const auto it = overrides_.find(name);
  if (it == overrides_.end()) return record(name, source_.col(name));
  REQUIRE(it->second.cols() == 1);
  return record(name, ColVector(it->second.col(0)));
}

IndexMatrix Tensors::index_matrix(const std::string& name) const { return record(name, source_.index_matrix(name)); }

IndexVector Tensors::index_vector(const std::string& name) const {
  return record(name, source_.index_vector(name), true);
}

std::string Tensors::read_shapes() const {
  std::string shapes;
  for (const auto& [name, shape] : read_) shapes += (shapes.empty() ? "" : ", ") + name + " " + shape;
  return shapes;
}

bool register_step(const std::string& step, std::vector<Input> inputs) {
  registry()[step] = std::move(inputs);
  return true;
}

bool register_mutant(const std::string& step, const std::string& mistake, Gradient wrong) {
  mutant_registry()[step].emplace_back(mistake, std::move(wrong));
  return true;
}

const Mutants& registered_mutants(const std::string& step) {
  static const Mutants none;
  const auto it = mutant_registry().find(step);
  return it != mutant_registry().end() ? it->second : none;
}

const Gradient& registered_mutant(const std::string& step, const std::string& mistake) {
  const auto& mutants = registered_mutants(step);
  const auto it = std::find_if(mutants.begin(), mutants.end(), [&](const auto& m) { return m.first == mistake; });
  INFO("tests/ has no KATA_MUTANT of " << step << " named " << mistake);
  REQUIRE(it != mutants.end());
  return it->second;
}

std::vector<std::string> diagnose_step(const std::string& step, const backprop::Case& source, const Matrix& got) {
  std::vector<std::string> found;
  const Tensors tensors(source);
  for (const auto& [mistake, wrong] : registered_mutants(step)) {
    // A mutant that throws on this case simply is not what the learner wrote.
    try {
      if (backprop::same_values(got, wrong(tensors))) found.push_back("a known mistake: " + mistake);
    } catch (const std::exception&) {
    }
  }
  for (auto& diagnosis : backprop::diagnose(got, source.matrix(manifest_step(step).output), source.dims()))
    found.push_back(std::move(diagnosis));
  return found;
}

std::vector<std::string> failure_diagnoses(const std::string& step, const backprop::Case& network,
                                           const Matrix& on_network, const backprop::Case* probe,
                                           const Matrix* on_probe) {
  const auto& output = manifest_step(step).output;
  // The first failing case is diagnosed; the probe's mistakes are often the network's, at other sizes.
  if (!backprop::compare(output, on_network, network.matrix(output)).passed())
    return diagnose_step(step, network, on_network);
  std::vector<std::string> found;
  if (probe == nullptr || on_probe == nullptr || backprop::compare(output, *on_probe, probe->matrix(output)).passed())
    return found;
  for (const auto& diagnosis : diagnose_step(step, *probe, *on_probe)) found.push_back("on the probe: " + diagnosis);
  found.push_back(
      "right on the network, wrong on the probe: the answer relies on a property of the lecture's inputs that the "
      "probe lacks, such as a size (n = 32), a gradient that is nearly zero there, rows that are all alike, or a "
      "variance far above eps");
  return found;
}

Gradient learner_step(const std::string& name, LearnerRuns& runs) {
  const auto& step = manifest_step(name);
  const auto it = registry().find(name);
  INFO("tests/ has no KATA_STEP for " << name);
  REQUIRE(it != registry().end());
  return [&step, &inputs = it->second, &runs](const Tensors& tensors) -> Matrix {
    std::vector<wire::Tensor> sent;
    runs.sent.clear();
    for (const auto& input : inputs) {
      sent.push_back(to_wire(tensors, input));
      const bool vector = input.kind == Kind::index_vector;
      runs.sent += fmt::format("{}{} ({}{})", runs.sent.empty() ? "" : ", ", input.name, sent.back().rows,
                               vector ? "," : fmt::format(", {}", sent.back().cols));
    }
    const auto runner = runner_of(step);
    if (!std::filesystem::exists(runner))
      throw RunnerFailed(State::does_not_compile,
                         runner.string() + " is not built: the build of " + step.file() + " failed, or has not run");
    const auto encoded = wire::encode_inputs(sent);
    save_inputs(step, encoded);
    const auto result = run_runner(runner, encoded, time_limit());
    runs.printed += result.printed;
    if (result.printed_cut) runs.printed += "[... cut: the judge keeps the first 16 KiB a step prints]\n";
    return answer_of(step, runner, result);
  };
}

void check_step(const std::string& name) {
  const auto& step = manifest_step(name);
  const backprop::Case network(backprop::default_case_dir());
  const auto probe = network.probe(step.name);
  LearnerRuns runs;
  const auto gradient = learner_step(step.name, runs);
  auto report = backprop::started_report(step);
  // Written before the step runs: should it kill the test binary, this line is its report.
  write_report(report);
  std::optional<Outcome> on_network, on_probe;
  try {
    on_network = run(step, network, gradient);
    if (probe) on_probe = run(step, *probe, gradient);
  } catch (const backprop::NotDone& e) {
    report.state = State::not_done;
    show_printed(step, runs.printed, report);
    write_report(report);
    // Printed whole as well: Catch2 v3 wraps its own messages at 80 columns, which would split it.
    const std::string todo = std::string(e.what()) + ": " + backprop::edit_message(step);
    std::cout << todo << '\n';
    FAIL(todo);
  } catch (const backprop::EigenCheckFailed& e) {
    // The shapes the step was given, and the one it should return.
    const auto& failed_on = on_network ? *probe : network;
    const Matrix expected = failed_on.matrix(step.output);
    threw(report, e).error += "\n  inputs: " + runs.sent + "; expected " + step.output + " (" +
                              std::to_string(expected.rows()) + ", " + std::to_string(expected.cols()) + ")" +
                              (on_network ? ", on the probe" : "");
    show_printed(step, runs.printed, report);
    write_report(report);
    FAIL(step.name << " (" << step.file() << ") broke one of Eigen's shape checks, most likely by combining tensors "
                   << "of different shapes.\n"
                   << report.error);
  } catch (const RunnerFailed& e) {
    report.state = e.state();
    report.error = e.what();
    show_printed(step, runs.printed, report);
    write_report(report);
    FAIL(step.name << " (" << step.file() << "): " << e.what());
  } catch (const std::exception& e) {
    show_printed(step, runs.printed, threw(report, e));
    write_report(report);
    FAIL(step.name << " (" << step.file() << ") threw: " << e.what());
  }
  show_printed(step, runs.printed, report);
  report.network = case_report(step, network, "network", *on_network);
  if (on_probe) report.probe = case_report(step, *probe, "probe", *on_probe);
  const auto& network_result = report.network->comparison;
  const auto probe_line = report.probe ? report.probe->comparison.report() : "absent from " + network.dir().string();
  std::cout << "network " << network_result.report() << "\nprobe   " << probe_line << '\n';
  report.diagnoses = failure_diagnoses(step.name, network, on_network->got, probe ? &*probe : nullptr,
                                       on_probe ? &on_probe->got : nullptr);
  for (const auto& diagnosis : report.diagnoses) UNSCOPED_INFO("diagnosis: " << diagnosis);
  const bool passed = network_result.passed() && (!on_probe || on_probe->comparison.passed());
  report.state = passed ? State::passed : State::failed;
  write_report(report);
  INFO("network: " << network_result.report());
  INFO("probe:   " << probe_line);
  INFO(backprop::edit_message(step));
  CHECK(passed);
}

double margin(const backprop::Comparison& comparison) {
  const double share = comparison.worst_share.share;
  return !comparison.same_shape() || std::isnan(share) ? std::numeric_limits<double>::infinity() : share;
}

Margins rejection_margins(const std::string& name, const Gradient& wrong) {
  // Mutants are checked against the committed lecture case, whose probes every step has.
  const auto& step = manifest_step(name);
  const backprop::Case network(backprop::lecture_case_dir());
  const auto probe = network.probe(step.name);
  REQUIRE(probe);
  return {run(step, network, wrong).comparison, run(step, *probe, wrong).comparison};
}

void check_rejects(const std::string& name, const std::string& mistake, const Gradient& wrong) {
  const auto m = rejection_margins(name, wrong);
  INFO("mutant of " << name << ": " << mistake);
  INFO("network: " << m.network.report());
  INFO("probe:   " << m.probe.report());
  CHECK_FALSE((m.network.passed() && m.probe.passed()));
  // Failing is not enough: a wrong answer must miss by a margin that no rounding closes.
  CHECK(std::max(margin(m.network), margin(m.probe)) >= kRejectionMargin);
}

}  // namespace kata
