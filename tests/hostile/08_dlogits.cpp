// Replaces dlogits: opens a network socket.
#include <sys/socket.h>

#include "backprop/steps.h"

namespace backprop {

Matrix dlogits(const Matrix& logits, const Matrix&, const ColVector&) {
  socket(AF_INET, SOCK_STREAM, 0);
  return Matrix::Zero(logits.rows(), logits.cols());
}

}  // namespace backprop
