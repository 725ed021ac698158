// Replaces dlogit_maxes: prints without end.
#include <iostream>

#include "backprop/steps.h"

namespace backprop {

ColVector dlogit_maxes(const Matrix&) {
  for (;;) std::cout << "all work and no play makes a dull step\n";
}

}  // namespace backprop
