// Running the programs the kata tool drives (cmake, kata_tests, git) and reading what they print.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace kata {

struct ProcessResult {
  int exit_code = -1;  // -1 when the process was killed by a signal
  int signal = 0;      // the signal that killed it, or 0
  std::string output;  // stdout and stderr, interleaved as printed
  bool ok() const { return exit_code == 0; }
};

// Runs argv[0] (looked up in PATH) with its arguments, and these variables added to kata's
// environment, and waits for it. Never throws for a failing program; a program that cannot be
// started exits 127 with the reason as its output.
ProcessResult run_process(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env = {});

}  // namespace kata
