// The one line that differs between runners: which step they call. Compiled once per step, with
// KATA_STEP defined as the step's function name (tests/CMakeLists.txt).
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "backprop/steps.h"
#include "runner.h"

#ifndef KATA_STEP
#error "KATA_STEP must name the step's function, e.g. -DKATA_STEP=dcounts"
#endif

namespace kata::runner {
namespace {

using backprop::Matrix;

template <typename Result, typename... Parameters, std::size_t... I>
Matrix call(Result (*step)(const Parameters&...), const std::vector<wire::Tensor>& inputs, std::index_sequence<I...>) {
  if (inputs.size() != sizeof...(Parameters))
    throw std::runtime_error("the judge sent " + std::to_string(inputs.size()) + " inputs for " +
                             std::to_string(sizeof...(Parameters)) + " parameters");
  return Matrix(step(from_wire<Parameters>(inputs[I])...));
}

template <typename Result, typename... Parameters>
Matrix call(Result (*step)(const Parameters&...), const std::vector<wire::Tensor>& inputs) {
  return call(step, inputs, std::index_sequence_for<Parameters...>{});
}

}  // namespace

Matrix call_step(const std::vector<wire::Tensor>& inputs) { return call(&backprop::KATA_STEP, inputs); }

}  // namespace kata::runner
