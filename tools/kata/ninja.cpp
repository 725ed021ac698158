#include "ninja.h"

#include <regex>
#include <sstream>

#include "backprop/files.h"
#include "formats.h"

namespace kata {

std::vector<std::string> build_command(const std::string& ninja, const std::filesystem::path& build_dir,
                                       const std::vector<std::string>& targets) {
  std::vector<std::string> command{ninja, "-C", build_dir.string(), "-k", "0"};
  command.insert(command.end(), targets.begin(), targets.end());
  return command;
}

std::vector<Edge> edges_of(const std::string& log) {
  static const std::regex progress(R"(^\[\d+/\d+\] )");
  std::vector<Edge> edges;
  std::istringstream lines(log);
  std::string line;
  bool command_line = false;
  while (std::getline(lines, line)) {
    if (std::regex_search(line, progress)) {
      edges.push_back({});
    } else if (line.rfind("FAILED: ", 0) == 0) {
      auto outputs = line.substr(8);
      outputs.erase(outputs.find_last_not_of(' ') + 1);  // ninja ends the line with a space
      edges.push_back({outputs, ""});
      command_line = true;  // ninja prints the failed command next
    } else if (line.rfind("ninja: ", 0) == 0) {
      edges.push_back({});
    } else if (command_line) {
      command_line = false;
    } else {
      if (edges.empty()) edges.push_back({});
      edges.back().text += line + '\n';
    }
  }
  return edges;
}

ProcessResult run_commands(const std::filesystem::path& dir, const std::filesystem::path& cwd,
                           const std::map<std::string, std::string>& commands, int jobs,
                           const std::map<std::string, std::string>& env, const Limits& limits) {
  std::string text = "rule run\n  command = cd " + shell_quoted(cwd.string()) + " && $cmd\n";
  for (auto [output, command] : commands) {
    for (auto at = command.find('$'); at != std::string::npos; at = command.find('$', at + 2))
      command.replace(at, 1, "$$");
    text += "build " + output + ": run\n  cmd = " + command + "\n";
  }
  backprop::write_text(dir / "build.ninja", text);
  return run_process({KATA_NINJA, "-C", dir.string(), "-k", "0", "-j", std::to_string(jobs)}, env, limits);
}

}  // namespace kata
