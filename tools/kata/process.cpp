#include "process.h"

#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>

namespace kata {
namespace {

// Set by the SIGINT handler: the one piece of state a signal handler can share.
volatile std::sig_atomic_t interrupt_received = 0;

void on_interrupt(int) { interrupt_received = 1; }

// In a forked child: becomes argv[0], or says why it cannot and exits 127, as a shell does.
[[noreturn]] void exec_or_exit(const std::vector<std::string>& argv) {
  std::vector<char*> args;
  for (const auto& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  execvp(args[0], args.data());
  const std::string why = "cannot run " + argv[0] + ": " + std::strerror(errno) + "\n";
  (void)!write(STDERR_FILENO, why.data(), why.size());
  _exit(127);
}

}  // namespace

void catch_interrupt() {
  struct sigaction action {};
  action.sa_handler = on_interrupt;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;  // no SA_RESTART: a blocking poll() returns on Ctrl-C
  sigaction(SIGINT, &action, nullptr);
}

bool interrupted() { return interrupt_received != 0; }

namespace {

// In the forked child: its own process group, so that a stop reaches its children too; the pipe
// as its output; the variables; the confinement; then argv[0].
[[noreturn]] void start_child(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env,
                              const Limits& limits, const int pipe_fds[2]) {
  setpgid(0, 0);
  dup2(pipe_fds[1], STDOUT_FILENO);
  dup2(pipe_fds[1], STDERR_FILENO);
  close(pipe_fds[0]);
  close(pipe_fds[1]);
  for (const auto& [name, value] : env) setenv(name.c_str(), value.c_str(), 1);
  if (limits.in_child) {
    if (const auto why = limits.in_child(); !why.empty()) {
      const auto message = "cannot confine " + argv[0] + ": " + why + "\n";
      (void)!write(STDERR_FILENO, message.data(), message.size());
      _exit(126);
    }
  }
  exec_or_exit(argv);
}

// Reads the child's output until it closes the pipe, killing its group at the time limit, on a
// cancel or on Ctrl-C; after a kill, for one more second at most.
void read_output(pid_t pid, int fd, const Limits& limits, ProcessResult& result) {
  using clock = std::chrono::steady_clock;
  const auto deadline = clock::now() + std::chrono::duration_cast<clock::duration>(
                                           std::chrono::duration<double>(limits.seconds > 0 ? limits.seconds : 0));
  auto stopped_at = clock::time_point::max();
  const auto stop = [&](bool& why) {
    why = true;
    kill(-pid, SIGKILL);
    stopped_at = clock::now();
  };
  char buffer[4096];
  for (bool open = true; open;) {
    pollfd ready{fd, POLLIN, 0};
    const int events = poll(&ready, 1, 100);
    if (events > 0) {
      const ssize_t n = read(fd, buffer, sizeof buffer);
      if (n > 0 && result.output.size() < kOutputLimit)
        result.output.append(buffer, std::min(static_cast<std::size_t>(n), kOutputLimit - result.output.size()));
      open = n > 0 || (n < 0 && errno == EINTR);
    } else if (events < 0 && errno != EINTR) {
      break;
    }
    if (result.timed_out || result.cancelled) {
      if (clock::now() - stopped_at > std::chrono::seconds(1)) break;
      continue;
    }
    if (limits.seconds > 0 && clock::now() >= deadline)
      stop(result.timed_out);
    else if (interrupted() || (limits.cancel && limits.cancel()))
      stop(result.cancelled);
  }
}

}  // namespace

ProcessResult run_process(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env,
                          const Limits& limits) {
  ProcessResult result;
  int pipe_fds[2];
  if (argv.empty() || pipe(pipe_fds) != 0) {
    result.exit_code = 127;
    result.output = "cannot start a process: " + std::string(std::strerror(errno)) + "\n";
    return result;
  }
  const pid_t pid = fork();
  if (pid == 0) start_child(argv, env, limits, pipe_fds);
  close(pipe_fds[1]);
  if (pid < 0) {
    close(pipe_fds[0]);
    result.exit_code = 127;
    result.output = "cannot start " + argv[0] + ": " + std::strerror(errno) + "\n";
    return result;
  }
  setpgid(pid, pid);  // also here: whichever of parent and child runs first
  read_output(pid, pipe_fds[0], limits, result);
  close(pipe_fds[0]);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) result.signal = WTERMSIG(status);
  return result;
}

int run_attached(const std::vector<std::string>& argv) {
  const pid_t pid = fork();
  if (pid == 0) {
    exec_or_exit(argv);
  }
  if (pid < 0) return 127;
  // The child shares kata's terminal and gets Ctrl-C itself; kata waits for it to end.
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

std::string shell_quoted(const std::string& text) {
  std::string quoted = "'";
  for (const char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

}  // namespace kata
