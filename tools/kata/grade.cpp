// kata grade: submissions graded on this build tree without touching it. Each submission's step
// files are copied into a scratch folder of its own and compiled there with the commands this build
// uses for those steps (targets.h: compile_commands.json and the link CMake wrote), going on past a
// failed step (ninja.h), so that a step that does not compile costs only its own points, confined
// by Landlock to that folder and what the compile must read. Each runner is then judged by this
// build's judge, which alone reads the reference case.
#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <iostream>
#include <sstream>

#include "backprop/exit_status.h"
#include "backprop/files.h"
#include "commands.h"
#include "formats.h"
#include "landlock.h"
#include "lookup.h"
#include "ninja.h"
#include "process.h"
#include "targets.h"

namespace kata {
namespace {

using backprop::State;
namespace fs = std::filesystem;

// How one step is built in this build tree (targets.h), and the paths in its commands to replace.
struct StepBuild {
  std::string compile;  // compile_commands.json's, run in the build tree
  std::string object;   // the object as the compile command names it
  std::string source;   // the learner's file as the compile command names it
  StepTargets targets;  // the object and runner absolute, and the link command
};

// A step file larger than this is not compiled: no honest step is.
constexpr std::uintmax_t kLargestStepFile = 256 * 1024;

void replace_all(std::string& text, const std::string& from, const std::string& to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
}

StepBuild step_build(const Settings& settings, const BuildTargets& targets, const backprop::Step& step) {
  StepBuild build;
  build.targets = targets.steps.at(step.stem());
  build.source = (settings.root / settings.tree / step.file()).string();
  build.compile = compile_command(settings.build_dir, build.source, build.targets.object);
  build.object = build.targets.object.lexically_proximate(settings.build_dir).string();
  // A learner's warnings never fail a step, whatever CI setting the build tree was made with.
  replace_all(build.compile, " -Werror", "");
  return build;
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

// The folders a compile command reads headers from: -I, -isystem, and -include's (with its
// precompiled form beside it). Clang's precompiled header comes as -Xclang -include-pch -Xclang
// <file>: the words after each -Xclang are read as if given to the driver.
std::vector<fs::path> include_folders(const std::string& compile) {
  std::istringstream words(compile);
  std::vector<fs::path> folders;
  std::string word, option;
  while (words >> word) {
    if (word == "-Xclang") continue;
    if (option == "-include" || option == "-include-pch") folders.push_back(fs::path(word).parent_path());
    if (option == "-I" || option == "-isystem") folders.push_back(word);
    if (word.starts_with("-I") && word.size() > 2) folders.push_back(word.substr(2));
    option = word;
  }
  return folders;
}

// What a submission's compile may touch: the system's programs, headers and libraries, the parts
// of this build tree a step's compile and link read, and its scratch folder. Not the rest of this
// checkout (the solutions, the reference cases, this tree's own step objects) nor wherever a
// held-out case is kept.
std::vector<FileAccess> compile_access(const std::vector<StepBuild>& builds, const fs::path& scratch) {
  std::vector<FileAccess> access{{"/usr"},  {"/lib"}, {"/lib64"}, {"/lib32"},          {"/bin"},
                                 {"/sbin"}, {"/etc"}, {"/opt"},   {"/dev/null", true}, {scratch, true}};
  for (const auto& build : builds) {
    for (const auto& folder : include_folders(build.compile)) access.push_back({folder});
    for (const auto& word : build.targets.link) {
      const auto path = fs::path(word).lexically_normal();
      if (path.is_absolute() && path != build.targets.object && path != build.targets.runner) access.push_back({path});
    }
  }
  return access;
}

// The submission's commands, by runner: compile then link each present step, into scratch.
std::map<std::string, std::string> step_commands(const std::vector<StepBuild>& builds, const fs::path& sources,
                                                 const fs::path& scratch) {
  std::map<std::string, std::string> commands;
  for (std::size_t s = 0; s < builds.size(); ++s) {
    const auto& step = backprop::steps()[s];
    const auto file = sources / step.file();
    if (!fs::exists(file)) continue;
    const auto binary = scratch / step.stem();
    const auto object = binary.string() + ".o";
    auto compile = builds[s].compile;
    replace_all(compile, " -o " + builds[s].object + " ", " -o " + shell_quoted(object) + " ");
    replace_all(compile, builds[s].source, shell_quoted(file.string()));
    std::string link;
    for (const auto& word : builds[s].targets.link) {
      const auto path = fs::path(word).lexically_normal();
      const auto replaced = path == builds[s].targets.object   ? object
                            : path == builds[s].targets.runner ? binary.string()
                                                               : word;
      link += (link.empty() ? "" : " ") + shell_quoted(replaced);
    }
    commands[step.stem()] = compile + " && " + link;
  }
  return commands;
}

// One submission, built and judged in its scratch folder: a report per step.
std::vector<backprop::StepReport> grade_one(const Settings& settings, const std::vector<StepBuild>& builds,
                                            const fs::path& folder, const fs::path& scratch,
                                            const std::map<std::string, std::string>& env, int jobs) {
  fs::remove_all(scratch);
  const auto sources = scratch / "exercises";
  fs::create_directories(sources);
  // The submission's settings: reports and messages name its files, not the instructor's.
  Settings submission = settings;
  submission.root = folder.parent_path();
  submission.tree = folder.filename().string();
  submission.build_dir = scratch;
  std::map<std::string, backprop::StepReport> reports;
  for (const auto& step : backprop::steps()) {
    const auto file = folder / step.file();
    std::error_code error;
    if (!fs::is_regular_file(file, error)) {
      reports[step.name] = report_of(step, submission, State::does_not_compile, step.file() + " is missing");
    } else if (fs::file_size(file) > kLargestStepFile) {
      reports[step.name] =
          report_of(step, submission, State::does_not_compile,
                    fmt::format("{} is over {} KiB: not compiled", step.file(), kLargestStepFile / 1024));
    } else {
      fs::copy_file(file, sources / step.file());
    }
  }
  const auto access = compile_access(builds, scratch);
  const auto built = run_commands(scratch, settings.build_dir, step_commands(builds, sources, scratch), jobs,
                                  {{"TMPDIR", scratch.string()}},
                                  {.seconds = 600, .in_child = [&] { return restrict_files_to(access); }});
  if (built.exit_code == 126 && built.output.starts_with("cannot confine")) throw std::runtime_error(built.output);
  std::map<std::string, std::string> failed;  // by runner: what its compile or link printed
  for (const auto& edge : edges_of(built.output))
    if (!edge.failed.empty()) failed[edge.failed] += edge.text;
  for (const auto& step : backprop::steps()) {
    if (reports.count(step.name)) continue;
    const auto it = failed.find(step.stem());
    if (it != failed.end() || !fs::exists(scratch / step.stem())) {
      const auto said = it != failed.end() ? it->second : built.output;
      auto text = said;
      replace_all(text, (sources / "").string(), (folder / "").string());
      reports[step.name] = report_of(step, submission, State::does_not_compile, first_error(text, submission));
      continue;
    }
    bool cancelled = false;
    reports[step.name] = run_step(submission, step, scratch, env, {}, cancelled);
  }
  return in_step_order(reports);
}

}  // namespace

int command_grade(const Console& console, const Settings& settings, const std::vector<std::string>& given,
                  const fs::path& out, const std::string& reference_case, int jobs) {
  std::vector<fs::path> folders;
  for (const auto& path : given) folders.push_back(steps_folder(path));
  if (landlock_version() == 0)
    throw std::runtime_error(
        "kata grade compiles each submission confined by Landlock, which this kernel lacks (Linux 5.13 or later with "
        "Landlock enabled): a submitted #include could otherwise read any file you can");
  if (!KATA_RUNNERS_CONFINED)
    throw std::runtime_error(fmt::format(
        "this build tree's runners may read files (built {}), so a submission could read the reference case: grade "
        "with the solutions preset's build, on Linux with static libraries (docs/instructor.md)",
        KATA_SANITIZED ? "with the sanitizers" : "without static libraries or seccomp"));
  std::cerr << "Building this tree's runners and judge first..." << std::endl;
  const auto targets = read_build_targets(settings.build_dir);
  std::vector<std::string> names{targets.judge.target};
  for (const auto& step : backprop::steps()) names.push_back(targets.steps.at(step.stem()).target);
  if (const auto built = run_process(build_command(settings.ninja, settings.build_dir, names)); !built.ok()) {
    console.out << console.red("This build tree does not build") << "; grading needs it whole:\n"
                << short_messages(built.output, settings, 60);
    return backprop::kExitFailure;
  }
  std::vector<StepBuild> builds;
  for (const auto& step : backprop::steps()) builds.push_back(step_build(settings, targets, step));
  std::map<std::string, std::string> env;
  if (!reference_case.empty()) env[backprop::kReferenceVariable] = fs::absolute(reference_case).string();

  fs::create_directories(out);
  std::string csv = "submission,passed,total";
  for (const auto& step : backprop::steps()) csv += "," + step.stem();
  csv += '\n';
  for (std::size_t i = 0; i < folders.size(); ++i) {
    const auto start = std::chrono::steady_clock::now();
    const auto name = submission_name(folders[i]);
    std::cerr << fmt::format("[{}/{}] {}: building and judging its steps...\r", i + 1, folders.size(), name)
              << std::flush;
    const auto ordered = grade_one(settings, builds, folders[i], fs::absolute(out / name / "build"), env, jobs);
    write_report_files(out / name, name, ordered);
    const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::cerr << fmt::format("[{}/{}] {}: {}/{} in {:.1f} s          \n", i + 1, folders.size(), name,
                             passed_count(ordered), ordered.size(), seconds);
    csv += fmt::format("{},{},{}", csv_field(name), passed_count(ordered), ordered.size());
    for (const auto& report : ordered) csv += "," + std::string(backprop::to_string(report.state));
    csv += '\n';
  }
  backprop::write_text(out / "grades.csv", csv);
  console.out << csv << '\n'
              << "Written: " << shown(out / "grades.csv") << ", and each submission's report.jsonl, junit.xml and "
              << "summary.md in " << shown(out) << "/<submission>/\n";
  return 0;
}

}  // namespace kata
