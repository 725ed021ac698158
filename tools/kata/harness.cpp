#include "harness.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cstring>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>

#include "process.h"

namespace kata {
namespace {

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

// How kata_tests ended, for the step it was in when it stopped.
std::string how_it_died(const ProcessResult& tests) {
  if (tests.signal)
    return fmt::format("kata_tests died of signal {} ({}) in this step", tests.signal, strsignal(tests.signal));
  return "kata_tests stopped in this step:\n" + tests.output;
}

}  // namespace

Outcome check(const Paths& paths, const std::vector<std::string>& steps) {
  Outcome outcome;
  if (paths.build) {
    const auto build = run_process({KATA_CMAKE, "--build", paths.build_dir.string(), "--target", "kata_tests"});
    if (!build.ok()) {
      outcome.built = false;
      outcome.build_log = build_messages(build.output);
      return outcome;
    }
  }
  // One file per kata process, so that a watch and a status in the same build tree never mix.
  const auto report_file = paths.build_dir / fmt::format("kata-report-{}.jsonl", getpid());
  // A step that crashes kata_tests takes the steps after it down too: run those again without it.
  std::vector<std::string> remaining = steps;
  while (!remaining.empty()) {
    std::filesystem::remove(report_file);
    const auto tests =
        run_process({paths.tests.string(), join(remaining, ',')}, {{backprop::kReportVariable, report_file.string()}});
    std::ifstream lines(report_file);
    auto found = backprop::read_reports(lines, report_file.string());
    lines.close();
    std::filesystem::remove(report_file);
    for (auto& [name, report] : found) {
      if (report.state == backprop::State::crashed) report.error = how_it_died(tests);
      outcome.steps[name] = std::move(report);
    }
    std::vector<std::string> unseen;
    for (const auto& name : remaining)
      if (!found.count(name)) unseen.push_back(name);
    if (unseen.size() == remaining.size())
      throw std::runtime_error(fmt::format("{} ran none of the step tests (exit status {}); it printed:\n{}",
                                           paths.tests.string(), tests.exit_code, tests.output));
    remaining = std::move(unseen);
  }
  return outcome;
}

}  // namespace kata
