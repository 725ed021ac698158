// names.txt, for the tests that read it. Where none was given and data/names.txt is absent, as on a
// learner's machine that never fetched it, the test is skipped saying how to get it; a path given
// (BACKPROP_NAMES, as CI gives it) that is not a file fails the test.
#pragma once

#include <filesystem>

#include "backprop/names.h"
#include "backprop/paths.h"
#include "catch.h"

inline std::filesystem::path names_file() {
  try {
    return backprop::find_names("");
  } catch (const backprop::NamesNotFound& e) {
    BACKPROP_SKIP("names.txt skipped: " << e.what());
  } catch (const backprop::DataError& e) {
    FAIL(e.what());
  }
  return {};
}
