// Running the programs the kata tool drives (cmake, the step tests, git) and reading what they print.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace kata {

struct ProcessResult {
  int exit_code = -1;      // -1 when the process was killed by a signal
  int signal = 0;          // the signal that killed it, or 0
  bool timed_out = false;  // killed by kata: it ran past its time limit
  bool cancelled = false;  // killed by kata: the caller asked it to stop (a new save)
  std::string output;      // stdout and stderr, interleaved as printed
  bool ok() const { return exit_code == 0; }
};

// When kata stops a program: after `seconds` (0: never), or as soon as `cancel` returns true; it
// is asked every tenth of a second; Ctrl-C stops it too. A stopped program is killed with its whole process group
// (ninja and its compilers, a step test and anything it started).
struct Limits {
  double seconds = 0;
  std::function<bool()> cancel = {};
};

// Makes Ctrl-C (SIGINT) set a flag instead of killing kata: the program it runs, in a process group
// of its own, is then stopped (as if cancelled), and kata ends or stops watching cleanly.
void catch_interrupt();
bool interrupted();

// Runs argv[0] (looked up in PATH) with its arguments, and these variables added to kata's
// environment, and waits for it. Never throws for a failing program; a program that cannot be
// started exits 127 with the reason as its output.
ProcessResult run_process(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env = {},
                          const Limits& limits = {});

// Runs argv[0] on kata's own terminal, for the learner to watch, and returns its exit status
// (128 + the signal when one killed it).
int run_attached(const std::vector<std::string>& argv);

}  // namespace kata
