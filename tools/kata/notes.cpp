#include "notes.h"

#include <fstream>
#include <regex>

namespace kata {
namespace {

// The number of '#' opening a Markdown heading, or 0.
std::size_t heading_level(const std::string& line) {
  const auto hashes = line.find_first_not_of('#');
  return hashes != std::string::npos && hashes > 0 && line[hashes] == ' ' ? hashes : 0;
}

}  // namespace

std::vector<std::string> hint_tiers(const std::filesystem::path& note) {
  static const std::regex hint(R"(hint\s*[1-9])", std::regex::icase);
  static const std::regex html_only(R"(^\s*(</?details>|<summary>.*</summary>)\s*$)");
  std::ifstream in(note);
  std::vector<std::string> tiers;
  std::size_t level = 0;  // of the current hint's heading; 0 when it opened with a <summary>
  bool in_hint = false;
  std::string line;
  while (std::getline(in, line)) {
    const auto this_level = heading_level(line);
    const bool is_summary = line.find("<summary>") != std::string::npos;
    if ((this_level > 0 || is_summary) && std::regex_search(line, hint)) {
      tiers.emplace_back();
      in_hint = true;
      level = this_level;
      continue;
    }
    // A hint ends at the next heading of its level or above, or with its <details> block.
    if (in_hint && ((this_level > 0 && (level == 0 || this_level <= level)) ||
                    (level == 0 && line.find("</details>") != std::string::npos))) {
      in_hint = false;
      continue;
    }
    if (in_hint && !std::regex_search(line, html_only)) tiers.back() += line + '\n';
  }
  for (auto& tier : tiers) {
    const auto first = tier.find_first_not_of('\n'), last = tier.find_last_not_of('\n');
    tier = first == std::string::npos ? "" : tier.substr(first, last - first + 1);
  }
  return tiers;
}

}  // namespace kata
