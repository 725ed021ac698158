// kata reset: the stub of a step as shipped, found in the source tree's git history.
#include <fmt/format.h>

#include <iostream>
#include <optional>
#include <sstream>

#include "backprop/exit_status.h"
#include "backprop/files.h"
#include "commands.h"
#include "formats.h"
#include "lookup.h"
#include "process.h"

namespace kata {
namespace {

// The stub of a step as shipped: the newest committed version of its file in exercises/ that
// still throws NotDone. A learner's own commits of a finished step are skipped that way, and a
// stub that the project updated is found at its latest version.
struct Shipped {
  std::string commit, text;
};

std::optional<Shipped> shipped_stub(const Settings& settings, const backprop::Step& step) {
  const auto path = "exercises/" + step.file();
  const auto log = run_process({"git", "-C", settings.root.string(), "log", "--format=%H", "--", path});
  if (!log.ok()) return std::nullopt;
  std::istringstream commits(log.output);
  std::string commit;
  while (std::getline(commits, commit)) {
    const auto shown_file = run_process({"git", "-C", settings.root.string(), "show", commit + ":" + path});
    if (shown_file.ok() && shown_file.output.find("throw NotDone(") != std::string::npos)
      return Shipped{commit, shown_file.output};
  }
  return std::nullopt;
}

}  // namespace

int command_reset(const Console& console, const Settings& settings, const backprop::Step& step, bool yes) {
  const auto file = settings.root / "exercises" / step.file();
  const auto stub = shipped_stub(settings, step);
  if (!stub) {
    std::cerr << fmt::format("kata: git history of {} has no stub of {} (a version that throws NotDone) to reset to\n",
                             shown(settings.root), step.name);
    return backprop::kExitFailure;
  }
  if (!std::filesystem::exists(file)) {
    // Nothing to lose, so nothing to ask.
    backprop::write_text(file, stub->text);
    console.out << console.green("Put back ") << shown(file) << " as shipped.\n";
    return 0;
  }
  const auto current = backprop::read_text(file);
  if (current == stub->text) {
    console.out << shown(file) << " is already as shipped.\n";
    return 0;
  }
  const auto backup = settings.build_dir / "kata-reset" / step.file();
  if (!yes) {
    if (!console.terminal.input)
      throw UsageError("reset asks before overwriting your work, and this is not a terminal: pass --yes");
    console.out << fmt::format("Put {} back as shipped in commit {}? Your version is kept in {}. [y/N] ", shown(file),
                               stub->commit.substr(0, 10), shown(backup))
                << std::flush;
    std::string answer;
    std::getline(std::cin, answer);
    if (answer != "y" && answer != "Y" && answer != "yes") {
      console.out << "Left as it is.\n";
      return 0;
    }
  }
  std::error_code error;
  std::filesystem::create_directories(backup.parent_path(), error);
  std::filesystem::copy_file(file, backup, std::filesystem::copy_options::overwrite_existing, error);
  backprop::write_text(file, stub->text);
  console.out << console.green("Reset ") << shown(file) << "; your version is in " << shown(backup) << '\n';
  return 0;
}

}  // namespace kata
