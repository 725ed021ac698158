// names.txt, for the tests that read it; without it the test fails saying every way to provide it.
#pragma once

#include <filesystem>

#include "backprop/names.h"
#include "catch.h"

inline std::filesystem::path names_file() {
  try {
    return backprop::find_names("");
  } catch (const backprop::DataError& e) {
    FAIL(e.what());
  }
  return {};
}
