// The one place Catch2 is included. The tests are written against Catch2 v3 (Debian 13, Ubuntu
// 24.04, Fedora, Homebrew); on v2 (Debian 12, Ubuntu 22.04) this header supplies the v3 names
// they use. CMake defines BACKPROP_CATCH2_MAJOR from the version it found.
#pragma once

#include <iostream>
#include <string>

#if BACKPROP_CATCH2_MAJOR >= 3
#include <catch2/catch_test_macros.hpp>
#include <catch2/catch_version_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>
#else
#include <catch2/catch.hpp>

namespace Catch::Matchers {
inline StdString::ContainsMatcher ContainsSubstring(const std::string& text) { return Contains(text); }
}  // namespace Catch::Matchers
#endif

// Ends the running test as skipped, saying why. ctest knows a skip by the printed line, which
// must match the test's SKIP_REGULAR_EXPRESSION. Catch2 3.3 and later count the test as skipped
// themselves; older ones have no skip, so for them the test fails and only ctest says skipped.
#if BACKPROP_CATCH2_MAJOR > 3 || (BACKPROP_CATCH2_MAJOR == 3 && CATCH_VERSION_MINOR >= 3)
#define BACKPROP_END_TEST_SKIPPED(message) SKIP(message)
#else
#define BACKPROP_END_TEST_SKIPPED(message) FAIL(message)
#endif
#define BACKPROP_SKIP(message)          \
  do {                                  \
    std::cout << message << '\n';       \
    BACKPROP_END_TEST_SKIPPED(message); \
  } while (false)
