// What kata knows of ninja, the build tool of every preset (CMakePresets.json), and the one file
// of kata that knows it: the argument that goes on past a failed build edge, the shape of its log,
// and the build file kata grade writes for a submission. Another generator would need its own.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "process.h"

namespace kata {

// The command that builds these targets of a build tree, and every other that can be built when one
// fails (-k 0): a step that does not compile stops only its own runner. ninja itself, not `cmake
// --build`, which would only start it 35 ms later; ninja runs CMake again when a CMakeLists.txt
// changed.
std::vector<std::string> build_command(const std::string& ninja, const std::filesystem::path& build_dir,
                                       const std::vector<std::string>& targets);

// ninja's output cut into what each failed or chatty build edge printed.
struct Edge {
  std::string failed;  // the outputs after "FAILED: ", empty for an edge that only printed
  std::string text;    // what its command printed, without the command line
};
std::vector<Edge> edges_of(const std::string& log);

// Runs independent shell commands, each named by its output, `jobs` at a time, each in `cwd`,
// going on past failures: ninja with a build file written into `dir`.
ProcessResult run_commands(const std::filesystem::path& dir, const std::filesystem::path& cwd,
                           const std::map<std::string, std::string>& commands, int jobs,
                           const std::map<std::string, std::string>& env, const Limits& limits);

}  // namespace kata
