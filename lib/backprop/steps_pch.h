// The steps' precompiled header holds this after steps.h (CMakeLists.txt): Eigen's matrix products,
// instantiated once there rather than at every save of a step that multiplies matrices (dh, dW2,
// dembcat, dW1). With Clang such a save compiles in 0.5 s instead of 0.8 to 1.1 s (docs/speed.md).
#pragma once

#include "backprop/tensor.h"

// Clang instantiates a precompiled header's templates in the header itself (CMake passes
// -fpch-instantiate-templates). GCC would instantiate them again in every step that includes it,
// one without a product too: step 5 took 2.4 s instead of 0.9 s.
#if defined(__clang__)
namespace backprop::pch {

// Never called. A linear layer's three products, as a step returns them: the forward h @ W2, the
// input's gradient dlogits @ W2.T, and the weight's h.T @ dlogits.
inline void products(const Matrix& a, const Matrix& b) {
  [[maybe_unused]] Matrix forward = a * b;
  [[maybe_unused]] Matrix input_gradient = a * b.transpose();
  [[maybe_unused]] Matrix weight_gradient = a.transpose() * b;
}

}  // namespace backprop::pch
#endif
