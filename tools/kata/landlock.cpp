#include "landlock.h"

#ifdef __linux__
#include <fcntl.h>
#include <linux/landlock.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#endif

namespace kata {

#if defined(__linux__) && defined(SYS_landlock_create_ruleset)

namespace {

constexpr __u64 kRead = LANDLOCK_ACCESS_FS_EXECUTE | LANDLOCK_ACCESS_FS_READ_FILE | LANDLOCK_ACCESS_FS_READ_DIR;
// What version 1 handles; later versions add refer (2) and truncate (3), handled when known.
constexpr __u64 kAllV1 = kRead | LANDLOCK_ACCESS_FS_WRITE_FILE | LANDLOCK_ACCESS_FS_REMOVE_DIR |
                         LANDLOCK_ACCESS_FS_REMOVE_FILE | LANDLOCK_ACCESS_FS_MAKE_CHAR | LANDLOCK_ACCESS_FS_MAKE_DIR |
                         LANDLOCK_ACCESS_FS_MAKE_REG | LANDLOCK_ACCESS_FS_MAKE_SOCK | LANDLOCK_ACCESS_FS_MAKE_FIFO |
                         LANDLOCK_ACCESS_FS_MAKE_BLOCK | LANDLOCK_ACCESS_FS_MAKE_SYM;
constexpr __u64 kFileOnly = LANDLOCK_ACCESS_FS_EXECUTE | LANDLOCK_ACCESS_FS_READ_FILE | LANDLOCK_ACCESS_FS_WRITE_FILE
#ifdef LANDLOCK_ACCESS_FS_TRUNCATE
                            | LANDLOCK_ACCESS_FS_TRUNCATE
#endif
    ;

__u64 handled(int version) {
  __u64 all = kAllV1;
#ifdef LANDLOCK_ACCESS_FS_REFER
  if (version >= 2) all |= LANDLOCK_ACCESS_FS_REFER;
#endif
#ifdef LANDLOCK_ACCESS_FS_TRUNCATE
  if (version >= 3) all |= LANDLOCK_ACCESS_FS_TRUNCATE;
#endif
  return all;
}

std::string why(const char* what) { return std::string(what) + ": " + std::strerror(errno); }

}  // namespace

int landlock_version() {
  const long version = ::syscall(SYS_landlock_create_ruleset, nullptr, 0, LANDLOCK_CREATE_RULESET_VERSION);
  return version > 0 ? static_cast<int>(version) : 0;
}

std::string restrict_files_to(const std::vector<FileAccess>& allowed) {
  const int version = landlock_version();
  if (version == 0) return "this kernel has no Landlock (Linux 5.13 or later, with Landlock enabled)";
  const __u64 all = handled(version);
  landlock_ruleset_attr attributes{};
  attributes.handled_access_fs = all;
  const int ruleset = static_cast<int>(::syscall(SYS_landlock_create_ruleset, &attributes, sizeof attributes, 0));
  if (ruleset < 0) return why("landlock_create_ruleset");
  for (const auto& access : allowed) {
    const int fd = ::open(access.path.c_str(), O_PATH | O_CLOEXEC);
    if (fd < 0) continue;  // a path that does not exist allows nothing
    struct stat info {};
    ::fstat(fd, &info);
    landlock_path_beneath_attr rule{};
    rule.parent_fd = fd;
    rule.allowed_access = access.write ? all : kRead;
    if (!S_ISDIR(info.st_mode)) rule.allowed_access &= kFileOnly;
    const long added = ::syscall(SYS_landlock_add_rule, ruleset, LANDLOCK_RULE_PATH_BENEATH, &rule, 0);
    ::close(fd);
    if (added != 0) return why(("landlock_add_rule " + access.path.string()).c_str());
  }
  if (::prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) return why("no_new_privs");
  if (::syscall(SYS_landlock_restrict_self, ruleset, 0) != 0) return why("landlock_restrict_self");
  ::close(ruleset);
  return "";
}

#else

int landlock_version() { return 0; }

std::string restrict_files_to(const std::vector<FileAccess>&) { return "Landlock is Linux's"; }

#endif

}  // namespace kata
