#include "harness.h"

#include <fmt/format.h>

#include <cstring>
#include <regex>
#include <sstream>
#include <stdexcept>

#include "process.h"

namespace kata {
namespace {

bool starts_with(std::string_view line, std::string_view prefix) { return line.substr(0, prefix.size()) == prefix; }

std::string join(const std::vector<std::string>& names, char separator) {
  std::string joined;
  for (const auto& name : names) joined += (joined.empty() ? "" : std::string(1, separator)) + name;
  return joined;
}

// The compiler's messages without ninja's progress lines.
std::string build_messages(const std::string& log) {
  static const std::regex progress(R"(^\[\d+/\d+\] )");
  std::istringstream lines(log);
  std::string line, kept;
  while (std::getline(lines, line))
    if (!std::regex_search(line, progress)) kept += line + '\n';
  return kept;
}

}  // namespace

std::map<std::string, StepResult> parse_report(std::string_view output) {
  std::map<std::string, StepResult> results;
  std::string current;
  StepResult pending;
  std::istringstream lines{std::string(output)};
  std::string line;
  const auto rest = [&line](std::size_t n) { return line.substr(n); };
  while (std::getline(lines, line)) {
    if (starts_with(line, "step ")) {
      current = rest(5);
      pending = {};
    } else if (starts_with(line, "network ")) {
      pending.network = rest(8);
    } else if (starts_with(line, "probe   ")) {
      pending.probe = rest(8);
    } else if (starts_with(line, "diagnosis ")) {
      pending.diagnoses.push_back(rest(10));
    } else if (starts_with(line, "error ")) {
      pending.error = rest(6);
    } else if (starts_with(line, "verdict ")) {
      std::istringstream words(rest(8));
      std::string name, verdict;
      words >> name >> verdict;
      pending.verdict = verdict == "passed"     ? Verdict::passed
                        : verdict == "failed"   ? Verdict::failed
                        : verdict == "not-done" ? Verdict::not_done
                                                : Verdict::error;
      results[name] = std::move(pending);
      pending = {};
      current.clear();
    }
  }
  if (!current.empty()) {
    pending.verdict = Verdict::crashed;
    results[current] = std::move(pending);
  }
  return results;
}

Check check(const Paths& paths, const std::vector<std::string>& steps) {
  Check result;
  if (paths.build) {
    const auto build = run_process({KATA_CMAKE, "--build", paths.build_dir.string(), "--target", "kata_tests"});
    if (!build.ok()) {
      result.built = false;
      result.build_log = build_messages(build.output);
      return result;
    }
  }
  // A step that crashes kata_tests takes the steps after it down too: run those again without it.
  std::vector<std::string> remaining = steps;
  while (!remaining.empty()) {
    const auto run = run_process({paths.tests.string(), join(remaining, ',')});
    auto found = parse_report(run.output);
    for (auto& [name, step] : found) {
      if (step.verdict == Verdict::crashed)
        step.error = run.signal ? "kata_tests died of signal " + std::to_string(run.signal) + " (" +
                                      strsignal(run.signal) + ") in this step"
                                : "kata_tests stopped in this step:\n" + run.output;
      result.steps[name] = std::move(step);
    }
    std::vector<std::string> unseen;
    for (const auto& name : remaining)
      if (!found.count(name)) unseen.push_back(name);
    if (unseen.size() == remaining.size())
      throw std::runtime_error(fmt::format("{} ran none of the step tests (exit status {}); it printed:\n{}",
                                           paths.tests.string(), run.exit_code, run.output));
    remaining = std::move(unseen);
  }
  return result;
}

Figures figures(std::string_view cmp_line) {
  static const std::regex figures_pattern(R"(exact: (\w+)\s*\| approximate: (\w+)\s*\| maxdiff: (\S+))");
  static const std::regex shape_pattern(R"(shape \(.*)");
  const std::string line(cmp_line);
  std::smatch match;
  if (std::regex_search(line, match, figures_pattern)) return {match[1], match[2], match[3], ""};
  if (std::regex_search(line, match, shape_pattern)) return {"", "", "", match[0]};
  return {};
}

}  // namespace kata
