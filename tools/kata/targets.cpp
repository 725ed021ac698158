#include "targets.h"

#include <fmt/format.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace kata {
namespace {

namespace fs = std::filesystem;

nlohmann::json read_json(const fs::path& file) {
  std::ifstream in(file);
  if (!in)
    throw std::runtime_error(
        fmt::format("{} is missing: configure the build tree again (cmake --preset <preset>)", file.string()));
  try {
    return nlohmann::json::parse(in);
  } catch (const nlohmann::json::exception& e) {
    throw std::runtime_error(fmt::format("{} is not valid JSON: {}", file.string(), e.what()));
  }
}

}  // namespace

const backprop::Step* BuildTargets::step_built_as(const std::string& outputs, const fs::path& build_dir) const {
  std::istringstream words(outputs);
  std::string word;
  while (words >> word) {
    const auto output = (build_dir / word).lexically_normal();
    for (const auto& step : backprop::steps()) {
      const auto it = steps.find(step.stem());
      if (it != steps.end() && (output == it->second.object || output == it->second.runner)) return &step;
    }
  }
  return nullptr;
}

BuildTargets read_build_targets(const fs::path& build_dir) {
  const auto file = build_dir / "kata_targets.json";
  const auto json = read_json(file);
  try {
    const auto program = [](const nlohmann::json& entry) {
      return Program{entry.at("target").get<std::string>(), entry.at("file").get<std::string>()};
    };
    BuildTargets targets{program(json.at("judge")), program(json.at("trainer")), {}};
    for (const auto& [stem, step] : json.at("steps").items())
      targets.steps[stem] = {step.at("target").get<std::string>(),
                             fs::path(step.at("object").get<std::string>()).lexically_normal(),
                             fs::path(step.at("runner").get<std::string>()).lexically_normal(),
                             step.at("link").get<std::vector<std::string>>(), program(step.at("debugger"))};
    return targets;
  } catch (const nlohmann::json::exception& e) {
    throw std::runtime_error(fmt::format("{} is not as CMakeLists.txt writes it: {}", file.string(), e.what()));
  }
}

std::string compile_command(const fs::path& build_dir, const fs::path& source, const fs::path& object) {
  const auto file = build_dir / "compile_commands.json";
  for (const auto& entry : read_json(file)) {
    const fs::path directory = entry.value("directory", "");
    const auto command = entry.value("command", "");
    if (fs::path(entry.value("file", "")).lexically_normal() != source.lexically_normal()) continue;
    const auto output = object.lexically_normal().lexically_proximate(directory).string();
    if (command.find(" -o " + output + " ") != std::string::npos) return command;
  }
  throw std::runtime_error(
      fmt::format("{} has no command that compiles {} into {}", file.string(), source.string(), object.string()));
}

}  // namespace kata
