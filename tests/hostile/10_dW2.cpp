// Replaces dW2: writes into the grader's home folder.
#include <cstdlib>
#include <fstream>
#include <string>

#include "backprop/steps.h"

namespace backprop {

Matrix dW2(const Matrix& h, const Matrix& dlogits) {
  const char* home = std::getenv("HOME");
  std::ofstream(std::string(home != nullptr ? home : "/root") + "/kata-hostile-was-here") << "hello\n";
  return Matrix::Zero(h.cols(), dlogits.cols());
}

}  // namespace backprop
