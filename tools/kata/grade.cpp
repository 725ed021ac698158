// kata grade: submissions graded on this build tree without touching it. Each submission's step
// files are copied into a scratch folder of its own and compiled there with the commands this build
// uses for those steps, by a ninja of the submission's own (-k 0, so that a step that does not
// compile costs only its own points), confined by Landlock to that folder and what the compile must
// read. Each runner is then judged by this build's judge, which alone reads the reference case.
#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <iostream>
#include <regex>
#include <sstream>

#include "backprop/exit_status.h"
#include "commands.h"
#include "formats.h"
#include "landlock.h"
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
  std::string entry;   // the runner's own object, which the link reads, relative to the build tree
};

// A step file larger than this is not compiled: no honest step is.
constexpr std::uintmax_t kLargestStepFile = 256 * 1024;

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
  build.entry = fmt::format("tests/CMakeFiles/{}.dir/runner/entry.cpp.o", step.stem());
  build.compile = only_command(paths, build.object);
  build.link = only_command(paths, build.binary);
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

// What a submission's compile may touch: the system's programs, headers and libraries, the parts
// of this build tree a step's compile and link read, and its scratch folder. Not the rest of this
// checkout (the solutions, the reference cases) nor wherever a held-out case is kept.
std::vector<FileAccess> compile_access(const Paths& paths, const std::vector<StepBuild>& builds,
                                       const fs::path& scratch) {
  std::vector<FileAccess> access{{"/usr"},  {"/lib"}, {"/lib64"}, {"/lib32"},          {"/bin"},
                                 {"/sbin"}, {"/etc"}, {"/opt"},   {"/dev/null", true}, {scratch, true}};
  access.push_back({paths.build_dir / "step_api"});
  access.push_back({paths.build_dir / "CMakeFiles" / "backprop_steps_pch.dir"});
  access.push_back({paths.build_dir / "tests" / "libbackprop_runner.a"});
  for (const auto& build : builds) access.push_back({paths.build_dir / build.entry});
  return access;
}

// The submission's build: one ninja edge per present step, compile then link, into scratch.
std::string ninja_file(const Paths& paths, const std::vector<StepBuild>& builds, const fs::path& sources,
                       const fs::path& scratch) {
  std::string text = "rule step\n  command = cd " + shell_quoted(paths.build_dir.string()) + " && $cmd\n";
  for (std::size_t s = 0; s < builds.size(); ++s) {
    const auto& step = backprop::steps()[s];
    const auto file = sources / step.file();
    if (!fs::exists(file)) continue;
    const auto binary = scratch / step.stem();
    const auto object = shell_quoted(binary.string() + ".o");
    auto compile = builds[s].compile, link = builds[s].link;
    replace_all(compile, builds[s].object, object);
    replace_all(compile, builds[s].source, shell_quoted(file.string()));
    replace_all(link, builds[s].object, object);
    replace_all(link, "-o " + builds[s].binary + " ", "-o " + shell_quoted(binary.string()) + " ");
    auto command = compile + " && " + link;
    replace_all(command, "$", "$$");
    text += "build " + step.stem() + ": step\n  cmd = " + command + "\n";
  }
  return text;
}

// The steps whose build failed, by ninja's "FAILED: 05_dcounts", with what the compiler said.
std::map<std::string, std::string> failed_steps(const std::string& log) {
  std::map<std::string, std::string> failed;
  std::istringstream lines(log);
  std::string line, current;
  static const std::regex edge(R"(^\[\d+/\d+\] )");
  while (std::getline(lines, line)) {
    if (line.rfind("FAILED: ", 0) == 0) {
      current = line.substr(8);
      current.erase(current.find_last_not_of(' ') + 1);
      std::getline(lines, line);  // the command
      continue;
    }
    if (std::regex_search(line, edge) || line.rfind("ninja: ", 0) == 0) {
      current.clear();
      continue;
    }
    if (!current.empty()) failed[current] += line + '\n';
  }
  return failed;
}

// One submission, built and judged in its scratch folder: a report per step.
std::vector<backprop::StepReport> grade_one(const Paths& paths, const std::vector<StepBuild>& builds,
                                            const fs::path& folder, const fs::path& scratch,
                                            const std::map<std::string, std::string>& env, int jobs) {
  fs::remove_all(scratch);
  const auto sources = scratch / "exercises";
  fs::create_directories(sources);
  // The submission's paths: reports and messages name its files, not the instructor's.
  Paths submission = paths;
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
  write_text(scratch / "build.ninja", ninja_file(paths, builds, sources, scratch));
  const auto access = compile_access(paths, builds, scratch);
  const auto built = run_process({KATA_NINJA, "-C", scratch.string(), "-k", "0", "-j", std::to_string(jobs)},
                                 {{"TMPDIR", scratch.string()}},
                                 {.seconds = 600, .in_child = [&] { return restrict_files_to(access); }});
  if (built.exit_code == 126 && built.output.starts_with("cannot confine")) throw std::runtime_error(built.output);
  const auto failed = failed_steps(built.output);
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

int command_grade(const Style& style, const Paths& paths, const std::vector<std::string>& given, const fs::path& out,
                  const std::string& reference_case, int jobs) {
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
  std::vector<std::string> targets{paths.cmake, "--build", paths.build_dir.string(), "--target"};
  for (const auto& step : backprop::steps()) targets.push_back(step.stem());
  targets.push_back(paths.judge().filename().string());
  if (const auto built = run_process(targets); !built.ok()) {
    std::cout << style.red("This build tree does not build") << "; grading needs it whole:\n"
              << trimmed(built.output, paths, 60);
    return backprop::kExitFailure;
  }
  std::vector<StepBuild> builds;
  for (const auto& step : backprop::steps()) builds.push_back(step_build(paths, step));
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
    const auto ordered = grade_one(paths, builds, folders[i], fs::absolute(out / name / "build"), env, jobs);
    write_report_files(out / name, name, ordered);
    const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::cerr << fmt::format("[{}/{}] {}: {}/{} in {:.1f} s          \n", i + 1, folders.size(), name,
                             passed_count(ordered), ordered.size(), seconds);
    csv += fmt::format("{},{},{}", csv_field(name), passed_count(ordered), ordered.size());
    for (const auto& report : ordered) csv += "," + std::string(backprop::to_string(report.state));
    csv += '\n';
  }
  write_text(out / "grades.csv", csv);
  std::cout << csv << '\n'
            << "Written: " << shown(out / "grades.csv") << ", and each submission's report.jsonl, junit.xml and "
            << "summary.md in " << shown(out) << "/<submission>/\n";
  return 0;
}

}  // namespace kata
