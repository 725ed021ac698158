#include "present.h"

#include <fmt/format.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
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
std::string painted_state(const Console& console, State state) {
  const std::string text(backprop::in_words(state));
  if (state == State::passed) return console.green(text);
  if (state == State::not_done) return console.yellow(text);
  return console.red(text);
}

// The line of the step's function in its file (its first mention, as `dcounts(`), else 1: with the
// path, a place a terminal or an editor's problem matcher (.vscode/tasks.json) can open.
int function_line(const std::filesystem::path& file, const std::string& name) {
  std::ifstream in(file);
  int number = 1;
  for (std::string line; std::getline(in, line); ++number)
    if (line.find(" " + name + "(") != std::string::npos) return number;
  return 1;
}

}  // namespace

std::string Console::paint(const std::string& text, fmt::text_style text_style) const {
  return terminal.color ? fmt::format(text_style, "{}", text) : text;
}

Terminal this_terminal() {
  Terminal terminal;
  terminal.input = isatty(STDIN_FILENO) == 1;
  terminal.output = isatty(STDOUT_FILENO) == 1;
  const char* no_color = std::getenv("NO_COLOR");
  terminal.color = terminal.output && (no_color == nullptr || *no_color == '\0');
  const char* colorterm = std::getenv("COLORTERM");
  terminal.truecolor =
      colorterm && (std::string_view(colorterm) == "truecolor" || std::string_view(colorterm) == "24bit");
  winsize size{};
  if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) {
    terminal.width = size.ws_col;
    terminal.height = size.ws_row;
    return terminal;
  }
  const auto variable = [](const char* name, int otherwise) {
    const char* value = std::getenv(name);
    const int parsed = value ? std::atoi(value) : 0;
    return parsed > 0 ? parsed : otherwise;
  };
  terminal.width = variable("COLUMNS", terminal.width);
  terminal.height = variable("LINES", terminal.height);
  return terminal;
}

std::string shown(const std::filesystem::path& path) {
  std::error_code error;
  const auto absolute = std::filesystem::weakly_canonical(path, error);
  const auto relative = std::filesystem::relative(absolute, std::filesystem::current_path(error), error);
  if (!error && !relative.empty() && *relative.begin() != "..") return relative.string();
  return absolute.string();
}

void print_build_failure(const Console& console, const CheckResult& outcome) {
  console.out << console.red("The build failed") << "; the compiler says:\n\n" << outcome.build_log << '\n';
}

void print_progress(const Console& console, const CheckResult& outcome) {
  constexpr int width = 28;
  const auto& steps = backprop::steps();
  const auto done =
      static_cast<int>(std::count_if(steps.begin(), steps.end(), [&](const Step& s) { return passed(outcome, s); }));
  const auto total = static_cast<int>(steps.size());
  const int filled = total == 0 ? 0 : done * width / total;
  console.out << fmt::format("[{}{}] {}/{}", std::string(filled, '#'), std::string(width - filled, '-'), done, total)
              << '\n';
}

void print_table(const Console& console, const CheckResult& outcome) {
  console.out << console.bold(fmt::format("{:>3}  {:<24} {:<6} {:<12} {:<10} {}", "#", "step", "exact", "approximate",
                                          "maxdiff", "probe"))
              << '\n';
  for (const auto& step : backprop::steps()) {
    const auto& report = outcome.steps.at(step.name);
    std::string row = fmt::format("{:>3}  {:<24} ", step.number, step.name);
    const auto* network = report.network ? &report.network->comparison : nullptr;
    if (network && network->same_shape()) {
      row += fmt::format("{:<6} {:<12} {:<10} ", backprop::python_bool(network->exact),
                         backprop::python_bool(network->approximate), network->maxdiff_text());
      row += !report.probe ? "-" : report.probe->comparison.passed() ? "ok" : console.red("fails");
      if (report.state != State::passed) row = console.red(row);
    } else if (network) {
      row += console.red(network->shapes_text());
    } else {
      row += painted_state(console, report.state);
      // Where it does not compile, or how long it ran.
      if (report.state == State::does_not_compile || report.state == State::timed_out)
        row += "  " + console.dim(report.error.substr(0, report.error.find('\n')));
    }
    console.out << row << '\n';
    // The first warning on a file that compiled, once: the build that printed it.
    const auto messages = outcome.messages.find(step.name);
    if (messages != outcome.messages.end() && report.state != State::does_not_compile) {
      const auto at = messages->second.find(": warning: ");
      const auto begin = messages->second.rfind('\n', at) + 1, end = messages->second.find('\n', at);
      if (at != std::string::npos)
        console.out << "     " << console.yellow("warning") << "  " << messages->second.substr(begin, end - begin)
                    << '\n';
    }
  }
}

