#include "step_test.h"

#include <iostream>
#include <optional>

#include "backprop/compare.h"
#include "backprop/manifest.h"

namespace kata {
namespace {

std::map<std::string, Gradient>& registry() {
  static std::map<std::string, Gradient> steps;
  return steps;
}

const backprop::Step& manifest_step(const std::string& name) {
  const auto* step = backprop::find_step(name);
  INFO("steps.json has no step named " << name);
  REQUIRE(step != nullptr);
  return *step;
}

// The step's gradient on one case, compared with the case's expected output.
backprop::Comparison run(const backprop::Step& step, const backprop::Case& source, const Gradient& gradient) {
  const Tensors tensors(source);
  return backprop::compare(step.output, gradient(tensors), source.matrix(step.output));
}

}  // namespace

Matrix Tensors::matrix(const std::string& name) const {
  const auto it = overrides_.find(name);
  return it != overrides_.end() ? it->second : source_.matrix(name);
}

RowVector Tensors::row(const std::string& name) const {
  const auto it = overrides_.find(name);
  if (it == overrides_.end()) return source_.row(name);
  REQUIRE(it->second.rows() == 1);
  return it->second.row(0);
}

ColVector Tensors::col(const std::string& name) const {
  const auto it = overrides_.find(name);
  if (it == overrides_.end()) return source_.col(name);
  REQUIRE(it->second.cols() == 1);
  return it->second.col(0);
}

bool register_step(const std::string& step, Gradient gradient) {
  registry()[step] = std::move(gradient);
  return true;
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
  std::optional<backprop::Comparison> on_network, on_probe;
  try {
    on_network = run(step, network, gradient);
    if (probe) on_probe = run(step, *probe, gradient);
  } catch (const backprop::NotDone&) {
    FAIL(step.name << " is not done yet: edit exercises/" << step.file << " (read " << step.note << ")");
  } catch (const backprop::EigenCheckFailed& e) {
    FAIL(step.name << " (" << step.file << ") broke one of Eigen's shape checks, most likely by combining tensors "
                   << "of different shapes.\n"
                   << e.what());
  }
  std::cout << "network " << on_network->report() << '\n';
  std::cout << "probe   " << (on_probe ? on_probe->report() : "absent from " + network.dir().string()) << '\n';
  INFO("network: " << on_network->report());
  INFO("probe:   " << (on_probe ? on_probe->report() : "absent"));
  INFO("edit exercises/" << step.file << "; the note is " << step.note);
  CHECK(on_network->passed());
  if (on_probe) CHECK(on_probe->passed());
}

void check_rejects(const std::string& name, const std::string& mistake, const Gradient& wrong) {
  // Mutants are checked against the committed lecture case, whose probes every step has.
  const auto& step = manifest_step(name);
  const backprop::Case network(backprop::lecture_case_dir());
  const auto probe = network.probe(step.name);
  const auto on_network = run(step, network, wrong);
  const auto on_probe = probe ? std::optional(run(step, *probe, wrong)) : std::nullopt;
  INFO("mutant of " << step.name << ": " << mistake);
  INFO("network: " << on_network.report());
  INFO("probe:   " << (on_probe ? on_probe->report() : "absent"));
  CHECK_FALSE((on_network.passed() && (!on_probe || on_probe->passed())));
}

}  // namespace kata
