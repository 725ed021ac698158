// kata grade: submissions graded on this build tree without touching it. Each submitted step file
// is compiled with the command this build uses for that step, against its prebuilt tests, harness
// and core, linked into a binary of the submission's own, and run under the time limit: so a step
// that does not compile, loops or crashes costs only its own points.
#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <iostream>

#include "backprop/exit_status.h"
#include "commands.h"
#include "formats.h"
#include "lookup.h"
#include "process.h"

namespace kata {
namespace {

using backprop::State;
namespace fs = std::filesystem;

// How one step is built in this build tree: ninja's commands, and the paths in them to replace.
struct StepBuild {
  std::string compile, link;
  std::string object;  // as the commands name it, relative to the build tree
  std::string source;  // absolute, as the compile command names it
  std::string binary;  // as the link command names it
};

void replace_all(std::string& text, const std::string& from, const std::string& to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
}

std::string only_command(const Paths& paths, const std::string& target) {
  const auto listed = run_process({KATA_NINJA, "-C", paths.build_dir.string(), "-t", "commands", "-s", target});
  if (!listed.ok() || listed.output.empty())
    throw std::runtime_error(
        fmt::format("ninja knows no command for {} in {}: {}", target, paths.build_dir.string(), listed.output));
  return listed.output.substr(0, listed.output.find('\n'));
}

StepBuild step_build(const Paths& paths, const backprop::Step& step) {
  StepBuild build;
  build.object = fmt::format("CMakeFiles/step_{}.dir/{}/{}.o", step.stem(), paths.tree, step.file());
  build.source = (paths.root / paths.tree / step.file()).string();
  build.binary = "steps/" + step.stem();
  build.compile = only_command(paths, build.object);
  build.link = only_command(paths, build.binary);
  // A learner's warnings never fail a step, whatever CI setting the build tree was made with.
  replace_all(build.compile, " -Werror", "");
  return build;
}

// A word the shell reads back as exactly `text`, whatever it holds.
std::string shell_quoted(const std::string& text) {
  std::string quoted = "'";
  for (const char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (const char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

// A submission's steps: the folder given, or its exercises/ when it is a whole checkout.
fs::path steps_folder(const fs::path& given) {
  const auto absolute = fs::absolute(given).lexically_normal();
  const auto folder = fs::is_directory(absolute / "exercises") ? absolute / "exercises" : absolute;
  if (!fs::is_directory(folder)) throw UsageError(fmt::format("{} is not a folder", given.string()));
  return folder;
}

// "alice" for alice/ and for alice/exercises/.
std::string submission_name(const fs::path& folder) {
  const auto name = (folder.filename() == "exercises" ? folder.parent_path() : folder).filename().string();
  return name.empty() ? "submission" : name;
}

}  // namespace

int command_grade(const Style& style, const Paths& paths, const std::vector<std::string>& given, const fs::path& out,
                  const std::string& reference_case) {
  std::vector<fs::path> folders;
  for (const auto& path : given) folders.push_back(steps_folder(path));
  std::cerr << "Building this tree's step tests first..." << std::endl;
  std::vector<std::string> targets{paths.cmake, "--build", paths.build_dir.string(), "--target"};
  for (const auto& step : backprop::steps()) targets.push_back(step.stem());
  if (const auto built = run_process(targets); !built.ok()) {
    std::cout << style.red("This build tree does not build") << "; grading needs it whole:\n"
              << trimmed(built.output, paths, 60);
    return backprop::kExitFailure;
  }
  std::vector<StepBuild> builds;
  for (const auto& step : backprop::steps()) builds.push_back(step_build(paths, step));
  std::map<std::string, std::string> env;
  if (!reference_case.empty()) env["BACKPROP_REFERENCE_DIR"] = fs::absolute(reference_case).string();

  fs::create_directories(out);
  std::string csv = "submission,passed,total";
  for (const auto& step : backprop::steps()) csv += "," + step.stem();
  csv += '\n';
  for (std::size_t i = 0; i < folders.size(); ++i) {
    const auto start = std::chrono::steady_clock::now();
    const auto name = submission_name(folders[i]);
    const auto scratch = out / name / "build";
    fs::create_directories(scratch);
    // The submission's paths: reports and messages name its files, not the instructor's.
    Paths submission = paths;
    submission.root = folders[i].parent_path();
    submission.tree = folders[i].filename().string();
    submission.build_dir = scratch;
    std::map<std::string, backprop::StepReport> reports;
    for (std::size_t s = 0; s < builds.size(); ++s) {
      const auto& step = backprop::steps()[s];
      std::cerr << fmt::format("[{}/{}] {}: {}\r", i + 1, folders.size(), name, step.stem()) << std::flush;
      const auto file = folders[i] / step.file();
      if (!fs::exists(file)) {
        reports[step.name] = report_of(step, submission, State::does_not_compile, step.file() + " is missing");
        continue;
      }
      const auto binary = scratch / step.stem();
      const auto object = shell_quoted(binary.string() + ".o");
      auto compile = builds[s].compile, link = builds[s].link;
      replace_all(compile, builds[s].object, object);
      replace_all(compile, builds[s].source, shell_quoted(file.string()));
      replace_all(link, builds[s].object, object);
      replace_all(link, "-o " + builds[s].binary + " ", "-o " + shell_quoted(binary.string()) + " ");
      const auto built = run_process(
          {"/bin/sh", "-c", "cd " + shell_quoted(paths.build_dir.string()) + " && " + compile + " && " + link}, {},
          {120});
      if (!built.ok()) {
        reports[step.name] =
            report_of(step, submission, State::does_not_compile, first_error(built.output, submission));
        continue;
      }
      bool cancelled = false;
      reports[step.name] = run_step(submission, step, binary, env, {}, cancelled);
    }
    const auto ordered = in_step_order(reports);
    write_report_files(out / name, name, ordered);
    const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::cerr << fmt::format("[{}/{}] {}: {}/{} in {:.1f} s\n", i + 1, folders.size(), name, passed_count(ordered),
                             ordered.size(), seconds);
    csv += fmt::format("{},{},{}", csv_field(name), passed_count(ordered), ordered.size());
    for (const auto& report : ordered) csv += "," + std::string(backprop::to_string(report.state));
    csv += '\n';
  }
  std::ofstream(out / "grades.csv") << csv;
  std::cout << csv << '\n'
            << "Written: " << shown(out / "grades.csv") << ", and each submission's report.jsonl, junit.xml and "
            << "summary.md in " << shown(out) << "/<submission>/\n";
  return 0;
}

}  // namespace kata
