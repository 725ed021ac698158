// kata's view of a build tree: it learns each step's target, object and runner from the
// kata_targets.json CMake writes and each compile command from compile_commands.json, whatever
// they are named; and the status's saved verdicts hold only while what a verdict depends on holds.
#include <fmt/format.h>

#include <fstream>

#include "backprop/files.h"
#include "catch.h"
#include "formats.h"
#include "scratch_dir.h"
#include "targets.h"
#include "verdicts.h"

namespace {

namespace fs = std::filesystem;

// A kata_targets.json whose names are none of CMake's nor the manifest's: step 5's object and
// runner, named as CMake writes them (with "./"), and every other step's.
void write_targets(const fs::path& build) {
  std::string steps;
  for (const auto& step : backprop::steps())
    steps += fmt::format(
        R"({0}"{1}": {{"target": "t{2}", "object": "{3}/o/./{2}.obj", "runner": "{3}/r/{2}", "link": ["ld"],
                "debugger": {{"target": "d{2}", "file": "{3}/d/{2}"}}}})",
        steps.empty() ? "" : ",", step.stem(), step.number, build.string());
  backprop::write_text(build / "kata_targets.json", fmt::format(R"({{"judge": {{"target": "j", "file": "{0}/j"}},
                                   "trainer": {{"target": "t", "file": "{0}/t"}}, "steps": {{{1}}}}})",
                                                                build.string(), steps));
}

}  // namespace

TEST_CASE("kata finds a step's object and runner in a build log by kata_targets.json", "[kata]") {
  const ScratchDir build;
  write_targets(build.path);
  const auto targets = kata::read_build_targets(build.path);
  CHECK(targets.judge.target == "j");
  CHECK(targets.trainer.file == build.path / "t");
  CHECK(targets.steps.at("05_dcounts").target == "t5");
  CHECK(targets.steps.at("05_dcounts").debugger.target == "d5");
  CHECK(targets.steps.at("05_dcounts").debugger.file == build.path / "d/5");
  const auto* object = targets.step_built_as("o/5.obj", build.path);
  REQUIRE(object);
  CHECK(object->name == "dcounts");
  const auto* runner = targets.step_built_as("other r/12", build.path);
  REQUIRE(runner);
  CHECK(runner->number == 12);
  CHECK_FALSE(targets.step_built_as("CMakeFiles/step_05_dcounts.dir/exercises/05_dcounts.cpp.o", build.path));
}

TEST_CASE("kata says which file is missing or malformed in a build tree", "[kata]") {
  const ScratchDir build;
  CHECK_THROWS_WITH(kata::read_build_targets(build.path),
                    Catch::Matchers::ContainsSubstring("kata_targets.json is missing: configure"));
  backprop::write_text(build.path / "kata_targets.json", R"({"judge": {"target": "j"}})");
  CHECK_THROWS_WITH(kata::read_build_targets(build.path),
                    Catch::Matchers::ContainsSubstring("kata_targets.json is not as CMakeLists.txt writes it"));
}

TEST_CASE("kata takes a step's compile command by its object, not by its source alone", "[kata]") {
  const ScratchDir build;
  // The optimised steps compile the same source into another object.
  backprop::write_text(build.path / "compile_commands.json", fmt::format(R"([
    {{"directory": "{0}", "command": "c++ -O3 -o opt/5.o -c /src/05_dcounts.cpp", "file": "/src/05_dcounts.cpp"}},
    {{"directory": "{0}", "command": "c++ -g -o o/5.obj -c /src/05_dcounts.cpp", "file": "/src/05_dcounts.cpp"}}])",
                                                                         build.path.string()));
  CHECK(kata::compile_command(build.path, "/src/05_dcounts.cpp", build.path / "o/./5.obj") ==
        "c++ -g -o o/5.obj -c /src/05_dcounts.cpp");
  CHECK_THROWS_WITH(kata::compile_command(build.path, "/src/06_dnorm_logits.cpp", build.path / "o/6.obj"),
                    Catch::Matchers::ContainsSubstring("has no command that compiles /src/06_dnorm_logits.cpp"));
}

TEST_CASE("a saved verdict holds while the learner's file, the runner and the judge are unchanged", "[kata]") {
  const ScratchDir root;
  kata::Settings settings{root.path, "exercises", root.path / "build", root.path / "build" / "steps", "ninja"};
  fs::create_directories(settings.steps_dir);
  fs::create_directories(root.path / "exercises");
  const auto& step = *backprop::find_step("dcounts");
  for (const auto& file : {root.path / "exercises" / step.file(), settings.steps_dir / step.stem(), settings.judge()})
    backprop::write_text(file, "1");
  auto report = backprop::started_report(step);
  report.state = backprop::State::timed_out;
  const auto stamp = kata::SavedVerdicts::stamp(settings, step);
  kata::SavedVerdicts(settings.build_dir).save(step, stamp, report);

  const kata::SavedVerdicts saved(settings.build_dir);
  const auto found = saved.find(step, stamp);
  REQUIRE(found);
  CHECK(found->state == backprop::State::timed_out);
  CHECK_FALSE(saved.find(*backprop::find_step("dprobs"), stamp));
  backprop::write_text(settings.steps_dir / step.stem(), "a new runner");
  CHECK(kata::SavedVerdicts::stamp(settings, step) != stamp);
  settings.time_limit = 3;
  backprop::write_text(settings.steps_dir / step.stem(), "1");
  CHECK(kata::SavedVerdicts::stamp(settings, step) != stamp);
}
