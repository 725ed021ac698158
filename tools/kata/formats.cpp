#include "formats.h"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

#include "backprop/files.h"
#include "svg.h"

namespace kata {
namespace {

using backprop::State;
using backprop::StepReport;

// A table cell: no line breaks, no column separators.
std::string cell(std::string text) {
  std::replace(text.begin(), text.end(), '\n', ' ');
  std::string out;
  for (const char c : text) out += c == '|' ? std::string("\\|") : std::string(1, c);
  return out;
}

bool is_error(State state) {
  return state == State::threw || state == State::crashed || state == State::does_not_compile;
}

// The cmp() lines of a report, or its error.
std::string figures(const StepReport& report) {
  std::string text;
  if (report.network) text += "network " + report.network->comparison.report() + '\n';
  if (report.probe) text += "probe   " + report.probe->comparison.report() + '\n';
  for (const auto& diagnosis : report.diagnoses) text += "looks like: " + diagnosis + '\n';
  if (!report.error.empty()) text += report.error + '\n';
  return text;
}

}  // namespace

std::vector<StepReport> in_step_order(const std::map<std::string, StepReport>& reports) {
  std::vector<StepReport> ordered;
  for (const auto& step : backprop::steps())
    if (const auto it = reports.find(step.name); it != reports.end()) ordered.push_back(it->second);
  return ordered;
}

int passed_count(const std::vector<StepReport>& reports) {
  return static_cast<int>(
      std::count_if(reports.begin(), reports.end(), [](const StepReport& r) { return r.state == State::passed; }));
}

std::string junit_xml(const std::string& suite, const std::vector<StepReport>& reports) {
  const auto errors = std::count_if(reports.begin(), reports.end(), [](const auto& r) { return is_error(r.state); });
  const auto failures = static_cast<long>(reports.size()) - passed_count(reports) - errors;
  std::string cases;
  for (const auto& report : reports) {
    const auto* step = backprop::find_step(report.step);
    cases += fmt::format("    <testcase classname=\"exercise{}\" name=\"{}\" file=\"{}\">\n", step->exercise,
                         plot::escape(step->stem()), plot::escape(report.file));
    if (report.state != State::passed)
      cases += fmt::format("      <{0} type=\"{1}\" message=\"{2}\">{3}</{0}>\n",
                           is_error(report.state) ? "error" : "failure", backprop::to_string(report.state),
                           plot::escape(report.step + ": " + std::string(backprop::in_words(report.state))),
                           plot::escape(report.error.empty() ? backprop::edit_message(*step) : report.error));
    cases += fmt::format("      <system-out>{}</system-out>\n    </testcase>\n", plot::escape(figures(report)));
  }
  const auto counts =
      fmt::format("tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"0\"", reports.size(), failures, errors);
  return fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"backprop-ninja\" {0}>\n"
      "  <testsuite name=\"{1}\" {0}>\n{2}  </testsuite>\n</testsuites>\n",
      counts, plot::escape(suite), cases);
}

std::string markdown_summary(const std::string& title, const std::vector<StepReport>& reports) {
  std::string text = fmt::format(
      "# {}: {}/{} steps pass\n\n| # | step | state | network | probe |\n"
      "| --- | --- | --- | --- | --- |\n",
      title, passed_count(reports), reports.size());
  for (const auto& report : reports) {
    const auto* step = backprop::find_step(report.step);
    const auto network = report.network ? report.network->comparison.report() : report.error;
    const auto probe = report.probe ? report.probe->comparison.report() : "";
    text += fmt::format("| {} | {} | {} | {} | {} |\n", step->number, report.step, backprop::in_words(report.state),
                        cell(network), cell(probe));
  }
  return text;
}

void write_report_files(const std::filesystem::path& dir, const std::string& title,
                        const std::vector<StepReport>& reports) {
  std::filesystem::create_directories(dir);
  std::string lines;
  for (const auto& report : reports) lines += backprop::to_json_line(report) + '\n';
  backprop::write_text(dir / "report.jsonl", lines);
  backprop::write_text(dir / "junit.xml", junit_xml(title, reports));
  backprop::write_text(dir / "summary.md", markdown_summary(title, reports));
}

}  // namespace kata
