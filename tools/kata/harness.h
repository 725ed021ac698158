// The kata tool's view of the build: it rebuilds the steps' runners and the judge with ninja, runs
// the judge on each step under a time limit, and reads the step reports it writes
// (lib/backprop/report.h). The steps' inputs are wired in the judge only; this side just builds and
// runs it.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "backprop/report.h"

namespace kata {

// What kata works on and how: the source and build trees, the ninja that builds it, whether to
// build, and the time limit. Compiled in by tools/kata/CMakeLists.txt, overridable from the
// command line.
struct Settings {
  std::filesystem::path root;       // the source tree: exercises/, docs/, its git history
  std::string tree;                 // the folder of steps this build compiles: exercises or solutions
  std::filesystem::path build_dir;  // the build tree
  std::filesystem::path steps_dir;  // its runners, one per step, named NN_name, and the judge
  std::string ninja;                // the ninja that builds the build tree
  bool build = true;                // rebuild the step tests before running them
  double time_limit = 10;           // seconds one step's test may run
  // The command that runs kata as the learner types it from the root: build/exercises/kata.
  std::string kata_command() const;
  // The judge: every step's test, which runs the step's runner (tests/CMakeLists.txt).
  std::filesystem::path judge() const { return steps_dir / "judge"; }
  // How long kata lets the judge take on one step: it runs the step twice (the network and the
  // probe), each under the time limit, and says so itself when one runs past it.
  double judge_limit() const { return time_limit * 2 + 2; }
};

// What a check found: the compiler's messages when the build failed for a reason that is not a
// step's, else a report per step, with the compiler's messages on the learner's files.
struct CheckResult {
  bool built = true;
  bool cancelled = false;  // a newer save, or Ctrl-C, stopped it
  std::string build_log;
  std::map<std::string, backprop::StepReport> steps;  // by name, one for every step asked for
  std::map<std::string, std::string> messages;        // by step: its file's errors or warnings
  std::vector<std::string> stale;                     // steps whose file is newer than their test (--no-build)
  std::vector<std::string> from_last_run;             // steps whose verdict was saved, not run again (verdicts.h)
  std::string chain;                                  // the chain test's figures, once exercise 1 passes
};

// Which steps to check, and what may interrupt the check.
struct Request {
  std::vector<std::string> steps = {};
  bool chain = false;                 // run the chain test too when every step of exercise 1 passes
  std::function<bool()> cancel = {};  // asked while building and running: true stops the check
  // Reports of earlier checks, by step, kept with their binary's time: a binary that was not
  // rebuilt is not run again (kata watch). Updated by check.
  std::map<std::string, std::pair<std::filesystem::file_time_type, backprop::StepReport>>* earlier = nullptr;
  // Show the last run's verdict of a step whose file, runner, judge and reference case are unchanged
  // (verdicts.h), instead of running it again: for the learner's status, never for a grade or report.
  bool reuse_saved = false;
  std::map<std::string, std::string> env = {};  // variables for the judge (kata show's tensors folder)
};

// A step's report made by kata itself, for a state its test cannot report: does not compile, timed out.
backprop::StepReport report_of(const backprop::Step& step, const Settings& settings, backprop::State state,
                               std::string error);

// "exercises/05_dcounts.cpp:12: error: 'x' was not declared in this scope": the first error of a
// compiler's or linker's output, with the path cut to the source tree.
std::string first_error(const std::string& text, const Settings& settings);

// A compiler's messages with the source tree's path cut from every path, at most `limit` lines.
std::string short_messages(const std::string& text, const Settings& settings, std::size_t limit);

// The variables that tell the judge where the runners are and how long each may take.
std::map<std::string, std::string> judge_environment(const Settings& settings, const std::filesystem::path& runners);

// Runs the judge on one step, its runners in `runners`, with these variables added, and returns the
// report it wrote (or timed out, or crashed). cancelled tells whether `cancel` stopped it.
backprop::StepReport run_step(const Settings& settings, const backprop::Step& step,
                              const std::filesystem::path& runners, std::map<std::string, std::string> env,
                              const std::function<bool()>& cancel, bool& cancelled);

// Rebuilds (unless settings.build is false) and runs the step tests of the request. One check at a
// time per build tree: a second kata waits for the first.
CheckResult check_steps(const Settings& settings, const Request& request);

// Builds these targets of the build tree, waiting for any check in it as a check does; what the
// build printed when it failed, nothing when it succeeded.
std::optional<std::string> build_failure(const Settings& settings, const std::vector<std::string>& targets);

}  // namespace kata
