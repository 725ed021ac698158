// Replaces dhpreact: asks to be traced, the first move of reaching into another process.
#include <sys/ptrace.h>

#include "backprop/steps.h"

namespace backprop {

Matrix dhpreact(const Matrix& h, const Matrix&) {
  ptrace(PTRACE_TRACEME, 0, nullptr, nullptr);
  return Matrix::Zero(h.rows(), h.cols());
}

}  // namespace backprop
