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

// An input as a parameter of the step's type: the judge sends each in the shape the parameter has.
// Defined in main.cpp for the five tensor types, once for every runner, so that each runner's
// entry.cpp compiles only its own call: a quarter less of a cold build's 28 compiles of it.
template <typename Parameter>
Parameter from_wire(const wire::Tensor& tensor);
extern template backprop::Matrix from_wire(const wire::Tensor&);
extern template backprop::RowVector from_wire(const wire::Tensor&);
extern template backprop::ColVector from_wire(const wire::Tensor&);
extern template backprop::IndexMatrix from_wire(const wire::Tensor&);
extern template backprop::IndexVector from_wire(const wire::Tensor&);

}  // namespace kata::runner
