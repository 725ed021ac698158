#include "harness.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/file.h>
#include <unistd.h>

#include <cstring>
#include <fstream>
#include <iostream>
#include <optional>
#include <regex>
#include <sstream>

#include "ninja.h"
#include "process.h"
#include "targets.h"
#include "verdicts.h"

namespace kata {
namespace {

using backprop::State;

// Holds the build tree's lock file while it lives: kata run and kata watch never build at once
// (two ninjas writing one object file make the link fail with nonsense).
class BuildLock {
 public:
  explicit BuildLock(const std::filesystem::path& build_dir) {
    std::filesystem::create_directories(build_dir);
    const auto file = build_dir / "kata.lock";
    fd_ = open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0)
      throw std::runtime_error(fmt::format("cannot open {}, which keeps two katas from building at once: {}",
                                           file.string(), std::strerror(errno)));
    if (flock(fd_, LOCK_EX | LOCK_NB) == 0) return;
    std::cerr << "Waiting for the other kata in this build tree (a watch?) to finish its check..." << std::endl;
    while (flock(fd_, LOCK_EX) != 0 && errno == EINTR && !interrupted()) {
    }
  }
  ~BuildLock() { close(fd_); }
  BuildLock(const BuildLock&) = delete;
  BuildLock& operator=(const BuildLock&) = delete;

 private:
  int fd_ = -1;
};

}  // namespace

std::string first_error(const std::string& text, const Settings& settings) {
  static const std::regex compiler(R"(^(.*):(\d+):\d+: (?:fatal )?error: (.*)$)");
  static const std::regex linker(R"((undefined reference to .*|undefined symbol: .*)$)");
  // GNU as, on an asm() statement: its file is a temporary one, so only the message helps.
  static const std::regex assembler(R"(: Error: (.*)$)");
  std::istringstream lines(text);
  std::string line;
  std::smatch match;
  while (std::getline(lines, line)) {
    if (std::regex_search(line, match, compiler)) {
      auto file = std::filesystem::path(match[1].str()).lexically_proximate(settings.root).string();
      return fmt::format("{}:{}: {}", file, match[2].str(), match[3].str());
    }
    if (std::regex_search(line, match, linker)) return "does not link: " + match[1].str();
    if (std::regex_search(line, match, assembler)) return "the assembler: " + match[1].str();
  }
  return "the build of this step failed";
}

