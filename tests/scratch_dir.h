// A folder of the test's own under the system's temporary folder, removed with everything in it
// when the test ends. mkdtemp makes the name unique, so two tests, two ctest jobs or two builds
// running at once never share one.
#pragma once

#include <stdlib.h>  // mkdtemp (POSIX)

#include <filesystem>
#include <stdexcept>
#include <string>
#include <system_error>

class ScratchDir {
 public:
  const std::filesystem::path path = make();

  ScratchDir() = default;
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  ~ScratchDir() {
    std::error_code ignored;  // a destructor must not throw; the system cleans its temporary folder
    std::filesystem::remove_all(path, ignored);
  }

 private:
  static std::filesystem::path make() {
    std::string name = (std::filesystem::temp_directory_path() / "backprop-ninja-XXXXXX").string();
    if (!mkdtemp(name.data())) throw std::system_error(errno, std::generic_category(), "mkdtemp " + name);
    return name;
  }
};
