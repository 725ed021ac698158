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
  std::string output;      // stdout and stderr, interleaved as printed, cut at kOutputLimit
  bool ok() const { return exit_code == 0; }
};

// When kata stops a program: after `seconds` (0: never), or as soon as `cancel` returns true; it
// is asked every tenth of a second; Ctrl-C stops it too. A stopped program is killed with its whole process group
// (ninja and its compilers, a step test and anything it started), and its output is read for one
// more second at most: a process that left the group and holds the pipe open is not waited for.
struct Limits {
  double seconds = 0;
  std::function<bool()> cancel = {};
  // Run in the child just before it execs (kata grade's confinement); a non-empty answer is why it
  // cannot, and the child exits 126 saying so.
  std::function<std::string()> in_child = {};
};

// What kata keeps of a program's output; the rest is read and dropped, so the program never blocks.
inline constexpr std::size_t kOutputLimit = 4 << 20;

// Makes Ctrl-C (SIGINT) set a flag instead of killing kata: the program it runs, in a process group
// of its own, is then stopped (as if cancelled), and kata ends or stops watching cleanly.
void catch_interrupt();
bool interrupted();

// Runs argv[0] (looked up in PATH) with its arguments, and these variables added to kata's
// environment, and waits for it. Never throws for a failing program; a program that cannot be
// started exits 127 with the reason as its output.
ProcessResult run_process(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env = {},
                          const Limits& limits = {});

// A word the shell reads back as exactly `text`, whatever it holds.
std::string shell_quoted(const std::string& text);

// Runs argv[0] on kata's own terminal, for the learner to watch, and returns its exit status
// (128 + the signal when one killed it).
int run_attached(const std::vector<std::string>& argv);

}  // namespace kata
