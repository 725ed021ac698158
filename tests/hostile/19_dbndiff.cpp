// Replaces dbndiff: aborts.
#include <cstdlib>

#include "backprop/steps.h"

namespace backprop {

Matrix dbndiff(const Matrix&, const RowVector&, const Matrix&, const Matrix&) { std::abort(); }

}  // namespace backprop
