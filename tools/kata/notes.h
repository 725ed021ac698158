// A step's note (docs/steps/NN_name.md) gives its hints in tiers: the idea, then the shapes and
// the local derivative, then the formula. A tier starts at a line that names it, "Tier 2" or
// "Hint 2" in any case: a Markdown heading, a <details> block's <summary>, or a paragraph that
// opens in bold (**Tier 1, the idea.** ...).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace kata {

// As a terminal shows it: plain text with Unicode math (markdown.h), whereas the note is Markdown
// and LaTeX for GitHub's renderer.
struct HintTier {
  std::string title;  // the heading's or the summary's text; empty for a bold paragraph
  std::string text;
};

// The tiers of hints in the note, in order; empty when the file has none or is missing.
std::vector<HintTier> hint_tiers(const std::filesystem::path& note);

}  // namespace kata
