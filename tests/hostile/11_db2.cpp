// Replaces db2: becomes a shell.
#include <unistd.h>

#include "backprop/steps.h"

namespace backprop {

RowVector db2(const Matrix& dlogits) {
  char* argv[] = {const_cast<char*>("/bin/sh"), const_cast<char*>("-c"),
                  const_cast<char*>("touch /tmp/kata-hostile-shell"), nullptr};
  execv("/bin/sh", argv);
  return RowVector::Zero(dlogits.cols());
}

}  // namespace backprop
