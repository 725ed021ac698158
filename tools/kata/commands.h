// kata's commands, one function each; each returns the exit status (backprop/exit_status.h).
#pragma once

#include "backprop/manifest.h"
#include "harness.h"
#include "present.h"

namespace kata {

// Every step's figures, the progress and the next step.
int command_status(const Console& console, const Settings& settings);
// The progress and the next step, checked.
int command_next(const Console& console, const Settings& settings);
// Rebuilds and checks one step.
int command_run(const Console& console, const Settings& settings, const backprop::Step& step);
// The step's hints from its note, one tier at a time.
int command_hint(const Console& console, const Settings& settings, const backprop::Step& step, int tier);
// Every step in order.
int command_list(const Console& console, const Settings& settings);
// Rechecks on every save under the tree of steps, until Ctrl-C.
int command_watch(const Console& console, const Settings& settings, bool poll);
// Rebuilds the trainer on the tree's steps and runs it with these arguments.
int command_train(const Console& console, const Settings& settings, const std::vector<std::string>& args);
// Checks every step and writes the verdicts as report.jsonl, junit.xml and summary.md into `out`;
// exit status 0 only when every step passes.
int command_report(const Console& console, const Settings& settings, const std::filesystem::path& out);
// Grades submitted folders of steps on this build tree (grade.cpp): grades.csv and a report per
// submission in `out`, against the reference case `reference_case` when it is not empty, compiling
// `jobs` steps at a time.
int command_grade(const Console& console, const Settings& settings, const std::vector<std::string>& folders,
                  const std::filesystem::path& out, const std::string& reference_case, int jobs);
// Runs the step's runner under gdb on the case's inputs, stopped at the learner's function; with a
// script, gdb runs its commands and exits (debug.cpp).
int command_debug(const Console& console, const Settings& settings, const backprop::Step& step,
                  const std::filesystem::path& script);
// Puts a step's stub back as shipped (reset.cpp), after asking unless `yes`.
int command_reset(const Console& console, const Settings& settings, const backprop::Step& step, bool yes);

}  // namespace kata