void print_stale(const Console& console, const Settings& settings, const CheckResult& outcome) {
  if (outcome.stale.size() > 3) {
    console.out << console.yellow("old verdicts: ")
                << fmt::format("{} files of {}/ changed after their tests were built; run {} without --no-build\n",
                               outcome.stale.size(), settings.tree, settings.kata_command());
    return;
  }
  for (const auto& name : outcome.stale)
    console.out << console.yellow("old verdict: ")
                << fmt::format("{}/{} changed after its test was built; run {} without --no-build\n", settings.tree,
                               backprop::find_step(name)->file(), settings.kata_command());
}

void print_from_last_run(const Console& console, const Settings& settings, const CheckResult& outcome) {
  if (outcome.from_last_run.empty()) return;
  std::string names;
  for (const auto& name : outcome.from_last_run) names += (names.empty() ? "" : ", ") + name;
  console.out << console.dim(fmt::format("From the last run, as nothing they depend on has changed: {}. {} run <step> "
                                         "checks a step again.",
                                         names, settings.kata_command()))
              << '\n';
}

std::optional<CheckResult> check_and_explain(const Console& console, const Settings& settings, const Request& request) {
  auto outcome = check_steps(settings, request);
  if (outcome.cancelled) return std::nullopt;
  if (!outcome.built) {
    print_build_failure(console, outcome);
    return std::nullopt;
  }
  print_stale(console, settings, outcome);
  return outcome;
}

std::optional<CheckResult> check_step_into(const Console& console, const Settings& settings, const Step& step,
                                           const char* variable, const std::filesystem::path& folder) {
  std::filesystem::remove_all(folder);
  auto outcome = check_and_explain(console, settings, {.steps = {step.name}, .env = {{variable, folder.string()}}});
  if (outcome) print_step(console, settings, step, *outcome);
  return outcome;
}

int unchecked_status() { return interrupted() ? backprop::kExitInterrupted : backprop::kExitFailure; }

void print_step(const Console& console, const Settings& settings, const Step& step, const CheckResult& outcome) {
  const auto& report = outcome.steps.at(step.name);
  console.out << console.bold(fmt::format("Step {} of {}: {}", step.number, backprop::steps().size(), step.name))
              << "  " << painted_state(console, report.state) << '\n';
  console.out << "  forward  " << step.forward << '\n';
  if (report.network) {
    console.out << "  network  " << report.network->comparison.report() << '\n';
    console.out << "  probe    "
                << (report.probe ? report.probe->comparison.report() : "absent from the reference case") << '\n';
  }
  if (!report.error.empty()) console.out << "  " << console.red(report.error) << '\n';
  if (!report.printed.empty()) {
    console.out << "  " << console.yellow("your step printed:") << '\n';
    std::istringstream lines(report.printed);
    for (std::string line; std::getline(lines, line);) console.out << "    " << line << '\n';
  }
  // The compiler's errors on the learner's file, or its warnings when it compiled.
  if (const auto it = outcome.messages.find(step.name); it != outcome.messages.end()) {
    console.out << "  " << console.yellow(report.state == State::does_not_compile ? "the compiler says:" : "warnings:")
                << '\n';
    std::istringstream lines(it->second);
    for (std::string line; std::getline(lines, line);) console.out << "    " << line << '\n';
  }
  for (const auto& diagnosis : report.diagnoses)
    console.out << "  " << console.yellow("looks like: ") << diagnosis << '\n';
  if (report.state != State::passed) {
    const auto file = settings.root / settings.tree / step.file();
    console.out << "  edit     " << shown(file) << ':' << function_line(file, step.name) << ": "
                << backprop::in_words(report.state) << '\n';
    console.out << "  read     " << shown(settings.root / step.note()) << '\n';
    console.out << "  hint     " << settings.kata_command() << " hint " << step.name << '\n';
  }
}

void print_next(const Console& console, const Settings& settings, const CheckResult& outcome) {
  const auto& steps = backprop::steps();
  const auto next = std::find_if(steps.begin(), steps.end(), [&](const Step& s) { return !passed(outcome, s); });
  if (!outcome.chain.empty()) {
    // The chain test's cmp() lines: exercise 1 end to end, each step fed the learner's own gradients.
    console.out << '\n' << console.bold("Exercise 1 end to end, each step fed your own gradients:") << '\n';
    std::istringstream lines(outcome.chain);
    for (std::string line; std::getline(lines, line);)
      if (line.find(" | exact: ") != std::string::npos) console.out << "  " << line << '\n';
  }
  if (next == steps.end()) {
    console.out << console.green("Every step passes.")
                << " Train the network on your steps: " << settings.kata_command() << " train\n";
    return;
  }
  console.out << '\n' << console.bold("Next: ");
  print_step(console, settings, *next, outcome);
  console.out << fmt::format("  check    {} run {}, or {} watch to check on every save\n", settings.kata_command(),
                             next->name, settings.kata_command());
}

}  // namespace kata
