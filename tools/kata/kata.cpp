// kata: where the learner is, what to do next, and a verdict each time they save.
//
//   kata [status]        every step's cmp() figures, progress, and the next step to do
//   kata next            the next step, checked, with its file, note and forward line
//   kata run <step>      rebuild and check one step
//   kata hint <step> [tier]
//   kata list
//   kata watch           recheck on every save of a step's file
//   kata reset <step>    put a step's stub back as shipped
//   kata train [args]    rebuild the trainer on your steps and run it
//   kata report          the verdicts as JSON lines, JUnit XML and Markdown, for an autograder
//   kata grade <dir>...  grade submitted folders of steps on this build tree
//   kata show <step>     your gradient beside PyTorch's and their difference, as pictures
//   kata graph           the computation graph coloured by your verdicts
//   kata debug <step>    your step under gdb, stopped at your function with the case's inputs
//
// This file reads the command line; commands.cpp and reset.cpp do the commands, present.cpp
// prints, show.cpp and graph.cpp draw, harness.cpp runs the step tests and lookup.cpp finds the step meant.
#include <CLI/CLI.hpp>
#include <iostream>

#include "backprop/exit_status.h"
#include "commands.h"
#include "lookup.h"
#include "pictures.h"
#include "process.h"

namespace kata {
namespace {

using backprop::kExitUsage;

int parse_and_run(int argc, char** argv) {
  CLI::App app{"kata: your progress through backprop-ninja, and a verdict every time you save", "kata"};
  Paths paths{backprop::source_dir(), KATA_TREE, KATA_BUILD_DIR, "", KATA_CMAKE};
  paths.time_limit = KATA_TIME_LIMIT;
  bool no_build = false;
  app.add_option("--root", paths.root, "The source tree whose exercises/ and docs/ to use")->capture_default_str();
  app.add_option("--build-dir", paths.build_dir, "The build tree to rebuild")->capture_default_str();
  app.add_option("--steps-dir", paths.steps_dir, "Where the step tests are (default: <build dir>/steps)");
  app.add_option("--cmake", paths.cmake, "The cmake that rebuilds the build tree")->capture_default_str();
  app.add_option("--time-limit", paths.time_limit, "Seconds one step's test may run before it is stopped")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  app.add_flag("--no-build", no_build, "Check without rebuilding first");
  app.require_subcommand(0, 1);
  app.fallthrough();  // `kata run 5 --no-build` as well as `kata --no-build run 5`

  std::string step_name;
  int tier = 1;
  bool poll = false, yes = false;
  app.add_subcommand("status", "Every step's figures, your progress and the next step (the default)");
  auto* next_command = app.add_subcommand("next", "The next step to do, checked");
  auto* run_command = app.add_subcommand("run", "Rebuild and check one step");
  run_command->add_option("step", step_name, "A step's name or number")->required();
  auto* hint_command = app.add_subcommand("hint", "A step's hints, one tier at a time");
  hint_command->add_option("step", step_name, "A step's name or number")->required();
  hint_command->add_option("tier", tier, "1: the idea, 2: shapes and local derivative, 3: the formula")
      ->capture_default_str();
  auto* list_command = app.add_subcommand("list", "Every step in order");
  auto* watch_command = app.add_subcommand("watch", "Recheck every time a step's file is saved");
  watch_command->add_flag("--poll", poll, "Poll modification times once a second instead of using inotify");
  auto* reset_command = app.add_subcommand("reset", "Put a step's file back as shipped, after asking");
  reset_command->add_option("step", step_name, "A step's name or number")->required();
  reset_command->add_flag("-y,--yes", yes, "Do not ask");
  std::filesystem::path out;
  auto* report_command = app.add_subcommand("report", "Check every step and write the verdicts for an autograder");
  report_command->add_option("--out", out, "The folder for report.jsonl, junit.xml and summary.md")
      ->default_str("<build dir>/report");
  std::vector<std::string> submissions;
  std::string reference_case;
  auto* grade_command =
      app.add_subcommand("grade", "Grade folders of steps handed in, on this build tree, without touching it");
  grade_command->add_option("submissions", submissions, "Folders of NN_name.cpp files, or checkouts with exercises/")
      ->required()
      ->check(CLI::ExistingDirectory);
  grade_command->add_option("--out", out, "The folder for grades.csv and each submission's reports")
      ->default_str("grades");
  grade_command->add_option("--case", reference_case, "The reference case to grade against (a held-out one)")
      ->check(CLI::ExistingDirectory);
  int jobs = 2;
  grade_command->add_option("-j,--jobs", jobs, "How many steps of a submission to compile at once")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  // Everything after `train` is the trainer's: kata train --steps 1000, kata train --help.
  auto* train_command = app.add_subcommand("train", "Rebuild the trainer on your steps, then run it with the rest");
  train_command->prefix_command();
  train_command->set_help_flag();  // kata train --help is the trainer's
  train_command->fallthrough(false);
  std::filesystem::path svg_file;
  auto* show_command = app.add_subcommand("show", "Pictures of a step: your gradient, PyTorch's and the difference");
  show_command->add_option("step", step_name, "A step's name or number")->required();
  show_command->add_option("--svg", svg_file, "Write the pictures to this SVG file too");
  auto* graph_command = app.add_subcommand("graph", "The computation graph coloured by your verdicts, as SVG");
  std::filesystem::path gdb_script;
  auto* debug_command =
      app.add_subcommand("debug", "Your step under gdb, stopped at your function with the case's inputs");
  debug_command->add_option("step", step_name, "A step's name or number")->required();
  debug_command->add_option("--batch", gdb_script, "Run gdb's commands from this file, then exit")
      ->check(CLI::ExistingFile);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : kExitUsage;
  }
  paths.build = !no_build;
  if (paths.steps_dir.empty()) paths.steps_dir = paths.build_dir / "steps";
  const Style style;
  try {
    if (run_command->parsed()) return command_run(style, paths, step_named(step_name));
    if (hint_command->parsed()) return command_hint(style, paths, step_named(step_name), tier);
    if (reset_command->parsed()) return command_reset(style, paths, step_named(step_name), yes);
    if (next_command->parsed()) return command_next(style, paths);
    if (list_command->parsed()) return command_list(style, paths);
    if (watch_command->parsed()) return command_watch(style, paths, poll);
    if (report_command->parsed()) return command_report(style, paths, out.empty() ? paths.build_dir / "report" : out);
    if (grade_command->parsed())
      return command_grade(style, paths, submissions, out.empty() ? "grades" : out, reference_case, jobs);
    if (show_command->parsed()) return command_show(style, paths, step_named(step_name), svg_file);
    if (graph_command->parsed()) return command_graph(style, paths);
    if (debug_command->parsed()) return command_debug(style, paths, step_named(step_name), gdb_script);
    if (train_command->parsed()) return command_train(style, paths, train_command->remaining());
    return command_status(style, paths);
  } catch (const UsageError& e) {
    std::cerr << "kata: " << e.what() << '\n';
    return kExitUsage;
  }
}

}  // namespace
}  // namespace kata

int main(int argc, char** argv) {
  kata::catch_interrupt();
  try {
    return kata::parse_and_run(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "kata: " << e.what() << '\n';
    return backprop::kExitFailure;
  }
}
