// Landlock: what a process and its children may do to the file system, set by the process itself
// without privileges (Linux 5.13 and later, where the kernel enables it). kata grade compiles each
// submission under it, so that no #include or .incbin of a submitted file reads what it should not
// (the held-out case, the solutions) or writes outside the submission's scratch folder.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace kata {

struct FileAccess {
  std::filesystem::path path;  // a folder (and all below it) or one file
  bool write = false;          // read and execute only, unless set
};

// Landlock's version on this kernel, or 0 when it has none.
int landlock_version();

// Restricts this process, for good, to the paths given; "" on success, else why not. Meant for a
// forked child before it execs: it allocates nothing.
std::string restrict_files_to(const std::vector<FileAccess>& allowed);

}  // namespace kata
