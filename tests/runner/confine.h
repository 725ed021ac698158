// The runner's confinement, applied in the judge's forked child just before it becomes the runner
// (judge.cpp). Linux: seccomp; elsewhere the separate process, empty environment and folder only.
#pragma once

#include <string>

namespace kata {

// Closes every fd from `first` up.
void close_fds_from(int first);
// Caps the address space, so that a step allocating without end throws std::bad_alloc. Not under
// AddressSanitizer, which reserves terabytes of it.
void limit_memory();
// No new privileges and the seccomp filter; "" on success, else why it failed.
std::string confine();

}  // namespace kata
