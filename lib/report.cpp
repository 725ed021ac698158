#include "backprop/report.h"

#include <fmt/format.h>

#include <array>
#include <cmath>
#include <fstream>
#include <istream>
#include <limits>
#include <nlohmann/json.hpp>

namespace backprop {
namespace {

// Ordered, so that a line reads as report.h shows it: step and state first.
using json = nlohmann::ordered_json;

// Each state as the report spells it and in words, in the enum's order.
struct StateNames {
  State state;
  std::string_view name, words;
};
constexpr std::array<StateNames, 7> kStates{{{State::passed, "passed", "passed"},
                                             {State::failed, "failed", "failed"},
                                             {State::not_done, "not_done", "not done"},
                                             {State::threw, "threw", "threw"},
                                             {State::crashed, "crashed", "crashed"},
                                             {State::timed_out, "timed_out", "timed out"},
                                             {State::does_not_compile, "does_not_compile", "does not compile"}}};

State state_named(const std::string& name) {
  for (const auto& entry : kStates)
    if (entry.name == name) return entry.state;
  std::string known;
  for (const auto& entry : kStates) known += (known.empty() ? "" : ", ") + std::string(entry.name);
  throw ReportError(fmt::format("unknown state '{}'; a state is one of {}", name, known));
}

// JSON has no NaN or infinity: they travel as strings, as in protobuf's JSON mapping.
json number(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "Infinity" : "-Infinity";
  return value;
}

double number(const json& value) {
  if (value.is_number()) return value.get<double>();
  const auto text = value.get<std::string>();
  if (text == "NaN") return std::numeric_limits<double>::quiet_NaN();
  if (text == "Infinity" || text == "-Infinity")
    return (text[0] == '-' ? -1 : 1) * std::numeric_limits<double>::infinity();
  throw ReportError(fmt::format("'{}' is not a number", text));
}

json optional_text(const std::string& text) { return text.empty() ? json(nullptr) : json(text); }
std::string optional_text(const json& value) { return value.is_null() ? "" : value.get<std::string>(); }

json element_json(const Element& e) {
  return {{"index", {e.row, e.col}}, {"got", number(e.got)}, {"expected", number(e.want)}, {"share", number(e.share)}};
}

Element element_from(const json& j) {
  const auto& index = j.at("index");
  return {index.at(0).get<Eigen::Index>(), index.at(1).get<Eigen::Index>(), static_cast<float>(number(j.at("got"))),
          static_cast<float>(number(j.at("expected"))), number(j.at("share"))};
}

json case_json(const std::optional<CaseReport>& report) {
  if (!report) return nullptr;
  const auto& c = report->comparison;
  return {{"name", c.name},
          {"exact", c.exact},
          {"approximate", c.approximate},
          {"maxdiff", number(c.maxdiff)},
          {"shape", {c.got_rows, c.got_cols}},
          {"expected_shape", {c.want_rows, c.want_cols}},
          {"worst", element_json(c.worst)},
          {"worst_share", element_json(c.worst_share)},
          {"expected_npy", optional_text(report->expected_npy)},
          {"got_npy", optional_text(report->got_npy)}};
}

std::optional<CaseReport> case_from(const json& j) {
  if (j.is_null()) return std::nullopt;
  CaseReport report;
  auto& c = report.comparison;
  c.name = j.at("name");
  c.exact = j.at("exact");
  c.approximate = j.at("approximate");
  c.maxdiff = number(j.at("maxdiff"));
  c.got_rows = j.at("shape").at(0);
  c.got_cols = j.at("shape").at(1);
  c.want_rows = j.at("expected_shape").at(0);
  c.want_cols = j.at("expected_shape").at(1);
  c.worst = element_from(j.at("worst"));
  c.worst_share = element_from(j.at("worst_share"));
  report.expected_npy = optional_text(j.at("expected_npy"));
  report.got_npy = optional_text(j.at("got_npy"));
  return report;
}

}  // namespace

std::string_view to_string(State state) { return kStates.at(static_cast<std::size_t>(state)).name; }

std::string_view in_words(State state) { return kStates.at(static_cast<std::size_t>(state)).words; }

StepReport started_report(const Step& step) {
  StepReport report;
  report.step = step.name;
  report.file = "exercises/" + step.file();
  report.note = step.note();
  return report;
}

std::string to_json_line(const StepReport& report) {
  const json line = {{"step", report.step},
                     {"state", to_string(report.state)},
                     {"file", report.file},
                     {"note", report.note},
                     {"error", report.error},
                     {"diagnoses", report.diagnoses},
                     {"network", case_json(report.network)},
                     {"probe", case_json(report.probe)},
                     {"printed", report.printed}};
  // A learner's exception message may hold anything: invalid UTF-8 is replaced, not thrown on.
  return line.dump(-1, ' ', false, json::error_handler_t::replace);
}

StepReport parse_report_line(std::string_view line) {
  try {
    const auto j = json::parse(line);
    if (!j.is_object()) throw ReportError("a report is a JSON object");
    return {j.at("step"),
            state_named(j.at("state")),
            j.at("file"),
            j.at("note"),
            j.at("error"),
            j.at("diagnoses"),
            case_from(j.at("network")),
            case_from(j.at("probe")),
            j.value("printed", "")};
  } catch (const std::exception& e) {
    constexpr std::size_t shown = 80;
    throw ReportError(
        fmt::format("not a step report ({}): {}{}", e.what(), line.substr(0, shown), line.size() > shown ? "..." : ""));
  }
}

void append_report(const std::filesystem::path& file, const StepReport& report) {
  std::ofstream out(file, std::ios::app);
  out << to_json_line(report) << '\n' << std::flush;
  if (!out) throw ReportError(fmt::format("cannot write the step report to {}", file.string()));
}

std::map<std::string, StepReport> read_reports(std::istream& lines, const std::string& source) {
  std::map<std::string, StepReport> reports;
  std::string line;
  for (int number = 1; std::getline(lines, line); ++number) {
    try {
      auto report = parse_report_line(line);
      reports.insert_or_assign(report.step, std::move(report));
    } catch (const ReportError& e) {
      throw ReportError(fmt::format("{}:{}: {}", source, number, e.what()));
    }
  }
  return reports;
}

}  // namespace backprop
