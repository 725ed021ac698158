// kata: where the learner is, what to do next, and a verdict each time they save.
//
//   kata [status]        every step's cmp() figures, progress, and the next step to do
//   kata next            the next step, checked, with its file, note and forward line
//   kata run <step>      rebuild and check one step
//   kata hint <step> [tier]
//   kata list
//   kata watch           recheck on every save under exercises/
//   kata reset <step>    put a step's stub back as shipped
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include "backprop/manifest.h"
#include "harness.h"
#include "notes.h"
#include "process.h"
#include "watch.h"

namespace kata {
namespace {

namespace fs = std::filesystem;
using backprop::Step;

// Exit statuses: 0 done or passed, 1 a step is not passing or a command failed, 2 bad usage.
constexpr int exit_failed = 1;
constexpr int exit_usage = 2;

struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// ANSI colors, only for a terminal and only when NO_COLOR is unset (no-color.org).
struct Style {
  bool color = isatty(STDOUT_FILENO) && (std::getenv("NO_COLOR") == nullptr || *std::getenv("NO_COLOR") == '\0');
  std::string paint(const std::string& text, const char* code) const {
    return color ? fmt::format("\033[{}m{}\033[0m", code, text) : text;
  }
  std::string green(const std::string& t) const { return paint(t, "32"); }
  std::string red(const std::string& t) const { return paint(t, "31"); }
  std::string yellow(const std::string& t) const { return paint(t, "33"); }
  std::string bold(const std::string& t) const { return paint(t, "1"); }
  std::string dim(const std::string& t) const { return paint(t, "2"); }
};

// A path as the terminal can open it: relative to the current directory when inside it, else absolute.
std::string shown(const fs::path& path) {
  std::error_code error;
  const auto absolute = fs::weakly_canonical(path, error);
  const auto relative = fs::relative(absolute, fs::current_path(error), error);
  if (!error && !relative.empty() && *relative.begin() != "..") return relative.string();
  return absolute.string();
}

// Levenshtein distance, for suggesting a step name.
std::size_t distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

const Step& step_named(const std::string& name) {
  if (const auto* step = backprop::find_step(name)) return *step;
  if (!name.empty() && name.find_first_not_of("0123456789") == std::string::npos)
    throw UsageError(
        fmt::format("there is no step {}: the steps are numbered 1 to {}", name, backprop::steps().size()));
  // The closest names first.
  std::vector<std::pair<std::size_t, std::string>> close;
  for (const auto& step : backprop::steps()) {
    const auto d = distance(step.name, name);
    if (step.name.find(name) != std::string::npos || d <= std::max<std::size_t>(1, name.size() / 3))
      close.emplace_back(d, step.name);
  }
  std::sort(close.begin(), close.end());
  std::vector<std::string> names;
  for (const auto& entry : close) names.push_back(entry.second);
  std::string message = fmt::format("no step is named '{}'", name);
  if (!names.empty()) message += fmt::format("; did you mean {}?", fmt::join(names, ", "));
  throw UsageError(message + " (kata list shows every step)");
}

std::vector<std::string> all_step_names() {
  std::vector<std::string> names;
  for (const auto& step : backprop::steps()) names.push_back(step.name);
  return names;
}

std::string verdict_text(Verdict verdict) {
  switch (verdict) {
    case Verdict::passed:
      return "passed";
    case Verdict::failed:
      return "failed";
    case Verdict::not_done:
      return "not done";
    case Verdict::error:
      return "threw";
    case Verdict::crashed:
      return "crashed";
    case Verdict::not_run:
      break;
  }
  return "not run";
}

std::string painted_verdict(const Style& style, Verdict verdict) {
  const auto text = verdict_text(verdict);
  if (verdict == Verdict::passed) return style.green(text);
  if (verdict == Verdict::not_done || verdict == Verdict::not_run) return style.yellow(text);
  return style.red(text);
}

int done_count(const Check& check) {
  return static_cast<int>(std::count_if(check.steps.begin(), check.steps.end(),
                                        [](const auto& entry) { return entry.second.verdict == Verdict::passed; }));
}

// The first step, in the manifest's order, that does not pass.
const Step* next_step(const Check& check) {
  for (const auto& step : backprop::steps()) {
    const auto it = check.steps.find(step.name);
    if (it == check.steps.end() || it->second.verdict != Verdict::passed) return &step;
  }
  return nullptr;
}

std::string progress_bar(int done, int total) {
  constexpr int width = 28;
  const int filled = total == 0 ? 0 : done * width / total;
  return fmt::format("[{}{}] {}/{}", std::string(filled, '#'), std::string(width - filled, '-'), done, total);
}

void print_build_failure(const Style& style, const Check& check) {
  std::cout << style.red("The build failed") << "; the compiler says:\n\n" << check.build_log << '\n';
}

// One step's verdict, its cmp() lines and what a failure looks like.
void print_step(const Style& style, const Paths& paths, const Step& step, const StepResult& result) {
  std::cout << style.bold(fmt::format("Step {} of {}: {}", step.number, backprop::steps().size(), step.name)) << "  "
            << painted_verdict(style, result.verdict) << '\n';
  std::cout << "  forward  " << step.forward << '\n';
  if (!result.network.empty()) std::cout << "  network  " << result.network << '\n';
  if (!result.probe.empty()) std::cout << "  probe    " << result.probe << '\n';
  if (!result.error.empty()) std::cout << "  " << style.red(result.error) << '\n';
  for (const auto& diagnosis : result.diagnoses) std::cout << "  " << style.yellow("looks like: ") << diagnosis << '\n';
  if (result.verdict != Verdict::passed) {
    std::cout << "  edit     " << shown(paths.root / paths.tree / step.file()) << '\n';
    std::cout << "  read     " << shown(paths.root / step.note()) << '\n';
    std::cout << "  hint     kata hint " << step.name << '\n';
  }
}

void print_table(const Style& style, const Check& check) {
  std::cout << style.bold(fmt::format("{:>3}  {:<24} {:<6} {:<12} {:<10} {}", "#", "step", "exact", "approximate",
                                      "maxdiff", "probe"))
            << '\n';
  for (const auto& step : backprop::steps()) {
    const auto it = check.steps.find(step.name);
    const StepResult result = it != check.steps.end() ? it->second : StepResult{};
    std::string row = fmt::format("{:>3}  {:<24} ", step.number, step.name);
    const auto network = figures(result.network);
    if (!network.exact.empty()) {
      const auto probe = figures(result.probe);
      const bool probe_ok = probe.approximate == "True";
      row += fmt::format("{:<6} {:<12} {:<10} ", network.exact, network.approximate, network.maxdiff);
      row += result.probe.empty() ? "-" : probe_ok ? "ok" : style.red("fails");
      if (result.verdict != Verdict::passed) row = style.red(row);
    } else if (!network.shape.empty()) {
      row += style.red(network.shape);
    } else {
      row += painted_verdict(style, result.verdict);
    }
    std::cout << row << '\n';
  }
}

// The next step to do: the file to edit and the note to read.
void print_next(const Style& style, const Paths& paths, const Check& check) {
  const auto* step = next_step(check);
  if (step == nullptr) {
    std::cout << style.green("Every step passes.") << " The chain test runs all of exercise 1 on your own gradients: "
              << "ctest --preset " << paths.tree << " -R chain\n";
    return;
  }
  const auto it = check.steps.find(step->name);
  std::cout << '\n' << style.bold("Next: ");
  print_step(style, paths, *step, it != check.steps.end() ? it->second : StepResult{});
}

int command_status(const Style& style, const Paths& paths) {
  const auto check = kata::check(paths, all_step_names());
  if (!check.built) {
    print_build_failure(style, check);
    return exit_failed;
  }
  print_table(style, check);
  std::cout << '\n' << progress_bar(done_count(check), static_cast<int>(backprop::steps().size())) << '\n';
  print_next(style, paths, check);
  return 0;
}

int command_next(const Style& style, const Paths& paths) {
  const auto check = kata::check(paths, all_step_names());
  if (!check.built) {
    print_build_failure(style, check);
    return exit_failed;
  }
  std::cout << progress_bar(done_count(check), static_cast<int>(backprop::steps().size())) << '\n';
  print_next(style, paths, check);
  return 0;
}

int command_run(const Style& style, const Paths& paths, const Step& step) {
  const auto check = kata::check(paths, {step.name});
  if (!check.built) {
    print_build_failure(style, check);
    return exit_failed;
  }
  const auto it = check.steps.find(step.name);
  const auto result = it != check.steps.end() ? it->second : StepResult{};
  print_step(style, paths, step, result);
  return result.verdict == Verdict::passed ? 0 : exit_failed;
}

int command_hint(const Style& style, const Paths& paths, const Step& step, int tier) {
  const auto note = paths.root / step.note();
  const auto tiers = hint_tiers(note);
  if (tiers.empty()) {
    std::cout << style.bold(fmt::format("Hint for {}: ", step.name)) << step.hint << '\n';
    if (tier > 1) std::cout << style.dim(fmt::format("{} has no tiers of hints yet.", shown(note))) << '\n';
    return 0;
  }
  if (tier < 1 || tier > static_cast<int>(tiers.size()))
    throw UsageError(fmt::format("{} has hints 1 to {}, not {}", step.name, tiers.size(), tier));
  const auto& [title, text] = tiers[tier - 1];
  std::cout << style.bold(fmt::format("Hint {} of {} for {}", tier, tiers.size(), step.name))
            << (title.empty() ? "" : " (" + title + ")") << '\n'
            << text << '\n';
  if (tier < static_cast<int>(tiers.size()))
    std::cout << style.dim(fmt::format("Stuck still? kata hint {} {}", step.name, tier + 1)) << '\n';
  else
    std::cout << style.dim("The whole note: " + shown(note)) << '\n';
  return 0;
}

int command_list(const Style& style, const Paths& paths) {
  std::cout << style.bold(fmt::format("{:>3}  {:<24} {:<9} {}", "#", "step", "exercise", "forward")) << '\n';
  for (const auto& step : backprop::steps())
    std::cout << fmt::format("{:>3}  {:<24} {:<9} {}", step.number, step.name, step.exercise, step.forward) << '\n';
  std::cout << '\n'
            << "The steps are in " << shown(paths.root / paths.tree) << ", the notes in "
            << shown(paths.root / "docs" / "steps") << '\n';
  return 0;
}

// The step whose exercise file is among the changed ones, if any.
const Step* changed_step(const std::set<std::string>& changed) {
  for (const auto& step : backprop::steps())
    if (changed.count(step.file())) return &step;
  return nullptr;
}

int command_watch(const Style& style, const Paths& paths, bool poll) {
  catch_interrupt();
  Watcher watcher(paths.root / paths.tree, poll);
  const Step* focus = nullptr;
  for (;;) {
    if (style.color) std::cout << "\033[2J\033[H";
    // Ctrl-C during the check kills kata_tests too, and a broken kata_tests should not end the watch.
    Check check;
    std::string broken;
    try {
      check = kata::check(paths, all_step_names());
    } catch (const std::runtime_error& e) {
      broken = e.what();
    }
    if (interrupted()) break;
    if (!broken.empty()) {
      std::cout << style.red(broken) << '\n';
    } else if (!check.built) {
      print_build_failure(style, check);
    } else {
      std::cout << progress_bar(done_count(check), static_cast<int>(backprop::steps().size())) << '\n';
      // The step just saved, while it fails; the next one to do otherwise.
      const auto it = focus ? check.steps.find(focus->name) : check.steps.end();
      if (it != check.steps.end() && it->second.verdict != Verdict::passed) {
        std::cout << '\n';
        print_step(style, paths, *focus, it->second);
      } else {
        if (it != check.steps.end()) std::cout << style.green(fmt::format("{} passes.", focus->name)) << '\n';
        print_next(style, paths, check);
      }
    }
    std::cout << '\n'
              << style.dim(fmt::format("Watching {} ({}); save a file to recheck, Ctrl-C to stop.",
                                       shown(paths.root / paths.tree), watcher.polling() ? "polling" : "inotify"))
              << std::endl;
    const auto changed = watcher.wait();
    if (!changed) break;
    if (const auto* step = changed_step(*changed)) focus = step;
  }
  std::cout << (style.color ? "\033[0m" : "") << "\nStopped watching.\n";
  return 0;
}

// The stub of a step as shipped: the newest committed version of its exercise that still throws
// NotDone. A learner's own commits of a finished step are skipped that way, and a stub that the
// project updated is found at its latest version.
struct Shipped {
  std::string commit, text;
};

std::optional<Shipped> shipped_stub(const Paths& paths, const Step& step) {
  const auto path = "exercises/" + step.file();
  const auto log = run_process({"git", "-C", paths.root.string(), "log", "--format=%H", "--", path});
  if (!log.ok()) return std::nullopt;
  std::istringstream commits(log.output);
  std::string commit;
  while (std::getline(commits, commit)) {
    const auto shown_file = run_process({"git", "-C", paths.root.string(), "show", commit + ":" + path});
    if (shown_file.ok() && shown_file.output.find("throw NotDone(") != std::string::npos)
      return Shipped{commit, shown_file.output};
  }
  return std::nullopt;
}

int command_reset(const Style& style, const Paths& paths, const Step& step, bool yes) {
  const auto file = paths.root / "exercises" / step.file();
  const auto stub = shipped_stub(paths, step);
  if (!stub) {
    std::cerr << fmt::format("kata: git history of {} has no stub of {} (a version that throws NotDone) to reset to\n",
                             shown(paths.root), step.name);
    return exit_failed;
  }
  std::ifstream current_in(file, std::ios::binary);
  const std::string current{std::istreambuf_iterator<char>(current_in), {}};
  if (current == stub->text) {
    std::cout << shown(file) << " is already as shipped.\n";
    return 0;
  }
  const auto backup = paths.build_dir / "kata-reset" / step.file();
  if (!yes) {
    if (!isatty(STDIN_FILENO))
      throw UsageError("reset asks before overwriting your work, and this is not a terminal: pass --yes");
    std::cout << fmt::format("Put {} back as shipped in commit {}? Your version is kept in {}. [y/N] ", shown(file),
                             stub->commit.substr(0, 10), shown(backup))
              << std::flush;
    std::string answer;
    std::getline(std::cin, answer);
    if (answer != "y" && answer != "Y" && answer != "yes") {
      std::cout << "Left as it is.\n";
      return 0;
    }
  }
  std::error_code error;
  fs::create_directories(backup.parent_path(), error);
  fs::copy_file(file, backup, fs::copy_options::overwrite_existing, error);
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out << stub->text;
  if (!out.flush()) {
    std::cerr << "kata: could not write " << shown(file) << '\n';
    return exit_failed;
  }
  std::cout << style.green("Reset ") << shown(file) << "; your version is in " << shown(backup) << '\n';
  return 0;
}

int run(int argc, char** argv) {
  CLI::App app{"kata: your progress through backprop-ninja, and a verdict every time you save", "kata"};
  Paths paths{backprop::source_dir(), KATA_TREE, KATA_BUILD_DIR, KATA_TESTS};
  bool no_build = false;
  app.add_option("--root", paths.root, "The source tree whose exercises/ and docs/ to use")->capture_default_str();
  app.add_option("--build-dir", paths.build_dir, "The build tree to rebuild")->capture_default_str();
  app.add_option("--tests", paths.tests, "The kata_tests program to run")->capture_default_str();
  app.add_flag("--no-build", no_build, "Check without rebuilding first");
  app.require_subcommand(0, 1);
  app.fallthrough();  // `kata run 5 --no-build` as well as `kata --no-build run 5`

  std::string step_name;
  int tier = 1;
  bool poll = false, yes = false;
  app.add_subcommand("status", "Every step's figures, your progress and the next step (the default)");
  auto* next = app.add_subcommand("next", "The next step to do, checked");
  auto* run = app.add_subcommand("run", "Rebuild and check one step");
  run->add_option("step", step_name, "A step's name or number")->required();
  auto* hint = app.add_subcommand("hint", "A step's hints, one tier at a time");
  hint->add_option("step", step_name, "A step's name or number")->required();
  hint->add_option("tier", tier, "1: the idea, 2: shapes and local derivative, 3: the formula")->capture_default_str();
  auto* list = app.add_subcommand("list", "Every step in order");
  auto* watch = app.add_subcommand("watch", "Recheck every time a step's file is saved");
  watch->add_flag("--poll", poll, "Poll modification times once a second instead of using inotify");
  auto* reset = app.add_subcommand("reset", "Put a step's exercise back as shipped, after asking");
  reset->add_option("step", step_name, "A step's name or number")->required();
  reset->add_flag("-y,--yes", yes, "Do not ask");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : exit_usage;
  }
  paths.build = !no_build;
  const Style style;
  try {
    if (run->parsed()) return command_run(style, paths, step_named(step_name));
    if (hint->parsed()) return command_hint(style, paths, step_named(step_name), tier);
    if (reset->parsed()) return command_reset(style, paths, step_named(step_name), yes);
    if (next->parsed()) return command_next(style, paths);
    if (list->parsed()) return command_list(style, paths);
    if (watch->parsed()) return command_watch(style, paths, poll);
    return command_status(style, paths);
  } catch (const UsageError& e) {
    std::cerr << "kata: " << e.what() << '\n';
    return exit_usage;
  }
}

}  // namespace
}  // namespace kata

int main(int argc, char** argv) {
  try {
    return kata::run(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "kata: " << e.what() << '\n';
    return kata::exit_failed;
  }
}
