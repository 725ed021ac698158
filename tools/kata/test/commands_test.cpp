// kata's commands run in-process, printing to a string: what a learner reads from kata list and
// kata hint (a note's tiers in either style, its links, every note's tiers as plain text), and the
// errors of a hint that does not exist and of a note without hints.
#include "commands.h"

#include <initializer_list>
#include <regex>
#include <sstream>

#include "backprop/exit_status.h"
#include "backprop/files.h"
#include "backprop/paths.h"
#include "catch.h"
#include "formats.h"
#include "lookup.h"
#include "scratch_dir.h"

using Catch::Matchers::ContainsSubstring;

TEST_CASE("kata list prints every step in order, and where the steps and notes are", "[kata]") {
  std::ostringstream out;
  const kata::Console console{out, {}};
  const kata::Settings settings{"/checkout", "exercises", "/checkout/build", "/checkout/build/steps", "ninja"};
  CHECK(kata::command_list(console, settings) == 0);
  const auto text = out.str();
  CHECK_THAT(text, ContainsSubstring("  5  dcounts"));
  CHECK(text.find("  1  dlogprobs") < text.find(" 28  batchnorm_backward"));
  CHECK_THAT(text, ContainsSubstring("The steps are in /checkout/exercises, the notes in /checkout/docs/steps"));
  CHECK(text.find('\033') == std::string::npos);
}

