// The learner's verdicts in the formats an autograder reads, all made from the step reports:
// the reports themselves (JSON lines, lib/backprop/report.h), JUnit XML with one testcase per step
// carrying its figures, and a Markdown summary for people.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "backprop/report.h"

namespace kata {

// The reports in the manifest's order, one per step of `reports`.
std::vector<backprop::StepReport> in_step_order(const std::map<std::string, backprop::StepReport>& reports);

// How many of the reports passed.
int passed_count(const std::vector<backprop::StepReport>& reports);

// <testsuites> with one <testsuite> named `suite` and a <testcase> per step: a failure for a wrong
// answer, a step not done or one that timed out; an error for one that threw, crashed or does not
// compile; the cmp() lines in <system-out>.
std::string junit_xml(const std::string& suite, const std::vector<backprop::StepReport>& reports);

// "# <title>: 12/28 steps pass", then a table of every step's state and figures.
std::string markdown_summary(const std::string& title, const std::vector<backprop::StepReport>& reports);

// Writes report.jsonl, junit.xml and summary.md into dir (made if missing). Throws naming the file
// it could not write.
void write_report_files(const std::filesystem::path& dir, const std::string& title,
                        const std::vector<backprop::StepReport>& reports);

}  // namespace kata
