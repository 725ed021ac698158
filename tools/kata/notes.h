// A step's note (docs/steps/NN_name.md) gives its hints in tiers, each under a heading, or a
// <summary>, that says "Hint 1", "Hint 2" or "Hint 3" (any case): the idea, then the shapes and
// the local derivative, then the formula.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace kata {

// The text of each tier of hints in the note, in order; empty when the file has none or is missing.
std::vector<std::string> hint_tiers(const std::filesystem::path& note);

}  // namespace kata
