// The judge's side of a runner (runner.h): starts the learner's step as a program of its own,
// confined before its first instruction, feeds it its inputs and reads its answer, under a time
// limit. Nothing the runner does reaches the judge but through the three pipes it is given.
//
// The confinement, on Linux (confine.cpp): an empty environment and working directory, no file
// descriptor but the pipes, resource limits, no new privileges, and a seccomp filter that allows
// only what computing needs. Elsewhere only the first three hold (docs/instructor.md).
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "wire.h"

namespace kata {

struct RunnerResult {
  std::optional<wire::Answer> answer;  // nothing when it said nothing, or nothing well formed
  bool garbled = false;                // it said something that is not one well-formed answer
  std::string printed;                 // its stdout and stderr, cut to kPrintedLimit
  bool printed_cut = false;
  bool timed_out = false;  // killed at the time limit
  int exit_code = -1;      // -1 when a signal ended it
  int signal = 0;
  std::string start_error;  // why it could not be started, when it could not
};

// What the judge keeps of a runner's printing.
inline constexpr std::size_t kPrintedLimit = 16 * 1024;

// Runs the runner on the encoded inputs (wire::encode_inputs) for at most `seconds`.
RunnerResult run_runner(const std::filesystem::path& runner, const std::string& inputs, double seconds);

// "open a file (openat)" for a system call the confinement denied, by number.
std::string denied_call_words(int syscall_number);

// Whether runners are confined by a seccomp filter here, and whether it lets them open no file at
// all (a statically linked runner needs no loader): false in the sanitizers' build, whose runtime
// reads its libraries and /proc.
bool runners_filtered();
bool runners_open_nothing();

}  // namespace kata
