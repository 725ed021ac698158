#include "commands.h"

#include <fmt/format.h>

#include <iostream>
#include <set>

#include "backprop/exit_status.h"
#include "lookup.h"
#include "notes.h"
#include "watch.h"

namespace kata {
namespace {

using backprop::kExitFailure;
using backprop::Step;

// The step whose file is among the changed ones, if any.
const Step* changed_step(const std::set<std::string>& changed) {
  for (const auto& step : backprop::steps())
    if (changed.count(step.file())) return &step;
  return nullptr;
}

}  // namespace

int command_status(const Style& style, const Paths& paths) {
  const auto outcome = check(paths, all_step_names());
  if (!outcome.built) {
    print_build_failure(style, outcome);
    return kExitFailure;
  }
  print_table(style, outcome);
  std::cout << '\n';
  print_progress(outcome);
  print_next(style, paths, outcome);
  return 0;
}

int command_next(const Style& style, const Paths& paths) {
  const auto outcome = check(paths, all_step_names());
  if (!outcome.built) {
    print_build_failure(style, outcome);
    return kExitFailure;
  }
  print_progress(outcome);
  print_next(style, paths, outcome);
  return 0;
}

int command_run(const Style& style, const Paths& paths, const Step& step) {
  const auto outcome = check(paths, {step.name});
  if (!outcome.built) {
    print_build_failure(style, outcome);
    return kExitFailure;
  }
  const auto& report = outcome.steps.at(step.name);
  print_step(style, paths, step, report);
  return report.state == backprop::State::passed ? 0 : kExitFailure;
}

int command_hint(const Style& style, const Paths& paths, const Step& step, int tier) {
  const auto note = paths.root / step.note();
  const auto tiers = hint_tiers(note);
  if (tiers.empty()) {
    std::cout << style.bold(fmt::format("Hint for {}: ", step.name)) << step.hint << '\n';
    if (tier > 1) std::cout << style.dim(fmt::format("{} has no tiers of hints yet.", shown(note))) << '\n';
    return 0;
  }
  if (tier < 1 || tier > static_cast<int>(tiers.size()))
    throw UsageError(fmt::format("{} has hints 1 to {}, not {}", step.name, tiers.size(), tier));
  const auto& [title, text] = tiers[tier - 1];
  std::cout << style.bold(fmt::format("Hint {} of {} for {}", tier, tiers.size(), step.name))
            << (title.empty() ? "" : " (" + title + ")") << '\n'
            << text << '\n';
  if (tier < static_cast<int>(tiers.size()))
    std::cout << style.dim(fmt::format("Stuck still? kata hint {} {}", step.name, tier + 1)) << '\n';
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
  catch_interrupt();
  Watcher watcher(paths.root / paths.tree, poll);
  const Step* focus = nullptr;
  for (;;) {
    if (style.color) std::cout << "\033[2J\033[H";
    // Ctrl-C during the check kills kata_tests too, and a broken kata_tests should not end the watch.
    Outcome outcome;
    std::string broken;
    try {
      outcome = check(paths, all_step_names());
    } catch (const std::runtime_error& e) {
      broken = e.what();
    }
    if (interrupted()) break;
    if (!broken.empty()) {
      std::cout << style.red(broken) << '\n';
    } else if (!outcome.built) {
      print_build_failure(style, outcome);
    } else {
      print_progress(outcome);
      // The step just saved, while it fails; the next one to do otherwise.
      const auto it = focus ? outcome.steps.find(focus->name) : outcome.steps.end();
      if (it != outcome.steps.end() && it->second.state != backprop::State::passed) {
        std::cout << '\n';
        print_step(style, paths, *focus, it->second);
      } else {
        if (it != outcome.steps.end()) std::cout << style.green(fmt::format("{} passes.", focus->name)) << '\n';
        print_next(style, paths, outcome);
      }
    }
    std::cout << '\n'
              << style.dim(fmt::format("Watching {} ({}); save a file to recheck, Ctrl-C to stop.",
                                       shown(paths.root / paths.tree), watcher.polling() ? "polling" : "inotify"))
              << std::endl;
    const auto changed = watcher.wait();
    if (!changed) break;
    if (const auto* step = changed_step(*changed)) focus = step;
  }
  std::cout << (style.color ? "\033[0m" : "") << "\nStopped watching.\n";
  return 0;
}

}  // namespace kata
