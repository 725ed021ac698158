// A runner: one learner's step in a program of its own, which a judge starts confined and feeds
// (judge.h). It links the step's file, this folder's main and entry.cpp, compiled for that step
// with KATA_STEP set to its function's name, and nothing of the judge: no reference case, no report.
#pragma once

#include <vector>

#include "backprop/tensor.h"
#include "wire.h"

namespace kata::runner {

// The step's gradient of the inputs, given in the order of its parameters (entry.cpp).
backprop::Matrix call_step(const std::vector<wire::Tensor>& inputs);

}  // namespace kata::runner
