// Where the build tree keeps what kata runs and grades, as CMake itself says: kata_targets.json,
// which CMakeLists.txt writes from its targets, and compile_commands.json. kata names no target
// and no path of CMake's own, so that renaming a target or a folder breaks nothing here.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "backprop/manifest.h"

namespace kata {

// A program of the build tree: the target that builds it, and its file.
struct Program {
  std::string target;
  std::filesystem::path file;
};

// One step's files in the build tree, absolute and normal.
struct StepTargets {
  std::string target;             // the runner's
  std::filesystem::path object;   // the learner's file compiled
  std::filesystem::path runner;   // the program the judge starts (tests/runner/)
  std::vector<std::string> link;  // the command that links `runner` from `object` and the rest
  Program debugger;               // the same runner with the step's full debug information, for gdb
};

struct BuildTargets {
  Program judge;                             // every step's test
  Program trainer;                           // tools/train on the steps
  std::map<std::string, StepTargets> steps;  // by stem: 05_dcounts
  // The step whose object or runner is one of these build outputs (as the build tool names them,
  // relative to the build tree), or null.
  const backprop::Step* step_built_as(const std::string& outputs, const std::filesystem::path& build_dir) const;
};

// Reads <build_dir>/kata_targets.json; throws, naming the file, when it is missing or malformed.
BuildTargets read_build_targets(const std::filesystem::path& build_dir);

// The command from <build_dir>/compile_commands.json that compiles `source` into `object`, to be
// run in the build tree; throws, naming both, when there is none.
std::string compile_command(const std::filesystem::path& build_dir, const std::filesystem::path& source,
                            const std::filesystem::path& object);

}  // namespace kata
