#include "step_test.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <limits>
#include <optional>
#include <span>

#include "backprop/compare.h"
#include "backprop/diagnose.h"
#include "backprop/manifest.h"
#include "backprop/npy.h"
#include "backprop/report.h"

namespace kata {
namespace {

using backprop::State;

std::map<std::string, Gradient>& registry() {
  static std::map<std::string, Gradient> steps;
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

backprop::CaseReport case_report(const backprop::Step& step, const backprop::Case& source, const std::string& which,
                                 const Outcome& outcome) {
  return {outcome.comparison, source.file(step.output).string(), save_tensor(step, which, outcome.got)};
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

bool register_step(const std::string& step, Gradient gradient) {
  registry()[step] = std::move(gradient);
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

const Gradient& registered_step(const std::string& step) {
  const auto it = registry().find(step);
  INFO("tests/ has no KATA_STEP for " << step);
  REQUIRE(it != registry().end());
  return it->second;
}

void check_step(const std::string& name) {
  const auto& step = manifest_step(name);
  const backprop::Case network(backprop::default_case_dir());
  const auto probe = network.probe(step.name);
  const auto& gradient = registered_step(step.name);
  auto report = backprop::started_report(step);
  // Written before the step runs: should it kill the test binary, this line is its report.
  write_report(report);
  std::optional<Outcome> on_network, on_probe;
  try {
    on_network = run(step, network, gradient);
    if (probe) on_probe = run(step, *probe, gradient);
  } catch (const backprop::NotDone& e) {
    report.state = State::not_done;
    write_report(report);
    // Printed whole as well: Catch2 v3 wraps its own messages at 80 columns, which would split it.
    const std::string todo = std::string(e.what()) + ": " + backprop::edit_message(step);
    std::cout << todo << '\n';
    FAIL(todo);
  } catch (const backprop::EigenCheckFailed& e) {
    // The shapes the step was given and should return: run it again on the case that failed, on
    // Tensors that record what the step reads, to the same failure.
    const auto& failed_on = on_network ? *probe : network;
    const Tensors tensors(failed_on);
    try {
      gradient(tensors);
    } catch (const std::exception&) {
    }
    const Matrix expected = failed_on.matrix(step.output);
    threw(report, e).error += "\n  inputs: " + tensors.read_shapes() + "; expected " + step.output + " (" +
                              std::to_string(expected.rows()) + ", " + std::to_string(expected.cols()) + ")" +
                              (on_network ? ", on the probe" : "");
    write_report(report);
    FAIL(step.name << " (" << step.file() << ") broke one of Eigen's shape checks, most likely by combining tensors "
                   << "of different shapes.\n"
                   << report.error);
  } catch (const std::exception& e) {
    write_report(threw(report, e));
    FAIL(step.name << " (" << step.file() << ") threw: " << e.what());
  }
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
