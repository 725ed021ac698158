// kata debug: the learner's step under gdb, stopped at their function with the case's inputs.
// The judge saves the inputs it sends the step's runner (tests/step_test.cpp), and gdb starts the
// same runner built with the step's full debug information (the judge's has line tables only) with
// them on its input fd, as the judge would, but unconfined, so that gdb can trace it.
#include <fmt/format.h>

#include <iostream>
#include <optional>

#include "backprop/exit_status.h"
#include "commands.h"
#include "harness.h"
#include "present.h"
#include "process.h"
#include "targets.h"
#include "wire.h"

namespace kata {

namespace {

// gdb on the step's runner, its pretty-printer for the tensors loaded, stopped at the step's
// function; with a script, gdb runs it and exits (the test's way in).
std::vector<std::string> debugger_command(const Settings& settings, const backprop::Step& step,
                                          const std::filesystem::path& runner, const std::filesystem::path& inputs,
                                          const std::filesystem::path& script) {
  std::vector<std::string> command{"gdb", "-q", "-ex", "source " + (settings.root / "tools/kata/eigen_gdb.py").string(),
                                   // Each tensor spans lines: a frame's line names them only.
                                   "-ex", "set print frame-arguments none", "-ex", "break backprop::" + step.name};
  // gdb's run takes a shell's redirections: the inputs on the runner's input fd, its answer dropped.
  command.push_back("-ex");
  command.push_back(
      fmt::format("run {}< {} {}> /dev/null", wire::kInputFd, shell_quoted(inputs.string()), wire::kAnswerFd));
  if (!script.empty()) {
    command.push_back("-batch");
    command.push_back("-x");
    command.push_back(script.string());
  }
  command.push_back(runner.string());
  return command;
}

// The step's runner for gdb, built now unless --no-build (the first time, with its own precompiled
// steps.h); nothing when it cannot be, after saying why.
std::optional<std::filesystem::path> debug_runner(const Console& console, const Settings& settings,
                                                  const backprop::Step& step) {
  const auto debugger = read_build_targets(settings.build_dir).steps.at(step.stem()).debugger;
  if (settings.build) {
    console.out << console.dim(
                       fmt::format("\nBuilding {} with {}'s variables for gdb...", shown(debugger.file), step.file()))
                << std::endl;
    if (const auto failure = build_failure(settings, {debugger.target})) {
      std::cerr << *failure << "kata debug: " << debugger.target << " did not build\n";
      return std::nullopt;
    }
  }
  if (!std::filesystem::exists(debugger.file)) {
    std::cerr << "kata debug: " << debugger.file.string() << " is not built: run kata debug without --no-build\n";
    return std::nullopt;
  }
  return debugger.file;
}

}  // namespace

int command_debug(const Console& console, const Settings& settings, const backprop::Step& step,
                  const std::filesystem::path& script) {
  const auto saved = settings.build_dir / "kata-debug";
  if (!check_step_into(console, settings, step, backprop::kInputsVariable, saved)) return unchecked_status();
  const auto inputs = saved / (step.stem() + ".inputs");
  if (!std::filesystem::exists(inputs)) {
    std::cerr << "kata debug: the judge saved no inputs for " << step.name << " (" << step.file()
              << " did not build, or its runner is missing): fix what is shown above first\n";
    return backprop::kExitFailure;
  }
  const auto runner = debug_runner(console, settings, step);
  if (!runner) return backprop::kExitFailure;
  console.out << "\nStarting gdb at " << step.file() << "'s " << step.name
              << "(...). Try: info args, p <a tensor>, next, finish, quit.\n"
              << std::flush;
  const int status = run_attached(debugger_command(settings, step, *runner, inputs, script));
  if (status == 127) std::cerr << "kata debug needs gdb: apt-get install gdb, or dnf install gdb\n";
  return status;
}

}  // namespace kata
