// The step report: what a step's test found, as the one format between the programs. The test
// binary (tests/step_test.cpp) writes it, the kata tool reads it and prints its tables from it,
// and a grader or a picture reads the same lines. One JSON object per line (JSON lines):
//
//   {"step": "dcounts", "state": "failed", "file": "exercises/05_dcounts.cpp",
//    "note": "docs/steps/05_dcounts.md", "error": "", "diagnoses": ["a known mistake: ..."],
//    "network": <case>, "probe": <case or null>, "printed": "what the step printed"}
//
// where a case is the cmp() figures of one reference case, both shapes, the worst element by
// |got - want| and by its share of the tolerance (compare.h), and where both tensors can be read:
//
//   {"name": "dcounts", "exact": false, "approximate": false, "maxdiff": 2,
//    "shape": [32, 27], "expected_shape": [32, 27],
//    "worst": {"index": [3, 0], "got": -1, "expected": 1, "share": 19.8},
//    "worst_share": {"index": [3, 0], "got": -1, "expected": 1, "share": 19.8},
//    "expected_npy": "<reference case>/dcounts.npy", "got_npy": null}
//
// network and probe are null when the step did not return (not done, threw, crashed); probe is
// null too when the case has no probe. A number that is NaN or infinite is written as the string
// "NaN", "Infinity" or "-Infinity" (as protobuf's JSON mapping does), since JSON has no such numbers.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "backprop/compare.h"
#include "backprop/manifest.h"

namespace backprop {

// The file a test binary appends its step reports to, when this variable names one.
inline constexpr const char* kReportVariable = "BACKPROP_REPORT";
// The folder a test binary writes the learner's tensors to, as <stem>.network.npy and
// <stem>.probe.npy (float32, rows by columns), when this variable names one; got_npy names them.
inline constexpr const char* kTensorsVariable = "BACKPROP_REPORT_TENSORS";
// The folder a judge saves a step's inputs to, as <stem>.inputs in the runner's wire format, the
// first time it runs the step (the network case), when this variable names one: kata debug feeds
// them to the runner under gdb.
inline constexpr const char* kInputsVariable = "BACKPROP_SAVE_INPUTS";

// The folder of the runners a judge starts (kata grade's build of a submission), when set; the
// judge's own build's otherwise.
inline constexpr const char* kRunnersVariable = "BACKPROP_RUNNERS";
// The seconds a judge lets one runner take (kata's --time-limit), when set.
inline constexpr const char* kTimeLimitVariable = "BACKPROP_TIME_LIMIT";

enum class State { passed, failed, not_done, threw, crashed, timed_out, does_not_compile };

// "passed", "not_done", ...: the state as the report spells it.
std::string_view to_string(State state);
// "passed", "not done", ...: the state as people read it.
std::string_view in_words(State state);

// One reference case the step ran on: the network's tensors or the step's probe.
struct CaseReport {
  Comparison comparison;
  std::string expected_npy;  // the expected tensor, in the reference case
  std::string got_npy;       // the learner's tensor, empty unless kTensorsVariable asked for it
};

struct StepReport {
  std::string step;  // the step's name in steps.json
  State state = State::crashed;
  std::string file, note;  // what the learner edits and reads, from the source tree's root
  std::string error;       // what the step threw, or how its runner or the judge died in it
  std::vector<std::string> diagnoses;
  std::optional<CaseReport> network, probe;
  std::string printed;  // what the learner's step printed (its debugging), cut at 16 KiB
};

class ReportError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A step's report as its test starts it: crashed, until the test knows better, with the file the
// learner edits and the note.
StepReport started_report(const Step& step);

// One line of JSON, without the newline.
std::string to_json_line(const StepReport& report);
// The report on one line; throws ReportError saying what is wrong with a line that is not one.
StepReport parse_report_line(std::string_view line);

// Appends one report as a line to a file, flushed: a report written before a step runs survives
// the test binary dying in it.
void append_report(const std::filesystem::path& file, const StepReport& report);
// The reports of a file by step, the last line of a step winning: a test binary writes a step's
// report as crashed when it starts it and again when it knows the outcome. Throws ReportError
// naming the file and the line of a line that is not a report.
std::map<std::string, StepReport> read_reports(std::istream& lines, const std::string& source);

}  // namespace backprop
