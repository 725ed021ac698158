// Eigen's failed checks (eigen_assert, backprop/tensor.h). Eigen names its own header's line, which
// a learner cannot act on; a stack trace (Boost.Stacktrace, file and line from the debug info)
// finds the line of the checkout's code that called Eigen: "exercises/05_dcounts.cpp:12".
#include <algorithm>
#include <array>
#include <filesystem>
#include <string>
#include <string_view>

#include "backprop/paths.h"
#include "backprop/tensor.h"

#ifdef BACKPROP_HAVE_STACKTRACE
#include <boost/stacktrace.hpp>
#endif

namespace backprop {
namespace {

#ifdef BACKPROP_HAVE_STACKTRACE
// "backprop::dcounts(...)" for "backprop::dcounts(Eigen::Matrix<float, -1, 1, 0, -1, 1> const&, ...)":
// the file and line say more than the argument types. Parentheses inside <> or {} (a lambda's
// "{lambda(kata::Tensors const&)#1}"), of "operator()" and "(anonymous namespace)" are the name's.
std::string short_name(const std::string& name) {
  static const std::array<std::string_view, 2> parts{"operator()", "(anonymous namespace)"};
  int depth = 0;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const auto part =
        std::find_if(parts.begin(), parts.end(), [&](auto p) { return name.compare(i, p.size(), p) == 0; });
    if (part != parts.end()) {
      i += part->size() - 1;
    } else if (name[i] == '<' || name[i] == '{') {
      ++depth;
    } else if (name[i] == '>' || name[i] == '}') {
      --depth;
    } else if (name[i] == '(' && depth == 0) {
      return name.substr(0, i) + "(...)";
    }
  }
  return name;
}

// The frame's file relative to the checkout, or "" when it is outside (Eigen, the standard library).
std::filesystem::path in_checkout(const boost::stacktrace::frame& frame) {
  const auto file = std::filesystem::path(frame.source_file()).lexically_relative(source_dir());
  return file.empty() || *file.begin() == ".." ? std::filesystem::path() : file;
}

// Where the checkout's code called Eigen: the innermost frame in the checkout outside lib/ (the
// core, which includes this file), that is a step in exercises/ or solutions/, or a test, and its
// callers in the same folder. One line each, "  at exercises/05_dcounts.cpp:12 in backprop::dcounts(...)".
std::string where() {
  std::string lines;
  std::filesystem::path folder;
  for (const auto& frame : boost::stacktrace::stacktrace()) {
    const auto file = in_checkout(frame);
    const auto top = file.empty() ? std::filesystem::path() : *file.begin();
    if (folder.empty() && (top.empty() || top == "lib")) continue;
    if (!folder.empty() && top != folder) break;
    folder = top;
    lines += "\n  " + std::string(lines.empty() ? "at " : "called from ") + file.generic_string() + ":" +
             std::to_string(frame.source_line()) + " in " + short_name(frame.name());
  }
  return lines;
}
#else
std::string where() {
  return "\n  (for the line of your code that did this, install Boost.Stacktrace: libboost-stacktrace-dev, boost-devel "
         "or boost, as tools/install-deps.sh does; then configure again)";
}
#endif

}  // namespace

void eigen_check_failed(const char* condition, const char* file, int line) {
  throw EigenCheckFailed(std::string("Eigen check failed: ") + condition + " (" +
                         std::filesystem::path(file).filename().string() + ":" + std::to_string(line) + ")" + where());
}

}  // namespace backprop
