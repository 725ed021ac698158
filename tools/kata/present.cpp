#include "present.h"

#include <fmt/format.h>

#include <algorithm>
#include <iostream>
#include <sstream>

#include "backprop/exit_status.h"
#include "process.h"

namespace kata {
namespace {

using backprop::State;
using backprop::Step;
using backprop::StepReport;

bool passed(const CheckResult& outcome, const Step& step) {
  const auto it = outcome.steps.find(step.name);
  return it != outcome.steps.end() && it->second.state == State::passed;
}

// "not done", "threw": the report's state in words.
std::string painted_state(const Style& style, State state) {
  const std::string text(backprop::in_words(state));
  if (state == State::passed) return style.green(text);
  if (state == State::not_done) return style.yellow(text);
  return style.red(text);
}

}  // namespace

std::string Style::paint(const std::string& text, fmt::text_style style) const {
  return color ? fmt::format(style, "{}", text) : text;
}

std::string shown(const std::filesystem::path& path) {
  std::error_code error;
  const auto absolute = std::filesystem::weakly_canonical(path, error);
  const auto relative = std::filesystem::relative(absolute, std::filesystem::current_path(error), error);
  if (!error && !relative.empty() && *relative.begin() != "..") return relative.string();
  return absolute.string();
}

void print_build_failure(const Style& style, const CheckResult& outcome) {
  std::cout << style.red("The build failed") << "; the compiler says:\n\n" << outcome.build_log << '\n';
}

void print_progress(const CheckResult& outcome) {
  constexpr int width = 28;
  const auto& steps = backprop::steps();
  const auto done =
      static_cast<int>(std::count_if(steps.begin(), steps.end(), [&](const Step& s) { return passed(outcome, s); }));
  const auto total = static_cast<int>(steps.size());
  const int filled = total == 0 ? 0 : done * width / total;
  std::cout << fmt::format("[{}{}] {}/{}", std::string(filled, '#'), std::string(width - filled, '-'), done, total)
            << '\n';
}

void print_table(const Style& style, const CheckResult& outcome) {
  std::cout << style.bold(fmt::format("{:>3}  {:<24} {:<6} {:<12} {:<10} {}", "#", "step", "exact", "approximate",
                                      "maxdiff", "probe"))
            << '\n';
  for (const auto& step : backprop::steps()) {
    const auto& report = outcome.steps.at(step.name);
    std::string row = fmt::format("{:>3}  {:<24} ", step.number, step.name);
    const auto* network = report.network ? &report.network->comparison : nullptr;
    if (network && network->same_shape()) {
      row += fmt::format("{:<6} {:<12} {:<10} ", backprop::python_bool(network->exact),
                         backprop::python_bool(network->approximate), network->maxdiff_text());
      row += !report.probe ? "-" : report.probe->comparison.passed() ? "ok" : style.red("fails");
      if (report.state != State::passed) row = style.red(row);
    } else if (network) {
      row += style.red(network->shapes_text());
    } else {
      row += painted_state(style, report.state);
      // Where it does not compile, or how long it ran.
      if (report.state == State::does_not_compile || report.state == State::timed_out)
        row += "  " + style.dim(report.error.substr(0, report.error.find('\n')));
    }
    std::cout << row << '\n';
    // The first warning on a file that compiled, once: the build that printed it.
    const auto messages = outcome.messages.find(step.name);
    if (messages != outcome.messages.end() && report.state != State::does_not_compile) {
      const auto at = messages->second.find(": warning: ");
      const auto begin = messages->second.rfind('\n', at) + 1, end = messages->second.find('\n', at);
      if (at != std::string::npos)
        std::cout << "     " << style.yellow("warning") << "  " << messages->second.substr(begin, end - begin) << '\n';
    }
  }
}

void print_stale(const Style& style, const Settings& settings, const CheckResult& outcome) {
  if (outcome.stale.size() > 3) {
    std::cout << style.yellow("old verdicts: ")
              << fmt::format("{} files of {}/ changed after their tests were built; run {} without --no-build\n",
                             outcome.stale.size(), settings.tree, settings.kata_command());
    return;
  }
  for (const auto& name : outcome.stale)
    std::cout << style.yellow("old verdict: ")
              << fmt::format("{}/{} changed after its test was built; run {} without --no-build\n", settings.tree,
                             backprop::find_step(name)->file(), settings.kata_command());
}

void print_from_last_run(const Style& style, const Settings& settings, const CheckResult& outcome) {
  if (outcome.from_last_run.empty()) return;
  std::string names;
  for (const auto& name : outcome.from_last_run) names += (names.empty() ? "" : ", ") + name;
  std::cout << style.dim(fmt::format("From the last run, as nothing they depend on has changed: {}. {} run <step> "
                                     "checks a step again.",
                                     names, settings.kata_command()))
            << '\n';
}

std::optional<CheckResult> check_and_explain(const Style& style, const Settings& settings, const Request& request) {
  auto outcome = check_steps(settings, request);
  if (outcome.cancelled) return std::nullopt;
  if (!outcome.built) {
    print_build_failure(style, outcome);
    return std::nullopt;
  }
  print_stale(style, settings, outcome);
  return outcome;
}

int unchecked_status() { return interrupted() ? backprop::kExitInterrupted : backprop::kExitFailure; }

void print_step(const Style& style, const Settings& settings, const Step& step, const CheckResult& outcome) {
  const auto& report = outcome.steps.at(step.name);
  std::cout << style.bold(fmt::format("Step {} of {}: {}", step.number, backprop::steps().size(), step.name)) << "  "
            << painted_state(style, report.state) << '\n';
  std::cout << "  forward  " << step.forward << '\n';
  if (report.network) {
    std::cout << "  network  " << report.network->comparison.report() << '\n';
    std::cout << "  probe    " << (report.probe ? report.probe->comparison.report() : "absent from the reference case")
              << '\n';
  }
  if (!report.error.empty()) std::cout << "  " << style.red(report.error) << '\n';
  if (!report.printed.empty()) {
    std::cout << "  " << style.yellow("your step printed:") << '\n';
    std::istringstream lines(report.printed);
    for (std::string line; std::getline(lines, line);) std::cout << "    " << line << '\n';
  }
  // The compiler's errors on the learner's file, or its warnings when it compiled.
  if (const auto it = outcome.messages.find(step.name); it != outcome.messages.end()) {
    std::cout << "  " << style.yellow(report.state == State::does_not_compile ? "the compiler says:" : "warnings:")
              << '\n';
    std::istringstream lines(it->second);
    for (std::string line; std::getline(lines, line);) std::cout << "    " << line << '\n';
  }
  for (const auto& diagnosis : report.diagnoses) std::cout << "  " << style.yellow("looks like: ") << diagnosis << '\n';
  if (report.state != State::passed) {
    std::cout << "  edit     " << shown(settings.root / settings.tree / step.file()) << '\n';
    std::cout << "  read     " << shown(settings.root / step.note()) << '\n';
    std::cout << "  hint     " << settings.kata_command() << " hint " << step.name << '\n';
  }
}

void print_next(const Style& style, const Settings& settings, const CheckResult& outcome) {
  const auto& steps = backprop::steps();
  const auto next = std::find_if(steps.begin(), steps.end(), [&](const Step& s) { return !passed(outcome, s); });
  if (!outcome.chain.empty()) {
    // The chain test's cmp() lines: exercise 1 end to end, each step fed the learner's own gradients.
    std::cout << '\n' << style.bold("Exercise 1 end to end, each step fed your own gradients:") << '\n';
    std::istringstream lines(outcome.chain);
    for (std::string line; std::getline(lines, line);)
      if (line.find(" | exact: ") != std::string::npos) std::cout << "  " << line << '\n';
  }
  if (next == steps.end()) {
    std::cout << style.green("Every step passes.") << " Train the network on your steps: " << settings.kata_command()
              << " train\n";
    return;
  }
  std::cout << '\n' << style.bold("Next: ");
  print_step(style, settings, *next, outcome);
  std::cout << fmt::format("  check    {} run {}, or {} watch to check on every save\n", settings.kata_command(),
                           next->name, settings.kata_command());
}

}  // namespace kata
