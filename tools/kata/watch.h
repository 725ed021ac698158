// Waiting for the learner to save a file: inotify on Linux, or polling modification times once a
// second where inotify is unavailable (macOS, some container and network file systems) or not wanted.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>

namespace kata {

class Watcher {
 public:
  // Watches the files directly inside dir; polls instead of using inotify when poll is true or
  // when inotify cannot be set up.
  Watcher(std::filesystem::path dir, bool poll);
  ~Watcher();
  Watcher(const Watcher&) = delete;
  Watcher& operator=(const Watcher&) = delete;

  bool polling() const { return inotify_fd_ < 0; }
  // Blocks until files change, then returns their names once the burst of writes an editor makes
  // has settled; nothing once Ctrl-C (SIGINT) was pressed.
  std::optional<std::set<std::string>> wait();
  // Whether a file changed since wait() last returned, without blocking: a check in flight asks,
  // to give way to the newer save. What it saw, the next wait() returns at once.
  bool saw_change();

 private:
  std::set<std::string> changed_by_polling();
  std::set<std::string> read_inotify(int timeout_ms);

  std::filesystem::path dir_;
  int inotify_fd_ = -1;
  std::map<std::string, std::pair<std::filesystem::file_time_type, std::uintmax_t>> seen_;
  std::set<std::string> pending_;
  std::chrono::steady_clock::time_point last_poll_;
};

}  // namespace kata
