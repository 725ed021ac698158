#include "commands.h"

#include <fmt/format.h>

#include <iostream>
#include <optional>
#include <set>
#include <stdexcept>

#include "backprop/exit_status.h"
#include "formats.h"
#include "lookup.h"
#include "ninja.h"
#include "notes.h"
#include "process.h"
#include "targets.h"
#include "watch.h"

namespace kata {
namespace {

using backprop::kExitFailure;
using backprop::State;
using backprop::Step;

// The step whose file is among the changed ones, if any.
const Step* changed_step(const std::set<std::string>& changed) {
  for (const auto& step : backprop::steps())
    if (changed.count(step.file())) return &step;
  return nullptr;
}

bool all_passed(const CheckResult& outcome) {
  for (const auto& [name, report] : outcome.steps)
    if (report.state != State::passed) return false;
  return true;
}

}  // namespace

int command_status(const Console& console, const Settings& settings) {
  const auto outcome =
      check_and_explain(console, settings, {.steps = all_step_names(), .chain = true, .reuse_saved = true});
  if (!outcome) return unchecked_status();
  print_table(console, *outcome);
  print_from_last_run(console, settings, *outcome);
  console.out << '\n';
  print_progress(console, *outcome);
  print_next(console, settings, *outcome);
  return 0;
}

int command_next(const Console& console, const Settings& settings) {
  const auto outcome = check_and_explain(console, settings, {.steps = all_step_names(), .chain = true});
  if (!outcome) return unchecked_status();
  print_progress(console, *outcome);
  print_next(console, settings, *outcome);
  return all_passed(*outcome) ? 0 : kExitFailure;
}

int command_run(const Console& console, const Settings& settings, const Step& step) {
  const auto outcome = check_and_explain(console, settings, {.steps = {step.name}});
  if (!outcome) return unchecked_status();
  const auto& report = outcome->steps.at(step.name);
  print_step(console, settings, step, *outcome);
  return report.state == State::passed ? 0 : kExitFailure;
}

int command_hint(const Console& console, const Settings& settings, const Step& step, int tier) {
  const auto note = settings.root / step.note();
  const auto tiers = hint_tiers(note);
  // The notes are the one place hints are written; a note without them is the kata's defect.
  if (tiers.empty())
    throw std::runtime_error(fmt::format(
        "{} has no hints: a tier starts at a heading, a <summary> or a bold paragraph naming \"Tier 1\"", shown(note)));
  if (tier < 1 || tier > static_cast<int>(tiers.size()))
    throw UsageError(fmt::format("{} has hints 1 to {}, not {}", step.name, tiers.size(), tier));
  const auto& [title, text] = tiers[tier - 1];
  console.out << console.bold(fmt::format("Hint {} of {} for {}", tier, tiers.size(), step.name))
              << (title.empty() ? "" : " (" + title + ")") << '\n'
              << text << '\n';
  if (tier < static_cast<int>(tiers.size()))
    console.out << console.dim(fmt::format("Stuck still? {} hint {} {}", settings.kata_command(), step.name, tier + 1))
                << '\n';
  else
    console.out << console.dim("The whole note: " + shown(note)) << '\n';
  return 0;
}

int command_list(const Console& console, const Settings& settings) {
  console.out << console.bold(fmt::format("{:>3}  {:<24} {:<9} {}", "#", "step", "exercise", "forward")) << '\n';
  for (const auto& step : backprop::steps())
    console.out << fmt::format("{:>3}  {:<24} {:<9} {}", step.number, step.name, step.exercise, step.forward) << '\n';
  console.out << '\n'
              << "The steps are in " << shown(settings.root / settings.tree) << ", the notes in "
              << shown(settings.root / "docs" / "steps") << '\n';
  return 0;
}

int command_watch(const Console& console, const Settings& settings, bool poll) {
  Watcher watcher(settings.root / settings.tree, poll);
  const Step* focus = nullptr;
  std::map<std::string, std::pair<std::filesystem::file_time_type, backprop::StepReport>> earlier;
  for (;;) {
    console.out << console.dim("Checking...") << std::flush;
    // A save during the check stops it, and the next check starts at once.
    CheckResult outcome;
    std::string broken;
    try {
      outcome = check_steps(settings, {.steps = all_step_names(),
                                       .chain = true,
                                       .cancel = [&] { return watcher.saw_change(); },
                                       .earlier = &earlier});
    } catch (const std::runtime_error& e) {
      broken = e.what();  // a broken step binary should not end the watch
    }
    if (interrupted()) break;
    if (!outcome.cancelled) {
      console.out << console.new_screen();
      if (!broken.empty()) {
        console.out << console.red(broken) << '\n';
      } else if (!outcome.built) {
        print_build_failure(console, outcome);
      } else {
        print_progress(console, outcome);
        // The step just saved with its figures, as kata run shows it; then, once it passes, the next.
        const auto it = focus ? outcome.steps.find(focus->name) : outcome.steps.end();
        if (it != outcome.steps.end()) {
          console.out << '\n';
          print_step(console, settings, *focus, outcome);
        }
        if (it == outcome.steps.end() || it->second.state == State::passed) print_next(console, settings, outcome);
      }
      console.out << '\n'
                  << console.dim(fmt::format("Watching {} ({}); save a file to recheck, Ctrl-C to stop.",
                                             shown(settings.root / settings.tree),
                                             watcher.polling() ? "polling" : "inotify"))
                  << std::endl;
    }
    const auto changed = watcher.wait();
    if (!changed) break;
    if (const auto* step = changed_step(*changed)) focus = step;
  }
  console.out << "\nStopped watching.\n";
  return 0;
}

int command_report(const Console& console, const Settings& settings, const std::filesystem::path& out) {
  const auto outcome = check_and_explain(console, settings, {.steps = all_step_names()});
  if (!outcome) return unchecked_status();
  const auto reports = in_step_order(outcome->steps);
  write_report_files(out, settings.tree, reports);
  console.out << markdown_summary(settings.tree, reports) << '\n'
              << "Written: report.jsonl, junit.xml and summary.md in " << shown(out) << '\n';
  return passed_count(reports) == static_cast<int>(reports.size()) ? 0 : kExitFailure;
}

int command_train(const Console& console, const Settings& settings, const std::vector<std::string>& args) {
  console.out << console.dim(fmt::format("Building the trainer on {}/ (and, the first time, an optimised core)...",
                                         settings.tree))
              << std::endl;
  const auto trainer = read_build_targets(settings.build_dir).trainer;
  if (run_attached(build_command(settings.ninja, settings.build_dir, {trainer.target})) != 0) {
    console.out << console.red("The trainer did not build") << "; the compiler's messages are above.\n";
    return kExitFailure;
  }
  std::vector<std::string> command{trainer.file.string()};
  command.insert(command.end(), args.begin(), args.end());
  return run_attached(command);
}

}  // namespace kata
