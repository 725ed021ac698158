#include "verdicts.h"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>

#include "backprop/files.h"
#include "backprop/paths.h"
#include "formats.h"

namespace kata {
namespace {

namespace fs = std::filesystem;

// A file's modification time and size, or "none".
std::string file_stamp(const fs::path& file) {
  std::error_code time_error, size_error;
  const auto time = fs::last_write_time(file, time_error);
  const auto size = fs::file_size(file, size_error);
  if (time_error || size_error) return "none";
  return fmt::format("{}:{}", time.time_since_epoch().count(), size);
}

// A folder's newest file and its number of files: a case rewritten or replaced changes either.
std::string folder_stamp(const fs::path& folder) {
  std::error_code error;
  fs::file_time_type newest{};
  int files = 0;
  for (fs::recursive_directory_iterator it(folder, error), end; !error && it != end; it.increment(error)) {
    newest = std::max(newest, it->last_write_time(error));
    ++files;
  }
  return fmt::format("{}:{}:{}", folder.string(), newest.time_since_epoch().count(), files);
}

}  // namespace

SavedVerdicts::SavedVerdicts(fs::path build_dir) : file_(build_dir / "kata-verdicts.json") {
  std::ifstream in(file_);
  const auto json = nlohmann::json::parse(in, nullptr, false);
  if (!json.is_object()) return;
  for (const auto& [step, saved] : json.items())
    if (saved.is_array() && saved.size() == 2 && saved[0].is_string() && saved[1].is_string())
      saved_[step] = {saved[0].get<std::string>(), saved[1].get<std::string>()};
}

std::string SavedVerdicts::stamp(const Settings& settings, const backprop::Step& step) {
  return fmt::format("file {} runner {} judge {} case {} limit {:g}",
                     file_stamp(settings.root / settings.tree / step.file()),
                     file_stamp(settings.steps_dir / step.stem()), file_stamp(settings.judge()),
                     folder_stamp(backprop::default_case_dir()), settings.time_limit);
}

std::optional<backprop::StepReport> SavedVerdicts::find(const backprop::Step& step, const std::string& stamp) const {
  const auto it = saved_.find(step.name);
  if (it == saved_.end() || it->second.first != stamp) return std::nullopt;
  try {
    return backprop::parse_report_line(it->second.second);
  } catch (const backprop::ReportError&) {
    return std::nullopt;  // written by another version of kata: run the step again
  }
}

void SavedVerdicts::save(const backprop::Step& step, const std::string& stamp, const backprop::StepReport& report) {
  saved_[step.name] = {stamp, backprop::to_json_line(report)};
  nlohmann::json json = nlohmann::json::object();
  for (const auto& [name, saved] : saved_) json[name] = {saved.first, saved.second};
  backprop::write_text(file_, json.dump(1) + '\n');
}

}  // namespace kata
