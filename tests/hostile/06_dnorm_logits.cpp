// Replaces dnorm_logits: allocates 50 GiB and touches it.
#include <vector>

#include "backprop/steps.h"

namespace backprop {

Matrix dnorm_logits(const Matrix& counts, const Matrix&) {
  std::vector<float> huge(std::size_t{50} << 28, 1.0f);
  return Matrix::Constant(counts.rows(), counts.cols(), huge.back());
}

}  // namespace backprop
