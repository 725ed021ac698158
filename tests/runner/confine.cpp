#include "confine.h"

#include <sys/resource.h>
#include <unistd.h>

#include <string_view>

#include "judge.h"

#if KATA_HAVE_SECCOMP
#include <fcntl.h>
#include <seccomp.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/syscall.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <memory>
#endif

namespace kata {

void close_fds_from(int first) {
#if defined(__linux__) && defined(SYS_close_range)
  if (::syscall(SYS_close_range, first, ~0U, 0) == 0) return;
#endif
  for (int fd = first, last = static_cast<int>(::sysconf(_SC_OPEN_MAX)); fd < last; ++fd) ::close(fd);
}

void limit_memory() {
#if !KATA_SANITIZED
  const rlim_t bytes = rlim_t{4} << 30;
  const rlimit limit{bytes, bytes};
  ::setrlimit(RLIMIT_AS, &limit);
#endif
}

bool runners_filtered() { return KATA_HAVE_SECCOMP; }
bool runners_open_nothing() { return KATA_HAVE_SECCOMP && KATA_RUNNER_STATIC; }

#if KATA_HAVE_SECCOMP

namespace {

// The calls honest code makes: memory, its own fds and signals, time, and ending.
constexpr int kAllowed[] = {
    SCMP_SYS(read),
    SCMP_SYS(write),
    SCMP_SYS(writev),
    SCMP_SYS(close),
    SCMP_SYS(fstat),
    SCMP_SYS(brk),
    SCMP_SYS(mmap),
    SCMP_SYS(munmap),
    SCMP_SYS(mremap),
    SCMP_SYS(mprotect),
    SCMP_SYS(madvise),
    SCMP_SYS(futex),
    SCMP_SYS(rt_sigaction),
    SCMP_SYS(rt_sigprocmask),
    SCMP_SYS(rt_sigreturn),
    SCMP_SYS(sigaltstack),
    SCMP_SYS(getpid),
    SCMP_SYS(gettid),
    SCMP_SYS(exit),
    SCMP_SYS(exit_group),
    SCMP_SYS(arch_prctl),
    SCMP_SYS(set_tid_address),
    SCMP_SYS(set_robust_list),
    SCMP_SYS(rseq),
    SCMP_SYS(getrandom),
    SCMP_SYS(clock_gettime),
    SCMP_SYS(clock_getres),
    SCMP_SYS(gettimeofday),
    SCMP_SYS(time),
    SCMP_SYS(nanosleep),
    SCMP_SYS(clock_nanosleep),
    SCMP_SYS(sched_yield),
    SCMP_SYS(uname),
    SCMP_SYS(restart_syscall),
    // The one exec that turns the judge's child into the runner. Any later one is harmless: what it
    // starts inherits this filter, cannot open its libraries, and gains no privilege.
    SCMP_SYS(execve),
};

// The calls a dynamically linked runner's loader and the sanitizers' runtime make as well.
constexpr int kAllowedWhenDynamic[] = {
    SCMP_SYS(pread64),
    SCMP_SYS(pipe),
    SCMP_SYS(pipe2),
    SCMP_SYS(lseek),
    SCMP_SYS(readlink),
    SCMP_SYS(readlinkat),
    SCMP_SYS(access),
    SCMP_SYS(faccessat),
    SCMP_SYS(faccessat2),
    SCMP_SYS(getdents64),
    SCMP_SYS(prctl),
    SCMP_SYS(personality),
    SCMP_SYS(sched_getaffinity),
    SCMP_SYS(getrlimit),
    SCMP_SYS(setrlimit),
    SCMP_SYS(prlimit64),
    SCMP_SYS(mincore),
    SCMP_SYS(getppid),
    SCMP_SYS(statfs),
    SCMP_SYS(newfstatat),
    SCMP_SYS(stat),
    SCMP_SYS(lstat),
    SCMP_SYS(getcwd),
    SCMP_SYS(ioctl),
    SCMP_SYS(fcntl),
    SCMP_SYS(dup),
};

std::string failed(const char* what, int code) { return std::string(what) + ": " + std::strerror(-code); }

struct Kind {
  std::string_view what;
  std::initializer_list<std::string_view> calls;
};
// What a denied call was for, in the verdict's words. Calls of these kinds (but the file-system
// look-ups) trap, so that the verdict can name them; any other call not allowed fails with ENOSYS, as
// on a kernel without it, since a newer C library's start-up may try calls this list does not know.
const Kind kKinds[] = {
    {"open a file", {"open", "openat", "openat2", "creat", "open_by_handle_at", "name_to_handle_at"}},
    {"change a file or folder", {"unlink", "unlinkat", "rename",   "renameat", "renameat2", "mkdir",    "mkdirat",
                                 "rmdir",  "link",     "linkat",   "symlink",  "symlinkat", "truncate", "ftruncate",
                                 "chmod",  "fchmod",   "fchmodat", "chown",    "fchown",    "fchownat", "lchown"}},
    {"use the network",
     {"socket", "socketpair", "connect", "bind", "listen", "accept", "accept4", "sendto", "sendmsg", "recvfrom",
      "recvmsg"}},
    {"start a process or a thread", {"fork", "vfork", "clone", "clone3"}},
    {"signal another process", {"kill", "tkill", "tgkill", "pidfd_send_signal", "pidfd_open"}},
    {"reach into another process", {"ptrace", "process_vm_readv", "process_vm_writev"}},
    {"look at the file system",
     {"stat", "lstat", "newfstatat", "statx", "access", "faccessat", "faccessat2", "readlink", "readlinkat",
      "getdents64", "chdir", "fchdir", "getcwd"}},
};

// A condition on argument `index` of a call: libseccomp's SCMP_A0..5 are C compound literals.
scmp_arg_cmp argument(unsigned index, scmp_compare op, scmp_datum_t a, scmp_datum_t b = 0) {
  return {.arg = index, .op = op, .datum_a = a, .datum_b = b};
}

// An allow rule that cannot be added (a call this architecture lacks) only leaves the call trapped.
void allow(scmp_filter_ctx ctx, int call) { seccomp_rule_add(ctx, SCMP_ACT_ALLOW, call, 0); }

}  // namespace

std::string confine() {
  if (::prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) return std::string("no_new_privs: ") + std::strerror(errno);
  const std::unique_ptr<void, void (*)(scmp_filter_ctx)> filter(seccomp_init(SCMP_ACT_ERRNO(ENOSYS)), seccomp_release);
  if (!filter) return "seccomp_init failed";
  auto* ctx = filter.get();
  for (const int call : kAllowed) allow(ctx, call);
  // The kinds a verdict names trap: SIGSYS, which the runner reports with the call's number. A
  // dynamic runner's read-only opens are allowed below instead.
  for (const auto& kind : kKinds) {
    if (kind.what == "look at the file system" || (kind.what == "signal another process")) continue;
    for (const auto name : kind.calls) {
      if (!KATA_RUNNER_STATIC && (name == "open" || name == "openat")) continue;
      const int call = seccomp_syscall_resolve_name(std::string(name).c_str());
      if (call != __NR_SCMP_ERROR) seccomp_rule_add(ctx, SCMP_ACT_TRAP, call, 0);
    }
  }
  // Signals to itself only: abort() raises SIGABRT with tgkill(its pid, ...).
  const auto self = static_cast<scmp_datum_t>(::getpid());
  int code = 0;
  for (const int call : {SCMP_SYS(tgkill), SCMP_SYS(kill), SCMP_SYS(tkill)}) {
    code = code ? code : seccomp_rule_add(ctx, SCMP_ACT_ALLOW, call, 1, argument(0, SCMP_CMP_EQ, self));
    code = code ? code : seccomp_rule_add(ctx, SCMP_ACT_TRAP, call, 1, argument(0, SCMP_CMP_NE, self));
  }
  if (code != 0) return failed("seccomp_rule_add", code);
  if (KATA_RUNNER_STATIC) {
    // fstat as glibc makes it (newfstatat on an fd, empty path); isatty; reading its stack limit;
    // the static start-up's look at /proc/self/exe gets ENOSYS, as every call not allowed.
    code = seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(newfstatat), 1,
                            argument(3, SCMP_CMP_MASKED_EQ, AT_EMPTY_PATH, AT_EMPTY_PATH));
    code = code ? code : seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(ioctl), 1, argument(1, SCMP_CMP_EQ, TCGETS));
    code = code ? code : seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(prlimit64), 1, argument(2, SCMP_CMP_EQ, 0));
  } else {
    for (const int call : kAllowedWhenDynamic) allow(ctx, call);
    // Files opened for reading only: the loader's libraries, the sanitizers' /proc/self/maps.
    const auto read_only = argument(1, SCMP_CMP_MASKED_EQ, O_ACCMODE | O_CREAT | O_TRUNC, O_RDONLY);
    code = seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(openat), 1,
                            argument(2, SCMP_CMP_MASKED_EQ, O_ACCMODE | O_CREAT | O_TRUNC, O_RDONLY));
    code = code ? code : seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(open), 1, read_only);
  }
  if (code != 0) return failed("seccomp_rule_add", code);
  if ((code = seccomp_load(ctx)) != 0) return failed("seccomp_load", code);
  return "";
}

std::string denied_call_words(int number) {
  std::unique_ptr<char, void (*)(void*)> name(seccomp_syscall_resolve_num_arch(SCMP_ARCH_NATIVE, number), std::free);
  const std::string call = name ? name.get() : "system call " + std::to_string(number);
  for (const auto& kind : kKinds)
    for (const auto candidate : kind.calls)
      if (candidate == call) return std::string(kind.what) + " (" + call + ")";
  return "make the system call " + call;
}

#else

std::string confine() { return ""; }

std::string denied_call_words(int number) { return "make system call " + std::to_string(number); }

#endif

}  // namespace kata
