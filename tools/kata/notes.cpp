#include "notes.h"

#include <fstream>
#include <regex>

#include "backprop/markdown_blocks.h"
#include "markdown.h"
#include "present.h"  // shown()

namespace kata {
namespace {

enum class Opened { heading, summary, bold };

// The note's links are relative to the note (docs/steps/); the terminal shows them as paths from
// where the learner stands: ../chain-rule.md#traps reads docs/chain-rule.md#traps at the root.
std::string links_from_here(const std::string& markdown, const std::filesystem::path& note) {
  static const std::regex link(R"(\]\(([^)#:\s]*)(#[^)\s]*)?\))");
  std::string out;
  auto rest = markdown.cbegin();
  for (std::sregex_iterator it(markdown.begin(), markdown.end(), link), end; it != end; ++it) {
    const auto& match = *it;
    const auto file = match[1].str();
    const auto target = file.empty() ? note : note.parent_path() / file;
    out.append(rest, match[0].first).append("](" + shown(target) + match[2].str() + ")");
    rest = match[0].second;
  }
  return out.append(rest, markdown.cend());
}

}  // namespace

std::vector<HintTier> hint_tiers(const std::filesystem::path& note) {
  static const std::regex tier_name(R"((hint|tier)\s*[1-9])", std::regex::icase);
  static const std::regex summary(R"(<summary>(.*)</summary>)");
  static const std::regex html_only(R"(^\s*</?details>\s*$)");
  std::ifstream in(note);
  std::vector<HintTier> tiers;
  bool in_tier = false;
  Opened opened = Opened::bold;
  int level = 0;  // of the heading that opened the tier
  std::string line;
  while (std::getline(in, line)) {
    const int this_level = backprop::markdown::heading_level(line);
    std::smatch summary_match;
    const bool is_summary = std::regex_search(line, summary_match, summary);
    const bool names_tier = std::regex_search(line, tier_name);
    if (names_tier && (this_level > 0 || is_summary || line.rfind("**", 0) == 0)) {
      in_tier = true;
      opened = this_level > 0 ? Opened::heading : is_summary ? Opened::summary : Opened::bold;
      level = this_level;
      if (opened == Opened::heading) tiers.push_back({std::string(backprop::markdown::heading_text(line)), ""});
      if (opened == Opened::summary) tiers.push_back({summary_match[1], ""});
      if (opened != Opened::bold) continue;
      tiers.push_back({"", ""});
    }
    // A tier ends at a heading of its level or above, at the end of its <details> block, or, for
    // a bold paragraph, where the next <details> block begins.
    const bool ends = (this_level > 0 && (opened != Opened::heading || this_level <= level)) ||
                      (opened == Opened::summary && line.find("</details>") != std::string::npos) ||
                      (opened == Opened::bold && line.find("<details>") != std::string::npos);
    if (in_tier && ends) in_tier = false;
    if (in_tier && !std::regex_search(line, html_only)) tiers.back().text += line + '\n';
  }
  for (auto& tier : tiers) {
    tier.title = terminal_text(tier.title);
    const auto text = terminal_text(links_from_here(tier.text, note));
    const auto first = text.find_first_not_of('\n'), last = text.find_last_not_of('\n');
    tier.text = first == std::string::npos ? "" : text.substr(first, last - first + 1);
  }
  return tiers;
}

}  // namespace kata
