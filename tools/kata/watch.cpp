#include "watch.h"

#include <poll.h>
#include <unistd.h>

// inotify is Linux's; elsewhere (macOS) the watcher always polls.
#if __has_include(<sys/inotify.h>)
#include <sys/inotify.h>
#define KATA_HAVE_INOTIFY 1
#endif

#include "process.h"

namespace kata {
namespace {

// How long the directory must stay quiet before a change counts as saved. inotify reports a file
// only once it is written and closed, or renamed into place, so its wait only gathers the files of
// one action (a checkout, kata reset); polling can see a file half-written, and waits longer. A
// later save still stops the check it starts.
constexpr int settle_inotify_ms = 20;
constexpr int settle_polling_ms = 150;
constexpr int poll_interval_ms = 1000;

// Steps are .cpp files; an editor's swap and backup files beside them are not saves.
bool is_source(const std::string& name) { return name.size() > 4 && name.ends_with(".cpp"); }

// Sleeps, waking early on a signal.
void pause_ms(int ms) { ::poll(nullptr, 0, ms); }

}  // namespace

Watcher::Watcher(std::filesystem::path dir, bool poll) : dir_(std::move(dir)) {
#ifdef KATA_HAVE_INOTIFY
  if (!poll) {
    inotify_fd_ = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    // Editors save by writing in place or by renaming a new file over the old one. Not IN_CREATE:
    // a file just created is still empty (vim writes its new file under the step's own name).
    if (inotify_fd_ >= 0 &&
        inotify_add_watch(inotify_fd_, dir_.c_str(), IN_CLOSE_WRITE | IN_MOVED_TO | IN_DELETE) < 0) {
      close(inotify_fd_);
      inotify_fd_ = -1;
    }
  }
#else
  (void)poll;
#endif
  if (polling()) changed_by_polling();
}

Watcher::~Watcher() {
  if (inotify_fd_ >= 0) close(inotify_fd_);
}

std::set<std::string> Watcher::changed_by_polling() {
  last_poll_ = std::chrono::steady_clock::now();
  std::set<std::string> changed;
  std::map<std::string, std::pair<std::filesystem::file_time_type, std::uintmax_t>> now;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(dir_, error)) {
    const auto name = entry.path().filename().string();
    if (!entry.is_regular_file(error) || !is_source(name)) continue;
    now[name] = {entry.last_write_time(error), entry.file_size(error)};
    const auto before = seen_.find(name);
    if (before == seen_.end() || before->second != now[name]) changed.insert(name);
  }
  for (const auto& [name, stamp] : seen_)
    if (!now.count(name)) changed.insert(name);
  seen_ = std::move(now);
  return changed;
}

std::set<std::string> Watcher::read_inotify(int timeout_ms) {
  std::set<std::string> changed;
#ifdef KATA_HAVE_INOTIFY
  pollfd ready{inotify_fd_, POLLIN, 0};
  if (::poll(&ready, 1, timeout_ms) <= 0) return changed;
  alignas(inotify_event) char buffer[8192];
  for (;;) {
    const ssize_t n = read(inotify_fd_, buffer, sizeof buffer);
    if (n <= 0) break;
    for (ssize_t at = 0; at < n;) {
      const auto* event = reinterpret_cast<const inotify_event*>(buffer + at);
      if (event->len > 0 && is_source(event->name)) changed.insert(event->name);
      at += static_cast<ssize_t>(sizeof(inotify_event) + event->len);
    }
  }
#else
  (void)timeout_ms;
#endif
  return changed;
}

bool Watcher::saw_change() {
  if (!polling()) {
    pending_.merge(read_inotify(0));
  } else if (std::chrono::steady_clock::now() - last_poll_ >= std::chrono::milliseconds(poll_interval_ms)) {
    pending_.merge(changed_by_polling());
  }
  return !pending_.empty();
}

std::optional<std::set<std::string>> Watcher::wait() {
  std::set<std::string> changed = std::move(pending_);
  pending_.clear();
  while (changed.empty() && !interrupted()) {
    if (polling()) {
      pause_ms(poll_interval_ms);
      changed = changed_by_polling();
    } else {
      changed = read_inotify(-1);
    }
  }
  for (bool more = true; more && !interrupted();) {
    pause_ms(polling() ? settle_polling_ms : settle_inotify_ms);
    const auto later = polling() ? changed_by_polling() : read_inotify(0);
    more = !later.empty();
    changed.insert(later.begin(), later.end());
  }
  if (interrupted()) return std::nullopt;
  return changed;
}

}  // namespace kata
