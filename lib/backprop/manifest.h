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
  std::string output;   // the tensor it returns the gradient of, e.g. "dcounts"
  std::string forward;  // the forward line it differentiates

  // Its files follow from number and name, so steps.json does not list them.
  std::string stem() const;  // "05_dcounts"
  std::string file() const;  // "05_dcounts.cpp", in exercises/, solutions/ and tests/
  std::string note() const;  // "docs/steps/05_dcounts.md"
};

// What a learner does about a step that is not done or not right, in every program's messages:
// "edit exercises/05_dcounts.cpp (read docs/steps/05_dcounts.md)".
std::string edit_message(const Step& step);

// Every step, in order.
const std::vector<Step>& steps();
// The step with this name or number ("dcounts", "5" or "05"), or nullptr.
const Step* find_step(std::string_view name_or_number);

}  // namespace backprop
