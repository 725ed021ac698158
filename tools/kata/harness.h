// The kata tool's view of the build: it rebuilds kata_tests with cmake, runs it, and reads the
// step reports it writes (lib/backprop/report.h). The steps' inputs are wired in kata_tests
// only; this side just runs it.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "backprop/report.h"

namespace kata {

// Where things are: compiled in by tools/kata/CMakeLists.txt, overridable from the command line.
struct Paths {
  std::filesystem::path root;       // the source tree: exercises/, docs/, its git history
  std::string tree;                 // the folder of steps this build compiles: exercises or solutions
  std::filesystem::path build_dir;  // the build tree that holds kata_tests
  std::filesystem::path tests;      // the kata_tests program
  bool build = true;                // rebuild kata_tests before running it
};

// What a check found: the compiler's messages when the build failed, else a report per step.
struct Outcome {
  bool built = true;
  std::string build_log;
  std::map<std::string, backprop::StepReport> steps;  // by name, one for every step asked for
};

// Rebuilds kata_tests (unless paths.build is false) and runs the step tests of these steps.
Outcome check(const Paths& paths, const std::vector<std::string>& steps);

}  // namespace kata
