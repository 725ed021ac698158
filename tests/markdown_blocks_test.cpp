// Markdown's headings and fences as kata and the docs' tests read them (backprop/markdown_blocks.h):
// CommonMark's edge cases, checked at compile time.
#include "backprop/markdown_blocks.h"

#include "catch.h"

using backprop::markdown::heading_level;
using backprop::markdown::heading_text;
using backprop::markdown::is_fence;

TEST_CASE("a heading is 1 to 6 #s, then a space, after at most 3 spaces", "[markdown]") {
  STATIC_REQUIRE(heading_level("# A") == 1);
  STATIC_REQUIRE(heading_level("###### F") == 6);
  STATIC_REQUIRE(heading_level("   ## indented by three") == 2);
  STATIC_REQUIRE(heading_level("##\ttab") == 2);
  STATIC_REQUIRE(heading_level("##") == 2);  // an empty heading
  STATIC_REQUIRE(heading_level("#no-space") == 0);
  STATIC_REQUIRE(heading_level("    # four spaces: code") == 0);
  STATIC_REQUIRE(heading_level("####### seven") == 0);
  STATIC_REQUIRE(heading_level("text # not at the start") == 0);
  STATIC_REQUIRE(heading_level("") == 0);
  STATIC_REQUIRE(heading_level("   ") == 0);
}

TEST_CASE("a heading's text is without its marker, its spaces and a closing run of #s", "[markdown]") {
  STATIC_REQUIRE(heading_text("## Title") == "Title");
  STATIC_REQUIRE(heading_text("  #   Spaced   ") == "Spaced");
  STATIC_REQUIRE(heading_text("## Closed ##") == "Closed");
  STATIC_REQUIRE(heading_text("## C#") == "C#");  // no space before the #: part of the text
  STATIC_REQUIRE(heading_text("## ##") == "");
  STATIC_REQUIRE(heading_text("#no-space") == "");
}

TEST_CASE("a fence is three or more ` or ~, after at most 3 spaces", "[markdown]") {
  STATIC_REQUIRE(is_fence("```"));
  STATIC_REQUIRE(is_fence("```cpp"));
  STATIC_REQUIRE(is_fence("~~~"));
  STATIC_REQUIRE(is_fence("~~~~ text"));
  STATIC_REQUIRE(is_fence("   ```"));
  STATIC_REQUIRE(is_fence("````"));
  STATIC_REQUIRE_FALSE(is_fence("    ```"));
  STATIC_REQUIRE_FALSE(is_fence("``"));
  STATIC_REQUIRE_FALSE(is_fence("~~"));
  STATIC_REQUIRE_FALSE(is_fence("```a`b"));  // a backtick in the info string: inline code
  STATIC_REQUIRE_FALSE(is_fence("text ```"));
  STATIC_REQUIRE_FALSE(is_fence(""));
}
