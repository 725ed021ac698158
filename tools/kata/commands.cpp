#include "commands.h"

#include <fmt/format.h>

#include <iostream>
#include <optional>
#include <set>
#include <stdexcept>

#include "backprop/exit_status.h"
#include "formats.h"
#include "lookup.h"
#include "notes.h"
#include "process.h"
#include "watch.h"

namespace kata {
namespace {

using backprop::kExitFailure;
using backprop::State;
using backprop::Step;

// The exit status of a command stopped by Ctrl-C, as a shell reports it.
constexpr int kExitInterrupted = 130;

// The step whose file is among the changed ones, if any.
const Step* changed_step(const std::set<std::string>& changed) {
  for (const auto& step : backprop::steps())
    if (changed.count(step.file())) return &step;
  return nullptr;
}

bool all_passed(const Outcome& outcome) {
  for (const auto& [name, report] : outcome.steps)
    if (report.state != State::passed) return false;
  return true;
}

// The outcome of a one-off check, or nothing after printing why there is none.
std::optional<Outcome> checked(const Style& style, const Paths& paths, Request request) {
  auto outcome = check(paths, request);
  if (outcome.cancelled) return std::nullopt;
  if (!outcome.built) {
    print_build_failure(style, outcome);
    return std::nullopt;
  }
  print_stale(style, paths, outcome);
  return outcome;
}

}  // namespace

int command_status(const Style& style, const Paths& paths) {
  const auto outcome = checked(style, paths, {.steps = all_step_names(), .chain = true});
  if (!outcome) return interrupted() ? kExitInterrupted : kExitFailure;
  print_table(style, *outcome);
  std::cout << '\n';
  print_progress(*outcome);
  print_next(style, paths, *outcome);
  return 0;
}

int command_next(const Style& style, const Paths& paths) {
  const auto outcome = checked(style, paths, {.steps = all_step_names(), .chain = true});
  if (!outcome) return interrupted() ? kExitInterrupted : kExitFailure;
  print_progress(*outcome);
  print_next(style, paths, *outcome);
  return all_passed(*outcome) ? 0 : kExitFailure;
}

int command_run(const Style& style, const Paths& paths, const Step& step) {
  const auto outcome = checked(style, paths, {.steps = {step.name}});
  if (!outcome) return interrupted() ? kExitInterrupted : kExitFailure;
  const auto& report = outcome->steps.at(step.name);
  print_step(style, paths, step, *outcome);
  return report.state == State::passed ? 0 : kExitFailure;
}

int command_hint(const Style& style, const Paths& paths, const Step& step, int tier) {
  const auto note = paths.root / step.note();
  const auto tiers = hint_tiers(note);
  // The notes are the one place hints are written; a note without them is the kata's defect.
  if (tiers.empty())
    throw std::runtime_error(fmt::format(
        "{} has no hints: a tier starts at a heading, a <summary> or a bold paragraph naming \"Tier 1\"", shown(note)));
  if (tier < 1 || tier > static_cast<int>(tiers.size()))
    throw UsageError(fmt::format("{} has hints 1 to {}, not {}", step.name, tiers.size(), tier));
  const auto& [title, text] = tiers[tier - 1];
  std::cout << style.bold(fmt::format("Hint {} of {} for {}", tier, tiers.size(), step.name))
            << (title.empty() ? "" : " (" + title + ")") << '\n'
            << text << '\n';
  if (tier < static_cast<int>(tiers.size()))
    std::cout << style.dim(fmt::format("Stuck still? {} hint {} {}", paths.kata_command(), step.name, tier + 1))
              << '\n';
  else
    std::cout << style.dim("The whole note: " + shown(note)) << '\n';
  return 0;
}

int command_list(const Style& style, const Paths& paths) {
  std::cout << style.bold(fmt::format("{:>3}  {:<24} {:<9} {}", "#", "step", "exercise", "forward")) << '\n';
  for (const auto& step : backprop::steps())
    std::cout << fmt::format("{:>3}  {:<24} {:<9} {}", step.number, step.name, step.exercise, step.forward) << '\n';
  std::cout << '\n'
            << "The steps are in " << shown(paths.root / paths.tree) << ", the notes in "
            << shown(paths.root / "docs" / "steps") << '\n';
  return 0;
}

int command_watch(const Style& style, const Paths& paths, bool poll) {
  Watcher watcher(paths.root / paths.tree, poll);
  const Step* focus = nullptr;
  std::map<std::string, std::pair<std::filesystem::file_time_type, backprop::StepReport>> earlier;
  for (;;) {
    std::cout << style.dim("Checking...") << std::flush;
    // A save during the check stops it, and the next check starts at once.
    Outcome outcome;
    std::string broken;
    try {
      outcome = check(paths, {.steps = all_step_names(),
                              .chain = true,
                              .cancel = [&] { return watcher.saw_change(); },
                              .earlier = &earlier});
    } catch (const std::runtime_error& e) {
      broken = e.what();  // a broken step binary should not end the watch
    }
    if (interrupted()) break;
    if (!outcome.cancelled) {
      std::cout << (style.color ? "\033[2J\033[H" : "\n");
      if (!broken.empty()) {
        std::cout << style.red(broken) << '\n';
      } else if (!outcome.built) {
        print_build_failure(style, outcome);
      } else {
        print_progress(outcome);
        // The step just saved with its figures, as kata run shows it; then, once it passes, the next.
        const auto it = focus ? outcome.steps.find(focus->name) : outcome.steps.end();
        if (it != outcome.steps.end()) {
          std::cout << '\n';
          print_step(style, paths, *focus, outcome);
        }
        if (it == outcome.steps.end() || it->second.state == State::passed) print_next(style, paths, outcome);
      }
      std::cout << '\n'
                << style.dim(fmt::format("Watching {} ({}); save a file to recheck, Ctrl-C to stop.",
                                         shown(paths.root / paths.tree), watcher.polling() ? "polling" : "inotify"))
                << std::endl;
    }
    const auto changed = watcher.wait();
    if (!changed) break;
    if (const auto* step = changed_step(*changed)) focus = step;
  }
  std::cout << (style.color ? "\033[0m" : "") << "\nStopped watching.\n";
  return 0;
}

int command_report(const Style& style, const Paths& paths, const std::filesystem::path& out) {
  const auto outcome = checked(style, paths, {.steps = all_step_names()});
  if (!outcome) return interrupted() ? kExitInterrupted : kExitFailure;
  const auto reports = in_step_order(outcome->steps);
  write_report_files(out, paths.tree, reports);
  std::cout << markdown_summary(paths.tree, reports) << '\n'
            << "Written: report.jsonl, junit.xml and summary.md in " << shown(out) << '\n';
  return passed_count(reports) == static_cast<int>(reports.size()) ? 0 : kExitFailure;
}

int command_train(const Style& style, const Paths& paths, const std::vector<std::string>& args) {
  std::cout << style.dim(
                   fmt::format("Building the trainer on {}/ (and, the first time, an optimised core)...", paths.tree))
            << std::endl;
  if (run_attached({paths.cmake, "--build", paths.build_dir.string(), "--target", "train"}) != 0) {
    std::cout << style.red("The trainer did not build") << "; the compiler's messages are above.\n";
    return kExitFailure;
  }
  std::vector<std::string> command{(paths.build_dir / "tools" / "train" / "train").string()};
  command.insert(command.end(), args.begin(), args.end());
  return run_attached(command);
}

}  // namespace kata
