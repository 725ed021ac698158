// With Clang, the steps' precompiled header holds this after steps.h (CMakeLists.txt says when):
// Eigen's matrix products, instantiated once there rather than at every save of a step that
// multiplies matrices (dh, dW2, dembcat, dW1), which then compiles in 0.5 s instead of 0.8 to 1.1 s
// (docs/speed.md).
#pragma once

#include "backprop/tensor.h"

namespace backprop::pch {

// Never called. The product of two matrices returned as a Matrix, each operand transposed or not:
// every layout a step's product can have, so that the header names no step's answer.
inline void products(const Matrix& a, const Matrix& b) {
  [[maybe_unused]] Matrix ab = a * b;
  [[maybe_unused]] Matrix abT = a * b.transpose();
  [[maybe_unused]] Matrix aTb = a.transpose() * b;
  [[maybe_unused]] Matrix aTbT = a.transpose() * b.transpose();
}

}  // namespace backprop::pch
