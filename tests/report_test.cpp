// The step report is the one format between the test binary and the programs that read it (the
// kata tool, graders, pictures): what is written must read back the same, and a line that is not
// a report must be refused with a message that says why.
#include "backprop/report.h"

#include <cmath>
#include <limits>
#include <sstream>

#include "catch.h"

namespace {

using backprop::Matrix;
using backprop::ReportError;
using backprop::State;
using backprop::StepReport;
using Catch::Matchers::ContainsSubstring;

StepReport started(const std::string& step) { return backprop::started_report(*backprop::find_step(step)); }

StepReport failed_report() {
  Matrix want(2, 3), got(2, 3);
  want << 1, 2, 3, 4, 5, 6;
  got << 1, 2, -3, 4, 5, 6.5f;
  auto report = started("dcounts");
  report.state = State::failed;
  report.diagnoses = {"a known mistake: flipped sign", "on the probe: \"quoted\"\nand a new line"};
  report.network = {backprop::compare("dcounts", got, want), "data/reference/lecture/dcounts.npy",
                    "build/tensors/05_dcounts.network.npy"};
  report.probe = {backprop::compare("dcounts", want, want), "data/reference/lecture/probes/dcounts/dcounts.npy", ""};
  return report;
}

}  // namespace

TEST_CASE("step report: a failed step reads back as written, its cmp() lines too", "[report]") {
  const auto written = failed_report();
  const auto line = backprop::to_json_line(written);
  CHECK(line.find('\n') == std::string::npos);
  const auto read = backprop::parse_report_line(line);
  CHECK(backprop::to_json_line(read) == line);
  CHECK((read.step == "dcounts" && read.state == State::failed));
  CHECK((read.file == "exercises/05_dcounts.cpp" && read.note == "docs/steps/05_dcounts.md"));
  CHECK(read.diagnoses == written.diagnoses);
  REQUIRE((read.network && read.probe));
  const auto& network = read.network->comparison;
  CHECK(network.report() == written.network->comparison.report());
  CHECK(read.probe->comparison.report() == written.probe->comparison.report());
  CHECK((network.worst.row == 0 && network.worst.col == 2 && network.worst.got == -3 && network.worst.want == 3));
  CHECK(network.worst_share.share == written.network->comparison.worst_share.share);
  CHECK(read.network->expected_npy == "data/reference/lecture/dcounts.npy");
  CHECK(read.network->got_npy == "build/tensors/05_dcounts.network.npy");
  CHECK(read.probe->got_npy.empty());
  CHECK_THAT(line, ContainsSubstring(R"("got_npy":null)"));
}

TEST_CASE("step report: every state, absent cases, NaN and infinity read back", "[report]") {
  for (const auto state : {State::passed, State::failed, State::not_done, State::threw, State::crashed,
                           State::timed_out, State::does_not_compile}) {
    auto written = started("dC");
    written.state = state;
    written.error = "it threw";
    const auto line = backprop::to_json_line(written);
    const auto read = backprop::parse_report_line(line);
    CHECK(read.state == state);
    CHECK((!read.network && !read.probe && read.error == "it threw"));
    CHECK(backprop::to_json_line(read) == line);
  }
  CHECK(backprop::to_string(State::does_not_compile) == "does_not_compile");

  auto report = failed_report();
  auto& comparison = report.network->comparison;
  comparison.maxdiff = std::numeric_limits<double>::quiet_NaN();
  comparison.worst_share.share = std::numeric_limits<double>::infinity();
  comparison.worst.got = -std::numeric_limits<float>::infinity();
  const auto line = backprop::to_json_line(report);
  CHECK_THAT(line, ContainsSubstring(R"("maxdiff":"NaN")"));
  const auto read = backprop::parse_report_line(line).network->comparison;
  CHECK(std::isnan(read.maxdiff));
  CHECK(read.worst_share.share == std::numeric_limits<double>::infinity());
  CHECK(read.worst.got == -std::numeric_limits<float>::infinity());
}

TEST_CASE("step report: the last line of a step wins, as a step that started and ended writes two", "[report]") {
  const auto begun = started("dprobs");
  auto other = started("dlogprobs");
  other.state = State::not_done;
  auto ended = begun;
  ended.state = State::passed;
  std::istringstream lines(backprop::to_json_line(begun) + '\n' + backprop::to_json_line(other) + '\n' +
                           backprop::to_json_line(ended) + '\n');
  const auto reports = backprop::read_reports(lines, "reports.jsonl");
  REQUIRE(reports.size() == 2);
  CHECK(reports.at("dprobs").state == State::passed);
  CHECK(reports.at("dlogprobs").state == State::not_done);
}

TEST_CASE("step report: a line that is not a report is refused, saying why and where", "[report]") {
  const auto refused = [](const std::string& line) -> std::string {
    try {
      backprop::parse_report_line(line);
    } catch (const ReportError& e) {
      return e.what();
    }
    return "accepted";
  };
  CHECK_THAT(refused("network dcounts | exact: True"),
             ContainsSubstring("not a step report (") && ContainsSubstring("parse error"));
  CHECK_THAT(refused("[1, 2]"), ContainsSubstring("a report is a JSON object"));
  auto line = backprop::to_json_line(failed_report());
  CHECK_THAT(refused(line.substr(0, line.find(R"(,"state")")) + "}"), ContainsSubstring("'state'"));
  const auto state = line.find("failed");
  CHECK_THAT(refused(line.replace(state, 6, "broken")),
             ContainsSubstring("unknown state 'broken'; a state is one of passed, failed, not_done"));

  std::istringstream lines(backprop::to_json_line(failed_report()) + "\nnot json\n");
  CHECK_THROWS_WITH(backprop::read_reports(lines, "reports.jsonl"),
                    ContainsSubstring("reports.jsonl:2: not a step report"));
}
