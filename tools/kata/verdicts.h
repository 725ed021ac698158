// The verdicts of the last run, kept in the build tree (kata-verdicts.json), so that `kata` shows
// a step's verdict again without running it when nothing it depends on has changed: the learner's
// file, the runner, the judge, the reference case and the time limit. A learner's convenience only:
// a step's runner could write this file where it runs unconfined, so kata grade and kata report
// never read it.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include "backprop/report.h"
#include "harness.h"

namespace kata {

class SavedVerdicts {
 public:
  // Reads <build_dir>/kata-verdicts.json; a missing or unreadable file holds no verdicts.
  explicit SavedVerdicts(std::filesystem::path build_dir);
  // What a verdict of `step` depends on, in one string: equal strings, the same verdict.
  static std::string stamp(const Settings& settings, const backprop::Step& step);
  // The verdict saved with this stamp, if any.
  std::optional<backprop::StepReport> find(const backprop::Step& step, const std::string& stamp) const;
  // Keeps a verdict and writes the file at once.
  void save(const backprop::Step& step, const std::string& stamp, const backprop::StepReport& report);

 private:
  std::filesystem::path file_;
  std::map<std::string, std::pair<std::string, std::string>> saved_;  // by step: stamp, report line
};

}  // namespace kata
