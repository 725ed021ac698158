// The kata tool's view of the build: it rebuilds kata_tests with cmake and reads the lines that
// the step tests print (tests/step_test.h documents them). The steps' inputs are wired in
// kata_tests only; this side just runs it.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace kata {

// Where things are: compiled in by tools/kata/CMakeLists.txt, overridable from the command line.
struct Paths {
  std::filesystem::path root;       // the source tree: exercises/, docs/, its git history
  std::string tree;                 // the folder of steps this build compiles: exercises or solutions
  std::filesystem::path build_dir;  // the build tree that holds kata_tests
  std::filesystem::path tests;      // the kata_tests program
  bool build = true;                // rebuild kata_tests before running it
};

enum class Verdict { passed, failed, not_done, error, crashed, not_run };

struct StepResult {
  Verdict verdict = Verdict::not_run;
  std::string network, probe;  // cmp() lines
  std::vector<std::string> diagnoses;
  std::string error;  // what the step threw, or how kata_tests died
};

// Parses the step tests' output into results by step name. A step that started but has no
// verdict (kata_tests died in it) is crashed.
std::map<std::string, StepResult> parse_report(std::string_view output);

struct Check {
  bool built = true;
  std::string build_log;  // the compiler's messages when the build failed
  std::map<std::string, StepResult> steps;
};

// Rebuilds kata_tests (unless paths.build is false) and runs the step tests of these steps.
Check check(const Paths& paths, const std::vector<std::string>& steps);

// The figures of a cmp() line: exact, approximate, maxdiff; or the shape message of a misshapen one.
struct Figures {
  std::string exact, approximate, maxdiff, shape;
};
Figures figures(std::string_view cmp_line);

}  // namespace kata
