#include "judge.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <cstring>

#include "confine.h"

namespace kata {
namespace {

// A pipe whose ends are closed when it goes, unless handed on.
struct Pipe {
  int read = -1, write = -1;
  Pipe() {
    int fds[2];
    if (::pipe(fds) == 0) {
      read = fds[0];
      write = fds[1];
    }
  }
  ~Pipe() {
    close_read();
    close_write();
  }
  Pipe(const Pipe&) = delete;
  Pipe& operator=(const Pipe&) = delete;
  bool ok() const { return read >= 0; }
  void close_read() {
    if (read >= 0) ::close(read);
    read = -1;
  }
  void close_write() {
    if (write >= 0) ::close(write);
    write = -1;
  }
};

// An empty folder of its own for one runner to stand in, removed when the runner has ended.
class EmptyFolder {
 public:
  EmptyFolder() {
    const char* tmp = std::getenv("TMPDIR");
    auto pattern = std::string(tmp != nullptr && *tmp != '\0' ? tmp : "/tmp") + "/kata-runner-XXXXXX";
    if (::mkdtemp(pattern.data()) != nullptr) path_ = pattern;
  }
  ~EmptyFolder() {
    if (!path_.empty()) ::rmdir(path_.c_str());
  }
  EmptyFolder(const EmptyFolder&) = delete;
  EmptyFolder& operator=(const EmptyFolder&) = delete;
  // "/" when no folder could be made: the runner opens nothing either way.
  const char* path() const { return path_.empty() ? "/" : path_.c_str(); }

 private:
  std::string path_;
};

// What the child says when it cannot become the runner, as the first words of its stderr.
const std::string kCannotStart = "cannot start ", kNotConfined = "cannot confine the runner: ";

// In the forked child: the runner's fds, folder and limits, its confinement, then the runner. Only
// what is safe after fork in a single-threaded judge.
[[noreturn]] void become_runner(const std::filesystem::path& runner, int input, int answer, int printed,
                                const char* folder, double seconds) {
  const int null = ::open("/dev/null", O_RDONLY);
  // Moved above the fds they go to first, so that no dup2 overwrites one still needed.
  const int moved_input = ::fcntl(input, F_DUPFD, 10), moved_answer = ::fcntl(answer, F_DUPFD, 10),
            moved_printed = ::fcntl(printed, F_DUPFD, 10), moved_null = ::fcntl(null, F_DUPFD, 10);
  ::dup2(moved_null, STDIN_FILENO);
  ::dup2(moved_printed, STDOUT_FILENO);
  ::dup2(moved_printed, STDERR_FILENO);
  ::dup2(moved_input, wire::kInputFd);
  ::dup2(moved_answer, wire::kAnswerFd);
  close_fds_from(wire::kAnswerFd + 1);
  if (::chdir(folder) != 0) _exit(126);
  const rlim_t cpu = static_cast<rlim_t>(std::ceil(seconds)) + 1;
  const rlimit cpu_limit{cpu, cpu + 1}, none{0, 0};
  ::setrlimit(RLIMIT_CPU, &cpu_limit);
  ::setrlimit(RLIMIT_CORE, &none);
  ::setrlimit(RLIMIT_FSIZE, &none);
  limit_memory();
  const std::string path = runner.string();
  if (const auto why = confine(); !why.empty()) {
    const auto message = kNotConfined + why + "\n";
    (void)!::write(STDERR_FILENO, message.data(), message.size());
    _exit(125);
  }
  char* argv[] = {const_cast<char*>(path.c_str()), nullptr};
  char* envp[] = {nullptr};
  ::execve(path.c_str(), argv, envp);
  const auto message = kCannotStart + path + ": " + std::strerror(errno) + "\n";
  (void)!::write(STDERR_FILENO, message.data(), message.size());
  _exit(127);
}

void set_nonblocking(int fd) { ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK); }

}  // namespace

RunnerResult run_runner(const std::filesystem::path& runner, const std::string& inputs, double seconds) {
  RunnerResult result;
  Pipe input, answer, printed;
  if (!input.ok() || !answer.ok() || !printed.ok()) {
    result.start_error = std::string("cannot make a pipe: ") + std::strerror(errno);
    return result;
  }
  const EmptyFolder folder;
  const pid_t pid = ::fork();
  if (pid < 0) {
    result.start_error = std::string("cannot start a process: ") + std::strerror(errno);
    return result;
  }
  if (pid == 0) become_runner(runner, input.read, answer.write, printed.write, folder.path(), seconds);
  input.close_read();
  answer.close_write();
  printed.close_write();
  set_nonblocking(input.write);
  // SIGPIPE would end the judge when a runner exits before reading its inputs.
  ::signal(SIGPIPE, SIG_IGN);

  using clock = std::chrono::steady_clock;
  const auto deadline =
      clock::now() + std::chrono::duration_cast<clock::duration>(std::chrono::duration<double>(seconds));
  std::string answer_bytes;
  std::size_t sent = 0;
  if (inputs.empty()) input.close_write();
  char buffer[1 << 16];
  // Reads one ready pipe into `into` (up to `limit` bytes, the rest read and dropped); false at its end.
  const auto drain = [&](int fd, std::string& into, std::size_t limit, bool* cut) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0) return errno == EINTR || errno == EAGAIN;
    const auto kept = std::min(static_cast<std::size_t>(n), limit - std::min(limit, into.size()));
    into.append(buffer, kept);
    if (cut != nullptr && kept < static_cast<std::size_t>(n)) *cut = true;
    return n > 0;
  };
  // Until both output pipes close: the runner has ended (it cannot have started another process).
  while (answer.read >= 0 || printed.read >= 0) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - clock::now()).count();
    if (left <= 0) {
      result.timed_out = true;
      break;
    }
    std::array<pollfd, 3> fds{{{answer.read, POLLIN, 0}, {printed.read, POLLIN, 0}, {input.write, POLLOUT, 0}}};
    if (::poll(fds.data(), fds.size(), static_cast<int>(std::min<long long>(left, 100))) < 0 && errno != EINTR) break;
    if (fds[0].revents != 0 && !drain(answer.read, answer_bytes, 1u << 30, nullptr)) answer.close_read();
    if (fds[1].revents != 0 && !drain(printed.read, result.printed, kPrintedLimit, &result.printed_cut))
      printed.close_read();
    if (fds[2].revents & (POLLERR | POLLHUP)) input.close_write();
    if (fds[2].revents & POLLOUT) {
      const ssize_t n = ::write(input.write, inputs.data() + sent, inputs.size() - sent);
      if (n > 0) sent += static_cast<std::size_t>(n);
      if ((n < 0 && errno != EAGAIN && errno != EINTR) || sent == inputs.size()) input.close_write();
    }
  }
  ::kill(pid, SIGKILL);  // at the limit; otherwise it has ended already, or is about to
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status) && !result.timed_out) result.signal = WTERMSIG(status);
  if (answer_bytes.empty() && (result.printed.starts_with(kCannotStart) || result.printed.starts_with(kNotConfined)))
    result.start_error = result.printed;
  result.answer = wire::decode_answer(answer_bytes);
  result.garbled = !answer_bytes.empty() && !result.answer;
  return result;
}

}  // namespace kata
