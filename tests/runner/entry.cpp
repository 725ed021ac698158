// The one line that differs between runners: which step they call. Compiled once per step, with
// KATA_STEP defined as the step's function name (tests/CMakeLists.txt).
#include <stdexcept>
#include <string>
#include <utility>

#include "backprop/steps.h"
#include "runner.h"

#ifndef KATA_STEP
#error "KATA_STEP must name the step's function, e.g. -DKATA_STEP=dcounts"
#endif

namespace kata::runner {
namespace {

using backprop::ColVector;
using backprop::IndexMatrix;
using backprop::IndexVector;
using backprop::Matrix;
using backprop::RowVector;

template <typename Value>
const std::vector<Value>& values_of(const wire::Tensor& tensor) {
  const auto* values = std::get_if<std::vector<Value>>(&tensor.values);
  if (values == nullptr) throw std::runtime_error("the judge sent an input of the wrong type");
  return *values;
}

// An input as the parameter's type: the judge sends each in the shape the parameter has.
template <typename Parameter>
Parameter from_wire(const wire::Tensor& tensor) {
  using Value = typename Parameter::Scalar;
  const auto& values = values_of<Value>(tensor);
  if constexpr (Parameter::IsVectorAtCompileTime) {
    if ((Parameter::RowsAtCompileTime == 1 ? tensor.rows : tensor.cols) != 1)
      throw std::runtime_error("the judge sent a matrix for a vector");
    return Eigen::Map<const Parameter>(values.data(), static_cast<Eigen::Index>(values.size()));
  } else {
    return Eigen::Map<const Parameter>(values.data(), tensor.rows, tensor.cols);
  }
}

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
