// How the kata's programs (kata, train) end, one convention for both: 0 success; 1 a failure
// while running (a step not passing or not done, a failed gradient check, a file that cannot be
// written); 2 bad usage (a flag, a step's name, or a file named by one); 130 stopped by Ctrl-C,
// as a shell reports it.
#pragma once

#include <stdexcept>

namespace backprop {

inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitInterrupted = 130;

// Bad usage: the program prints its message and ends with kExitUsage.
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

}  // namespace backprop
