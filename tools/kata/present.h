// What kata prints: colours, paths as the terminal opens them, and the step reports as tables.
#pragma once

#include <fmt/color.h>

#include <filesystem>
#include <iostream>
#include <optional>
#include <string>

#include "backprop/manifest.h"
#include "harness.h"

namespace kata {

// What kata knows of the terminal it runs in. The default is none: output to a file or a pipe, no
// colours, 80 by 24; kata's main finds the real one (this_terminal), a test states its own.
struct Terminal {
  bool input = false;      // stdin is a terminal: kata may ask a question (kata reset)
  bool output = false;     // stdout is a terminal: pictures rather than tables (kata show)
  bool color = false;      // terminal colours allowed: stdout a terminal, NO_COLOR unset (no-color.org)
  bool truecolor = false;  // 24-bit colour: $COLORTERM is truecolor or 24bit; else 256 colours
  int width = 80;          // columns: the window's, else $COLUMNS, else 80
  int height = 24;         // lines: the window's, else $LINES, else 24
};

// This process's terminal: its standard streams, its window and its environment, read once.
Terminal this_terminal();

// Where a command prints, and how: terminal colours (fmt/color.h) only when the terminal allows
// them. A test gives a string stream and, for no terminal, nothing more.
struct Console {
  std::ostream& out = std::cout;
  Terminal terminal;
  std::string paint(const std::string& text, fmt::text_style text_style) const;
  std::string green(const std::string& t) const { return paint(t, fmt::fg(fmt::terminal_color::green)); }
  std::string red(const std::string& t) const { return paint(t, fmt::fg(fmt::terminal_color::red)); }
  std::string yellow(const std::string& t) const { return paint(t, fmt::fg(fmt::terminal_color::yellow)); }
  std::string bold(const std::string& t) const { return paint(t, fmt::emphasis::bold); }
  std::string dim(const std::string& t) const { return paint(t, fmt::emphasis::faint); }
  // What starts a new screen: the terminal cleared, or an empty line.
  std::string new_screen() const { return terminal.color ? "\033[2J\033[H" : "\n"; }
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
