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
// This file reads the command line. The commands: commands.cpp (status, next, run, hint, list,
// watch, report, train), reset.cpp, grade.cpp, show.cpp and graph.cpp (pictures.h). Beneath them:
// harness.cpp builds and runs the judge on the steps, targets.cpp reads where the build keeps them,
// ninja.cpp is all that knows the build tool, verdicts.cpp keeps the last run's verdicts,
// process.cpp starts programs, landlock.cpp confines kata grade's compiles, watch.cpp waits for
// saves, present.cpp prints, formats.cpp writes the autograder's files, lookup.cpp finds the step
// meant, notes.cpp and markdown.cpp read a step's note as plain text.
#include <CLI/CLI.hpp>
#include <iostream>
#include <map>

#include "backprop/exit_status.h"
#include "commands.h"
#include "lookup.h"
#include "pictures.h"
#include "process.h"

namespace kata {
namespace {

using backprop::kExitUsage;

// What the command line asked for, besides the settings.
struct Arguments {
  bool no_build = false;
  std::string step_name;
  int tier = 1;
  bool poll = false, yes = false;
  std::filesystem::path out, svg_file, gdb_script;
  std::vector<std::string> submissions;
  std::string reference_case;
  int jobs = 2;
};

// The options every command shares: where the trees are and how to check.
void add_settings(CLI::App& app, Settings& settings, Arguments& arguments) {
  app.add_option("--root", settings.root, "The source tree whose exercises/ and docs/ to use")->capture_default_str();
  app.add_option("--build-dir", settings.build_dir, "The build tree to rebuild")->capture_default_str();
  app.add_option("--steps-dir", settings.steps_dir, "Where the step tests are (default: <build dir>/steps)");
  app.add_option("--ninja", settings.ninja, "The ninja that rebuilds the build tree")->capture_default_str();
  app.add_option("--time-limit", settings.time_limit, "Seconds one step's test may run before it is stopped")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  app.add_flag("--no-build", arguments.no_build, "Check without rebuilding first");
}

// The subcommands, by name, each with its options.
std::map<std::string, CLI::App*> add_commands(CLI::App& app, Arguments& arguments) {
  std::map<std::string, CLI::App*> commands;
  const auto add = [&](const std::string& name, const std::string& description) {
    return commands[name] = app.add_subcommand(name, description);
  };
  add("status", "Every step's figures, your progress and the next step (the default)");
  add("next", "The next step to do, checked");
  add("run", "Rebuild and check one step")
      ->add_option("step", arguments.step_name, "A step's name or number")
      ->required();
  auto* hint = add("hint", "A step's hints, one tier at a time");
  hint->add_option("step", arguments.step_name, "A step's name or number")->required();
  hint->add_option("tier", arguments.tier, "1: the idea, 2: shapes and local derivative, 3: the formula")
      ->capture_default_str();
  add("list", "Every step in order");
  add("watch", "Recheck every time a step's file is saved")
      ->add_flag("--poll", arguments.poll, "Poll modification times once a second instead of using inotify");
  auto* reset = add("reset", "Put a step's file back as shipped, after asking");
  reset->add_option("step", arguments.step_name, "A step's name or number")->required();
  reset->add_flag("-y,--yes", arguments.yes, "Do not ask");
  add("report", "Check every step and write the verdicts for an autograder")
      ->add_option("--out", arguments.out, "The folder for report.jsonl, junit.xml and summary.md")
      ->default_str("<build dir>/report");
  auto* grade = add("grade", "Grade folders of steps handed in, on this build tree, without touching it");
  grade->add_option("submissions", arguments.submissions, "Folders of NN_name.cpp files, or checkouts with exercises/")
      ->required()
      ->check(CLI::ExistingDirectory);
  grade->add_option("--out", arguments.out, "The folder for grades.csv and each submission's reports")
      ->default_str("grades");
  grade->add_option("--case", arguments.reference_case, "The reference case to grade against (a held-out one)")
      ->check(CLI::ExistingDirectory);
  grade->add_option("-j,--jobs", arguments.jobs, "How many steps of a submission to compile at once")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  // Everything after `train` is the trainer's: kata train --steps 1000, kata train --help.
  auto* train = add("train", "Rebuild the trainer on your steps, then run it with the rest");
  train->prefix_command();
  train->set_help_flag();  // kata train --help is the trainer's
  train->fallthrough(false);
  auto* show = add("show", "Pictures of a step: your gradient, PyTorch's and the difference");
  show->add_option("step", arguments.step_name, "A step's name or number")->required();
  show->add_option("--svg", arguments.svg_file, "Write the pictures to this SVG file too");
  add("graph", "The computation graph coloured by your verdicts, as SVG");
  auto* debug = add("debug", "Your step under gdb, stopped at your function with the case's inputs");
  debug->add_option("step", arguments.step_name, "A step's name or number")->required();
  debug->add_option("--batch", arguments.gdb_script, "Run gdb's commands from this file, then exit")
      ->check(CLI::ExistingFile);
  return commands;
}

// Runs the command the line named (status when none).
int run_command(const std::map<std::string, CLI::App*>& commands, const Settings& settings, const Arguments& a) {
  const Console console{std::cout, this_terminal()};
  const auto parsed = [&](const char* name) { return commands.at(name)->parsed(); };
  if (parsed("run")) return command_run(console, settings, step_named(a.step_name));
  if (parsed("hint")) return command_hint(console, settings, step_named(a.step_name), a.tier);
  if (parsed("reset")) return command_reset(console, settings, step_named(a.step_name), a.yes);
  if (parsed("next")) return command_next(console, settings);
  if (parsed("list")) return command_list(console, settings);
  if (parsed("watch")) return command_watch(console, settings, a.poll);
  if (parsed("report")) return command_report(console, settings, a.out.empty() ? settings.build_dir / "report" : a.out);
  if (parsed("grade"))
    return command_grade(console, settings, a.submissions, a.out.empty() ? "grades" : a.out, a.reference_case, a.jobs);
  if (parsed("show")) return command_show(console, settings, step_named(a.step_name), a.svg_file);
  if (parsed("graph")) return command_graph(console, settings);
  if (parsed("debug")) return command_debug(console, settings, step_named(a.step_name), a.gdb_script);
  if (parsed("train")) return command_train(console, settings, commands.at("train")->remaining());
  return command_status(console, settings);
}

int parse_and_run(int argc, char** argv) {
  CLI::App app{"kata: your progress through backprop-ninja, and a verdict every time you save", "kata"};
  Settings settings{backprop::source_dir(), KATA_TREE, KATA_BUILD_DIR, "", KATA_NINJA};
  settings.time_limit = KATA_TIME_LIMIT;
  Arguments arguments;
  add_settings(app, settings, arguments);
  app.require_subcommand(0, 1);
  app.fallthrough();  // `kata run 5 --no-build` as well as `kata --no-build run 5`
  const auto commands = add_commands(app, arguments);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : kExitUsage;
  }
  settings.build = !arguments.no_build;
  if (settings.steps_dir.empty()) settings.steps_dir = settings.build_dir / "steps";
  try {
    return run_command(commands, settings, arguments);
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
