// steps.json, the single list of the kata's steps, as compiled into every program that needs it.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "backprop/paths.h"  // source_dir()

namespace backprop {

struct Step {
  int number = 0;
  std::string name;     // the function to write, e.g. "dcounts"
  int exercise = 0;     // the lecture's exercise: 1 (step by step), 2 (cross-entropy), 3 (BatchNorm)
  std::string file;     // "05_dcounts.cpp", in exercises/, solutions/ and tests/
  std::string note;     // "docs/steps/05_dcounts.md"
  std::string output;   // the tensor it returns the gradient of, e.g. "dcounts"
  std::string forward;  // the forward line it differentiates
  std::string hint;
};

// Every step, in order.
const std::vector<Step>& steps();
// The step with this name or number ("dcounts", "5" or "05"), or nullptr.
const Step* find_step(std::string_view name_or_number);

}  // namespace backprop
