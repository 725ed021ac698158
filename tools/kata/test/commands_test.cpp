// kata's commands run in-process, printing to a string: what a learner reads from kata list and
// kata hint, and the usage error of a hint that does not exist.
#include "commands.h"

#include <sstream>

#include "catch.h"
#include "formats.h"
#include "lookup.h"
#include "scratch_dir.h"

using Catch::Matchers::ContainsSubstring;

TEST_CASE("kata list prints every step in order, and where the steps and notes are", "[kata]") {
  std::ostringstream out;
  const kata::Console console{out, {}};
  const kata::Settings settings{"/checkout", "exercises", "/checkout/build", "/checkout/build/steps", "cmake"};
  CHECK(kata::command_list(console, settings) == 0);
  const auto text = out.str();
  CHECK_THAT(text, ContainsSubstring("  5  dcounts"));
  CHECK(text.find("  1  dlogprobs") < text.find(" 28  batchnorm_backward"));
  CHECK_THAT(text, ContainsSubstring("The steps are in /checkout/exercises, the notes in /checkout/docs/steps"));
  CHECK(text.find('\033') == std::string::npos);
}

TEST_CASE("kata hint prints one tier of a note at a time, and names the next", "[kata]") {
  const ScratchDir root;
  const auto& step = *backprop::find_step("dcounts");
  std::filesystem::create_directories(root.path / "docs" / "steps");
  kata::write_text(root.path / step.note(), "# dcounts\n\n## Hint 1: the idea\n\nBroadcast.\n\n## Hint 2\n\nSum.\n");
  const kata::Settings settings{root.path, "exercises", root.path / "build", root.path / "build" / "steps", "cmake"};
  std::ostringstream out;
  const kata::Console console{out, {}};
  CHECK(kata::command_hint(console, settings, step, 1) == 0);
  CHECK_THAT(out.str(), ContainsSubstring("Hint 1 of 2 for dcounts"));
  CHECK_THAT(out.str(), ContainsSubstring("Broadcast."));
  CHECK_THAT(out.str(), ContainsSubstring("Stuck still?"));
  CHECK_THAT(out.str(), ContainsSubstring("hint dcounts 2"));
  CHECK_THROWS_WITH(kata::command_hint(console, settings, step, 3), "dcounts has hints 1 to 2, not 3");
}
