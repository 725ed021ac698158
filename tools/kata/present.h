// What kata prints: colours, paths as the terminal opens them, and the step reports as tables.
#pragma once

#include <fmt/color.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string>

#include "backprop/manifest.h"
#include "harness.h"

namespace kata {

// Where a command prints, and how: terminal colours (fmt/color.h) only for a terminal and only
// when NO_COLOR is unset (no-color.org). A test gives a string stream and no colours.
struct Console {
  std::ostream& out = std::cout;
  bool color = isatty(STDOUT_FILENO) && (std::getenv("NO_COLOR") == nullptr || *std::getenv("NO_COLOR") == '\0');
  std::string paint(const std::string& text, fmt::text_style text_style) const;
  std::string green(const std::string& t) const { return paint(t, fmt::fg(fmt::terminal_color::green)); }
  std::string red(const std::string& t) const { return paint(t, fmt::fg(fmt::terminal_color::red)); }
  std::string yellow(const std::string& t) const { return paint(t, fmt::fg(fmt::terminal_color::yellow)); }
  std::string bold(const std::string& t) const { return paint(t, fmt::emphasis::bold); }
  std::string dim(const std::string& t) const { return paint(t, fmt::emphasis::faint); }
  // What starts a new screen: the terminal cleared, or an empty line.
  std::string new_screen() const { return color ? "\033[2J\033[H" : "\n"; }
};

// A path as the terminal can open it: relative to the current directory when inside it, else absolute.
std::string shown(const std::filesystem::path& path);

void print_build_failure(const Console& console, const CheckResult& outcome);
// [#####-----] 5/28
void print_progress(const Console& console, const CheckResult& outcome);
// Every step's cmp() figures and whether its probe passes, one row each.
void print_table(const Console& console, const CheckResult& outcome);
// One step's state, its cmp() lines, the compiler's messages on its file, and what a failure looks like.
void print_step(const Console& console, const Settings& settings, const backprop::Step& step,
                const CheckResult& outcome);
// The steps whose file changed after their test was built (kata --no-build): their verdicts are old.
void print_stale(const Console& console, const Settings& settings, const CheckResult& outcome);
// The steps whose verdict is the last run's (CheckResult::from_last_run), and how to run one again.
void print_from_last_run(const Console& console, const Settings& settings, const CheckResult& outcome);

// A check's result for a command, or nothing after printing why there is none (the build failed,
// or it was stopped); a command then ends with unchecked_status(): 130 after Ctrl-C, else 1.
std::optional<CheckResult> check_and_explain(const Console& console, const Settings& settings, const Request& request);
int unchecked_status();
// One step checked with the judge writing what `variable` asks for into `folder`, emptied first
// (kata show's tensors, kata debug's inputs), and its verdict printed; nothing as check_and_explain.
std::optional<CheckResult> check_step_into(const Console& console, const Settings& settings, const backprop::Step& step,
                                           const char* variable, const std::filesystem::path& folder);

// The next step to do, as print_step shows it, or that every step passes.
void print_next(const Console& console, const Settings& settings, const CheckResult& outcome);

}  // namespace kata
