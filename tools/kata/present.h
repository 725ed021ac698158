// What kata prints: colours, paths as the terminal opens them, and the step reports as tables.
#pragma once

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "backprop/manifest.h"
#include "harness.h"

namespace kata {

// ANSI colors, only for a terminal and only when NO_COLOR is unset (no-color.org).
struct Style {
  bool color = isatty(STDOUT_FILENO) && (std::getenv("NO_COLOR") == nullptr || *std::getenv("NO_COLOR") == '\0');
  std::string paint(const std::string& text, const char* code) const;
  std::string green(const std::string& t) const { return paint(t, "32"); }
  std::string red(const std::string& t) const { return paint(t, "31"); }
  std::string yellow(const std::string& t) const { return paint(t, "33"); }
  std::string bold(const std::string& t) const { return paint(t, "1"); }
  std::string dim(const std::string& t) const { return paint(t, "2"); }
};

// A path as the terminal can open it: relative to the current directory when inside it, else absolute.
std::string shown(const std::filesystem::path& path);

void print_build_failure(const Style& style, const Outcome& outcome);
// [#####-----] 5/28
void print_progress(const Outcome& outcome);
// Every step's cmp() figures and whether its probe passes, one row each.
void print_table(const Style& style, const Outcome& outcome);
// One step's state, its cmp() lines, the compiler's messages on its file, and what a failure looks like.
void print_step(const Style& style, const Paths& paths, const backprop::Step& step, const Outcome& outcome);
// The steps whose file changed after their test was built (kata --no-build): their verdicts are old.
void print_stale(const Style& style, const Paths& paths, const Outcome& outcome);
// The next step to do, as print_step shows it, or that every step passes.
void print_next(const Style& style, const Paths& paths, const Outcome& outcome);

}  // namespace kata
