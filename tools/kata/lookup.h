// Finding the step a learner means: by name or number, with a suggestion for a near miss.
#pragma once

#include <string>
#include <vector>

#include "backprop/exit_status.h"
#include "backprop/manifest.h"

namespace kata {

// A command line kata cannot act on: it exits with backprop::kExitUsage.
using backprop::UsageError;

// The step named or numbered so; throws UsageError naming the closest names when there is none.
const backprop::Step& step_named(const std::string& name);

// The names of every step, in order.
std::vector<std::string> all_step_names();

}  // namespace kata