namespace {

// A checkout that has only the notes kata hint reads, as a test writes them.
struct Notes {
  ScratchDir root;
  kata::Settings settings{root.path, "exercises", root.path / "build", root.path / "build" / "steps", "ninja"};
  Notes() { std::filesystem::create_directories(root.path / "docs" / "steps"); }
  void write(std::string_view step, const std::string& text) const {
    backprop::write_text(root.path / backprop::find_step(step)->note(), text);
  }
};

// What kata hint prints for one tier of a step's note.
std::string hint(const kata::Settings& settings, std::string_view step, int tier) {
  std::ostringstream out;
  CHECK(kata::command_hint(kata::Console{out, {}}, settings, *backprop::find_step(step), tier) == 0);
  return out.str();
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// One tier as kata hint prints it: its heading line first, then each of `shown` and none of `hidden`.
void check_tier(const std::string& text, const std::string& heading, std::initializer_list<const char*> shown,
                std::initializer_list<const char*> hidden) {
  INFO(text);
  CHECK(text.starts_with(heading + "\n"));
  for (const auto* part : shown) CHECK(has(text, part));
  for (const auto* part : hidden) CHECK_FALSE(has(text, part));
}

}  // namespace

TEST_CASE("kata hint prints one tier at a time of a note marked by a bold paragraph and <summary>s", "[kata]") {
  const Notes notes;
  notes.write("dcounts", R"(# dcounts
INTRO
## Hints

Open one tier at a time.

**Tier 1, the idea.** IDEA counts reaches the loss by two paths.
MORE IDEA

<details>
<summary>Tier 2: the shapes and the local derivative</summary>

SHAPES (n, 27) and (n, 1).

</details>

<details>
<summary>Tier 3: the formula</summary>

FORMULA `dcounts` = $q_i \, \frac{\partial L}{\partial p_{ij}}$ + dcounts_sum

</details>

## Mistakes the tests catch
MISTAKES
)");
  check_tier(hint(notes.settings, "dcounts", 1), "Hint 1 of 3 for dcounts",
             {"\nTier 1, the idea. IDEA counts", "\nMORE IDEA\n", "\nStuck still? ", " hint dcounts 2\n"},
             {"INTRO", "Open one tier", "SHAPES", "FORMULA", "details"});
  check_tier(hint(notes.settings, "dcounts", 2),
             "Hint 2 of 3 for dcounts (Tier 2: the shapes and the local derivative)", {"\nSHAPES"},
             {"IDEA", "FORMULA", "details", "summary"});
  check_tier(hint(notes.settings, "dcounts", 3), "Hint 3 of 3 for dcounts (Tier 3: the formula)",
             {"\nFORMULA dcounts = qᵢ ∂L/∂pᵢⱼ + dcounts_sum\n"}, {"IDEA", "SHAPES", "MISTAKES", "details", "summary"});
  std::ostringstream out;
  CHECK_THROWS_AS(kata::command_hint(kata::Console{out, {}}, notes.settings, *backprop::find_step("dcounts"), 4),
                  backprop::UsageError);
  CHECK_THROWS_WITH(kata::command_hint(kata::Console{out, {}}, notes.settings, *backprop::find_step("dcounts"), 4),
                    "dcounts has hints 1 to 3, not 4");
}

TEST_CASE("kata hint reads the tiers of a note marked by headings, each to the next of its level", "[kata]") {
  const Notes notes;
  notes.write("dnorm_logits", R"(# dnorm_logits
## Hint 1: the idea
EXP its derivative is itself.
### An aside
ASIDE
## HINT 2
LOCAL counts * dcounts
## Further reading
READING
)");
  check_tier(hint(notes.settings, "dnorm_logits", 1), "Hint 1 of 2 for dnorm_logits (Hint 1: the idea)",
             {"\nEXP", "\nASIDE"}, {"LOCAL", "READING"});
  check_tier(hint(notes.settings, "dnorm_logits", 2), "Hint 2 of 2 for dnorm_logits (HINT 2)", {"\nLOCAL"},
             {"EXP", "READING"});
}

TEST_CASE("kata hint shows a note's links as paths from the current folder", "[kata]") {
  const Notes notes;
  notes.write("dlogit_maxes",
              "**Tier 1.** See [the traps](../eigen.md#traps), [below](#mistakes) and [the lecture]"
              "(https://youtu.be/q8SA3rM6ckI).\n");
  // The links are written relative to docs/steps/; the learner stands at the checkout's root.
  const auto here = std::filesystem::current_path();
  std::filesystem::current_path(notes.root.path);
  const auto text = hint(notes.settings, "dlogit_maxes", 1);
  std::filesystem::current_path(here);
  CHECK(has(text,
            "the traps (docs/eigen.md#traps), below (docs/steps/07_dlogit_maxes.md#mistakes) and the lecture "
            "(https://youtu.be/q8SA3rM6ckI)"));
}

TEST_CASE("kata hint names a note without hints, whichever tier is asked for", "[kata]") {
  const Notes notes;
  notes.write("dprobs", "# dprobs\nNo hints here.\n");
  std::ostringstream out;
  for (const int tier : {1, 2})
    CHECK_THROWS_WITH(kata::command_hint(kata::Console{out, {}}, notes.settings, *backprop::find_step("dprobs"), tier),
                      ContainsSubstring("docs/steps/02_dprobs.md has no hints"));
}

TEST_CASE("every note in docs/steps has hints, each tier plain text, the last pointing to the whole note", "[kata]") {
  const kata::Settings settings{backprop::source_dir(), "exercises", "/checkout/build", "/checkout/build/steps",
                                "ninja"};
  // What markdown.h converts: a LaTeX macro, math, bold, code, and the folds' tags.
  const std::regex markup(R"(\\[A-Za-z]|\$|\*\*|`|</?(details|summary))");
  const std::regex count("^Hint 1 of ([0-9]+) for ");
  for (const auto& step : backprop::steps()) {
    INFO(step.note());
    std::smatch tiers;
    const auto first = hint(settings, step.name, 1);
    REQUIRE(std::regex_search(first, tiers, count));
    const int last = std::stoi(tiers[1]);
    for (int tier = 1; tier <= last; ++tier) {
      INFO("tier " << tier);
      const auto text = hint(settings, step.name, tier);
      CHECK_FALSE(std::regex_search(text, markup));
      CHECK(has(text, "\nThe whole note: ") == (tier == last));
    }
  }
}
