// With Clang, the steps' precompiled header holds this after steps.h (CMakeLists.txt says when):
// Eigen's matrix products, instantiated once there rather than at every save of a step that
// multiplies matrices (dh, dW2, dembcat, dW1), which then compiles in 0.5 s instead of 0.8 to 1.1 s
// (docs/speed.md).
#pragma once

#include "backprop/tensor.h"

namespace backprop::pch {

// Never called. A linear layer's three products, as a step returns them: the forward h @ W2, the
// input's gradient dlogits @ W2.T, and the weight's h.T @ dlogits.
inline void products(const Matrix& a, const Matrix& b) {
  [[maybe_unused]] Matrix forward = a * b;
  [[maybe_unused]] Matrix input_gradient = a * b.transpose();
  [[maybe_unused]] Matrix weight_gradient = a.transpose() * b;
}

}  // namespace backprop::pch
