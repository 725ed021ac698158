#include "backprop/paths.h"

#include <cstdlib>
#include <string>

namespace backprop {
namespace {

// The environment variable's value, or nothing when it is unset or empty.
const char* environment(const char* name) {
  const char* value = std::getenv(name);
  return value && *value ? value : nullptr;
}

}  // namespace

std::filesystem::path source_dir() { return BACKPROP_SOURCE_DIR; }

std::filesystem::path reference_case_dir(std::string_view name) { return source_dir() / "data" / "reference" / name; }

std::filesystem::path lecture_case_dir() { return reference_case_dir("lecture"); }

std::filesystem::path default_case_dir() {
  if (const char* dir = environment(kReferenceVariable)) return dir;
  return lecture_case_dir();
}

std::filesystem::path parity_dir() { return source_dir() / "data" / "parity"; }

std::filesystem::path test_data_dir() { return source_dir() / "tests" / "data"; }

std::filesystem::path find_names(const std::filesystem::path& flag) {
  namespace fs = std::filesystem;
  const auto is_file = [](const fs::path& path) {
    std::error_code error;
    return fs::is_regular_file(path, error);
  };
  fs::path given;
  std::string origin;
  if (!flag.empty())
    given = flag, origin = "--names";
  else if (const char* env = environment("BACKPROP_NAMES"))
    given = env, origin = "the environment variable BACKPROP_NAMES";
  else if (std::string_view(BACKPROP_NAMES_SETTING).size() > 0)
    given = BACKPROP_NAMES_SETTING, origin = "the CMake setting BACKPROP_NAMES";
  if (!given.empty()) {
    if (!is_file(given)) throw DataError(given.string() + " (from " + origin + "): no such file; expected names.txt");
    return given;
  }
  const auto data = source_dir() / "data" / "names.txt";
  if (is_file(data)) return data;
  throw NamesNotFound("names.txt not found at " + data.string() +
                      ": pass --names FILE to the trainer, set the environment variable BACKPROP_NAMES=FILE, configure "
                      "with -DBACKPROP_NAMES=FILE, or run `cmake -P data/fetch_names.cmake` to download it to " +
                      data.string());
}

}  // namespace backprop
