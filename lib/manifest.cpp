#include "backprop/manifest.h"

#include <fmt/format.h>

#include <charconv>
#include <nlohmann/json.hpp>

namespace backprop {

// Defined in the manifest_data.cpp that CMake generates from steps.json.
extern const char* const kManifestJson;

const std::vector<Step>& steps() {
  static const std::vector<Step> all = [] {
    const auto manifest = nlohmann::json::parse(kManifestJson);
    std::vector<Step> parsed;
    for (const auto& s : manifest.at("steps")) {
      parsed.push_back({s.at("number"), s.at("name"), s.at("exercise"), s.at("output"), s.at("forward")});
    }
    return parsed;
  }();
  return all;
}

// Two digits, as lib/manifest.cmake pads them, so that the files sort in the steps' order.
std::string Step::stem() const { return fmt::format("{:02d}_{}", number, name); }
std::string Step::file() const { return stem() + ".cpp"; }
std::string Step::note() const { return "docs/steps/" + stem() + ".md"; }

std::string edit_message(const Step& step) {
  return fmt::format("edit exercises/{} (read {})", step.file(), step.note());
}

const Step* find_step(std::string_view name_or_number) {
  int number = 0;
  const auto* end = name_or_number.data() + name_or_number.size();
  const bool numeric = !name_or_number.empty() && std::from_chars(name_or_number.data(), end, number).ptr == end;
  for (const auto& step : steps())
    if (numeric ? step.number == number : step.name == name_or_number) return &step;
  return nullptr;
}

}  // namespace backprop
