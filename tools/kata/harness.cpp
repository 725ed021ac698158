#include "harness.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/file.h>
#include <unistd.h>

#include <cstring>
#include <fstream>
#include <iostream>
#include <regex>
#include <sstream>

#include "process.h"

namespace kata {
namespace {

using backprop::State;

// Holds the build tree's lock file while it lives: kata run and kata watch never build at once
// (two ninjas writing one object file make the link fail with nonsense).
class BuildLock {
 public:
  explicit BuildLock(const std::filesystem::path& build_dir) {
    std::filesystem::create_directories(build_dir);
    fd_ = open((build_dir / "kata.lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0 || flock(fd_, LOCK_EX | LOCK_NB) == 0) return;
    std::cerr << "Waiting for the other kata in this build tree (a watch?) to finish its check..." << std::endl;
    while (flock(fd_, LOCK_EX) != 0 && errno == EINTR && !interrupted()) {
    }
  }
  ~BuildLock() {
    if (fd_ >= 0) close(fd_);
  }
  BuildLock(const BuildLock&) = delete;
  BuildLock& operator=(const BuildLock&) = delete;

 private:
  int fd_ = -1;
};

// ninja's output cut into what each failed or chatty build edge printed.
struct Edge {
  std::string failed;  // the outputs after "FAILED: ", empty for an edge that only printed
  std::string text;    // what its command printed, without the command line
};

std::vector<Edge> edges_of(const std::string& log) {
  static const std::regex progress(R"(^\[\d+/\d+\] )");
  std::vector<Edge> edges;
  std::istringstream lines(log);
  std::string line;
  bool command_line = false;
  while (std::getline(lines, line)) {
    if (std::regex_search(line, progress)) {
      edges.push_back({});
    } else if (line.rfind("FAILED: ", 0) == 0) {
      auto outputs = line.substr(8);
      outputs.erase(outputs.find_last_not_of(' ') + 1);  // ninja ends the line with a space
      edges.push_back({outputs, ""});
      command_line = true;  // ninja prints the failed command next
    } else if (line.rfind("ninja: ", 0) == 0) {
      edges.push_back({});
    } else if (command_line) {
      command_line = false;
    } else {
      if (edges.empty()) edges.push_back({});
      edges.back().text += line + '\n';
    }
  }
  return edges;
}

// The step a build output belongs to: its object (step_05_dcounts.dir/) or its binary (steps/05_dcounts).
const backprop::Step* step_of(const std::string& outputs) {
  for (const auto& step : backprop::steps())
    if (outputs.find("/step_" + step.stem() + ".dir/") != std::string::npos ||
        outputs.ends_with("steps/" + step.stem()))
      return &step;
  return nullptr;
}

}  // namespace

std::string first_error(const std::string& text, const Paths& paths) {
  static const std::regex compiler(R"(^(.*):(\d+):\d+: (?:fatal )?error: (.*)$)");
  static const std::regex linker(R"((undefined reference to .*|undefined symbol: .*)$)");
  // GNU as, on an asm() statement: its file is a temporary one, so only the message helps.
  static const std::regex assembler(R"(: Error: (.*)$)");
  std::istringstream lines(text);
  std::string line;
  std::smatch match;
  while (std::getline(lines, line)) {
    if (std::regex_search(line, match, compiler)) {
      auto file = std::filesystem::path(match[1].str()).lexically_proximate(paths.root).string();
      return fmt::format("{}:{}: {}", file, match[2].str(), match[3].str());
    }
    if (std::regex_search(line, match, linker)) return "does not link: " + match[1].str();
    if (std::regex_search(line, match, assembler)) return "the assembler: " + match[1].str();
  }
  return "the build of this step failed";
}

std::string trimmed(const std::string& text, const Paths& paths, std::size_t limit) {
  const auto prefix = (paths.root.lexically_normal() / "").string();
  std::istringstream lines(text);
  std::string line, kept;
  for (std::size_t n = 0; std::getline(lines, line);) {
    for (auto at = line.find(prefix); at != std::string::npos; at = line.find(prefix, at))
      line.erase(at, prefix.size());
    if (++n > limit) {
      kept += "...\n";
      break;
    }
    kept += line + '\n';
  }
  return kept;
}

backprop::StepReport report_of(const backprop::Step& step, const Paths& paths, State state, std::string error) {
  auto report = backprop::started_report(step);
  report.file = paths.tree + "/" + step.file();
  report.state = state;
  report.error = std::move(error);
  return report;
}

backprop::StepReport run_step(const Paths& paths, const backprop::Step& step, const std::filesystem::path& runners,
                              std::map<std::string, std::string> env, const std::function<bool()>& cancel,
                              bool& cancelled) {
  const auto report_file = paths.build_dir / fmt::format("kata-report-{}.jsonl", getpid());
  std::filesystem::remove(report_file);
  env[backprop::kReportVariable] = report_file.string();
  env[backprop::kRunnersVariable] = runners.string();
  env[backprop::kTimeLimitVariable] = fmt::format("{:g}", paths.time_limit);
  const auto judge = paths.judge().string();
  const auto tests = run_process({judge, step.name}, env, {paths.judge_limit(), cancel});
  std::ifstream lines(report_file);
  auto found = backprop::read_reports(lines, report_file.string());
  lines.close();
  std::filesystem::remove(report_file);
  cancelled = tests.cancelled;
  if (tests.timed_out)
    return report_of(
        step, paths, State::timed_out,
        fmt::format("stopped after {:g} s: an endless loop? (kata --time-limit sets the limit)", paths.time_limit));
  const auto it = found.find(step.name);
  if (it == found.end())
    throw std::runtime_error(fmt::format("{} {} ran no step test (exit status {}); it printed:\n{}", judge, step.name,
                                         tests.exit_code, tests.output));
  auto report = it->second;
  report.file = paths.tree + "/" + step.file();
  // A crashed report that says nothing is the judge's own, written before it ran the step.
  if (report.state == State::crashed && report.error.empty())
    report.error = tests.signal ? fmt::format("its judge died of signal {} ({})", tests.signal, strsignal(tests.signal))
                                : "its judge stopped in this step:\n" + tests.output;
  return report;
}

std::string Paths::kata_command() const {
  const auto kata = build_dir / "kata";
  const auto relative = kata.lexically_proximate(std::filesystem::current_path());
  const auto shown = relative.empty() || *relative.begin() == ".." ? kata : relative;
  return shown.has_parent_path() ? shown.string() : "./" + shown.string();
}

Outcome check(const Paths& paths, const Request& request) {
  Outcome outcome;
  BuildLock lock(paths.build_dir);
  std::vector<const backprop::Step*> steps;
  for (const auto& name : request.steps) steps.push_back(backprop::find_step(name));
  // A missing file stops ninja before it builds anything: leave its step out of the build.
  std::vector<std::string> targets;
  for (const auto* step : steps) {
    if (std::filesystem::exists(paths.root / paths.tree / step->file())) {
      targets.push_back(step->stem());
      continue;
    }
    outcome.steps[step->name] = report_of(*step, paths, State::does_not_compile,
                                          fmt::format("{}/{} is missing: {} reset {} puts the shipped stub back",
                                                      paths.tree, step->file(), paths.kata_command(), step->name));
  }
  if (paths.build && !targets.empty()) {
    targets.push_back(paths.judge().filename().string());
    // -k 0: a step that does not compile stops only its own binary.
    std::vector<std::string> command{paths.cmake, "--build", paths.build_dir.string(), "--target"};
    command.insert(command.end(), targets.begin(), targets.end());
    command.insert(command.end(), {"--", "-k", "0"});
    const auto build = run_process(command, {}, {0, request.cancel});
    if (build.cancelled) {
      outcome.cancelled = true;
      return outcome;
    }
    bool other_failure = false;
    for (const auto& edge : edges_of(build.output)) {
      const auto* step = step_of(edge.failed.empty() ? edge.text : edge.failed);
      if (edge.failed.empty()) {
        // A successful edge that printed: warnings on a learner's file, shown once with its step.
        for (const auto& s : backprop::steps())
          if (edge.text.find("/" + paths.tree + "/" + s.file() + ":") != std::string::npos)
            outcome.messages[s.name] += trimmed(edge.text, paths, 12);
        continue;
      }
      if (!step) {
        other_failure = true;
        continue;
      }
      outcome.steps[step->name] = report_of(*step, paths, State::does_not_compile, first_error(edge.text, paths));
      outcome.messages[step->name] = trimmed(edge.text, paths, 30);
    }
    if (other_failure || (!build.ok() && outcome.steps.empty())) {
      outcome.built = false;
      outcome.build_log = trimmed(build.output, paths, 200);
      return outcome;
    }
  }
  for (const auto* step : steps) {
    if (outcome.steps.count(step->name)) continue;
    const auto binary = paths.steps_dir / step->stem();
    std::error_code error;
    const auto built_at = std::filesystem::last_write_time(binary, error);
    if (error) throw std::runtime_error(fmt::format("{} is not built: run kata without --no-build", binary.string()));
    if (!paths.build && std::filesystem::last_write_time(paths.root / paths.tree / step->file()) > built_at)
      outcome.stale.push_back(step->name);
    if (request.earlier) {
      const auto it = request.earlier->find(step->name);
      if (it != request.earlier->end() && it->second.first == built_at) {
        outcome.steps[step->name] = it->second.second;
        continue;
      }
    }
    bool cancelled = false;
    auto report = run_step(paths, *step, paths.steps_dir, {}, request.cancel, cancelled);
    if (cancelled) {
      outcome.cancelled = true;
      return outcome;
    }
    if (request.earlier) (*request.earlier)[step->name] = {built_at, report};
    outcome.steps[step->name] = std::move(report);
  }
  if (request.chain) {
    bool exercise1 = true;
    for (const auto& step : backprop::steps())
      if (step.exercise == 1 && outcome.steps.count(step.name))
        exercise1 = exercise1 && outcome.steps.at(step.name).state == State::passed;
    if (exercise1) {
      const std::map<std::string, std::string> env{
          {backprop::kRunnersVariable, paths.steps_dir.string()},
          {backprop::kTimeLimitVariable, fmt::format("{:g}", paths.time_limit)}};
      // The chain runs every step of exercise 1 once: the limit of one step's judge, for each of them.
      const auto run =
          run_process({paths.judge().string(), "[chain]"}, env, {paths.judge_limit() * 13, request.cancel});
      outcome.cancelled = run.cancelled;
      outcome.chain = run.timed_out ? "stopped: the chain ran past its time limit\n" : run.output;
    }
  }
  return outcome;
}

}  // namespace kata