std::string short_messages(const std::string& text, const Settings& settings, std::size_t limit) {
  const auto prefix = (settings.root.lexically_normal() / "").string();
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

backprop::StepReport report_of(const backprop::Step& step, const Settings& settings, State state, std::string error) {
  auto report = backprop::started_report(step);
  report.file = settings.tree + "/" + step.file();
  report.state = state;
  report.error = std::move(error);
  return report;
}

backprop::StepReport run_step(const Settings& settings, const backprop::Step& step,
                              const std::filesystem::path& runners, std::map<std::string, std::string> env,
                              const std::function<bool()>& cancel, bool& cancelled) {
  const auto report_file = settings.build_dir / fmt::format("kata-report-{}.jsonl", getpid());
  std::filesystem::remove(report_file);
  env.merge(judge_environment(settings, runners));
  env[backprop::kReportVariable] = report_file.string();
  const auto judge = settings.judge().string();
  const auto tests = run_process({judge, step.name}, env, {settings.judge_limit(), cancel});
  std::ifstream lines(report_file);
  auto found = backprop::read_reports(lines, report_file.string());
  lines.close();
  std::filesystem::remove(report_file);
  cancelled = tests.cancelled;
  if (tests.timed_out)
    return report_of(
        step, settings, State::timed_out,
        fmt::format("stopped after {:g} s: an endless loop? (kata --time-limit sets the limit)", settings.time_limit));
  const auto it = found.find(step.name);
  if (it == found.end())
    throw std::runtime_error(fmt::format("{} {} ran no step test (exit status {}); it printed:\n{}", judge, step.name,
                                         tests.exit_code, tests.output));
  auto report = it->second;
  report.file = settings.tree + "/" + step.file();
  // A crashed report that says nothing is the judge's own, written before it ran the step.
  if (report.state == State::crashed && report.error.empty())
    report.error = tests.signal ? fmt::format("its judge died of signal {} ({})", tests.signal, strsignal(tests.signal))
                                : "its judge stopped in this step:\n" + tests.output;
  return report;
}

std::map<std::string, std::string> judge_environment(const Settings& settings, const std::filesystem::path& runners) {
  return {{backprop::kRunnersVariable, runners.string()},
          {backprop::kTimeLimitVariable, fmt::format("{:g}", settings.time_limit)}};
}

std::string Settings::kata_command() const {
  const auto kata = build_dir / "kata";
  const auto relative = kata.lexically_proximate(std::filesystem::current_path());
  const auto shown = relative.empty() || *relative.begin() == ".." ? kata : relative;
  return shown.has_parent_path() ? shown.string() : "./" + shown.string();
}

namespace {

// The steps whose file is missing, each reported with how to get it back: a missing file stops the
// build tool before it builds anything, so they are left out of the build.
void report_missing(const Settings& settings, const std::vector<const backprop::Step*>& steps, CheckResult& result) {
  for (const auto* step : steps)
    if (!std::filesystem::exists(settings.root / settings.tree / step->file()))
      result.steps[step->name] =
          report_of(*step, settings, State::does_not_compile,
                    fmt::format("{}/{} is missing: {} reset {} puts the shipped stub back", settings.tree, step->file(),
                                settings.kata_command(), step->name));
}

// Builds the runners of the steps not yet reported, and the judge; reports the steps that do not
// compile, and keeps the warnings on the learner's files. False when the check cannot go on.
bool build_steps(const Settings& settings, const Request& request, const std::vector<const backprop::Step*>& steps,
                 CheckResult& result) {
  const auto built = read_build_targets(settings.build_dir);
  std::vector<std::string> targets{built.judge.target};
  for (const auto* step : steps)
    if (!result.steps.count(step->name)) targets.push_back(built.steps.at(step->stem()).target);
  const auto build = run_process(build_command(settings.ninja, settings.build_dir, targets), {}, {0, request.cancel});
  result.cancelled = build.cancelled;
  if (build.cancelled) return false;
  bool other_failure = false, step_failure = false;
  for (const auto& edge : edges_of(build.output)) {
    if (edge.failed.empty()) {
      // A successful edge that printed: warnings on a learner's file, shown once with its step.
      for (const auto& s : backprop::steps())
        if (edge.text.find("/" + settings.tree + "/" + s.file() + ":") != std::string::npos)
          result.messages[s.name] += short_messages(edge.text, settings, 12);
    } else if (const auto* step = built.step_built_as(edge.failed, settings.build_dir)) {
      result.steps[step->name] = report_of(*step, settings, State::does_not_compile, first_error(edge.text, settings));
      result.messages[step->name] = short_messages(edge.text, settings, 30);
      step_failure = true;
    } else {
      other_failure = true;
    }
  }
  result.built = !other_failure && (build.ok() || step_failure);
  if (!result.built) result.build_log = short_messages(build.output, settings, 200);
  return result.built;
}

// Runs the judge on one built step, unless a verdict of an identical run is at hand: the watch's
// last (`earlier`, by the runner's time) or the last run's (`saved`).
std::optional<backprop::StepReport> judge_step(const Settings& settings, const Request& request,
                                               const backprop::Step& step, SavedVerdicts& saved, CheckResult& result) {
  const auto binary = settings.steps_dir / step.stem();
  std::error_code error;
  const auto built_at = std::filesystem::last_write_time(binary, error);
  if (error) throw std::runtime_error(fmt::format("{} is not built: run kata without --no-build", binary.string()));
  if (!settings.build && std::filesystem::last_write_time(settings.root / settings.tree / step.file()) > built_at)
    result.stale.push_back(step.name);
  if (request.earlier) {
    const auto it = request.earlier->find(step.name);
    if (it != request.earlier->end() && it->second.first == built_at) return it->second.second;
  }
  // Only the build tree's own runners have saved verdicts (--steps-dir points elsewhere).
  const bool own_runners = settings.steps_dir == settings.build_dir / "steps";
  const auto stamp = own_runners ? SavedVerdicts::stamp(settings, step) : "";
  if (const auto last = request.reuse_saved && own_runners ? saved.find(step, stamp) : std::nullopt) {
    result.from_last_run.push_back(step.name);
    return last;
  }
  bool cancelled = false;
  auto report = run_step(settings, step, settings.steps_dir, request.env, request.cancel, cancelled);
  if (cancelled) return std::nullopt;
  if (request.earlier) (*request.earlier)[step.name] = {built_at, report};
  if (own_runners) saved.save(step, stamp, report);
  return report;
}

// The chain test's figures, once every step of exercise 1 passes.
void run_chain(const Settings& settings, const Request& request, CheckResult& result) {
  for (const auto& step : backprop::steps())
    if (step.exercise == 1 && result.steps.count(step.name) && result.steps.at(step.name).state != State::passed)
      return;
  // The chain runs every step of exercise 1 once: the limit of one step's judge, for each of them.
  const auto run = run_process({settings.judge().string(), "[chain]"}, judge_environment(settings, settings.steps_dir),
                               {settings.judge_limit() * 13, request.cancel});
  result.cancelled = run.cancelled;
  result.chain = run.timed_out ? "stopped: the chain ran past its time limit\n" : run.output;
}

}  // namespace

std::optional<std::string> build_failure(const Settings& settings, const std::vector<std::string>& targets) {
  BuildLock lock(settings.build_dir);
  auto build = run_process(build_command(settings.ninja, settings.build_dir, targets));
  if (build.ok()) return std::nullopt;
  return std::move(build.output);
}

CheckResult check_steps(const Settings& settings, const Request& request) {
  CheckResult result;
  BuildLock lock(settings.build_dir);
  std::vector<const backprop::Step*> steps;
  for (const auto& name : request.steps) steps.push_back(backprop::find_step(name));
  report_missing(settings, steps, result);
  if (settings.build && result.steps.size() < steps.size() && !build_steps(settings, request, steps, result))
    return result;
  SavedVerdicts saved(settings.build_dir);
  for (const auto* step : steps) {
    if (result.steps.count(step->name)) continue;
    auto report = judge_step(settings, request, *step, saved, result);
    if (!report) {
      result.cancelled = true;
      return result;
    }
    result.steps[step->name] = std::move(*report);
  }
  if (request.chain) run_chain(settings, request, result);
  return result;
}

}  // namespace kata
