#include "progress.h"

#include <fmt/format.h>

#include <string>

namespace train {

void Reporter::operator()(int step, float loss) {
  if (quiet_) return;
  if (step % 10000 == 0) {
    clear_bar();
    console_.out << fmt::format("{:7d}/{:7d}: {:.4f}", step, steps_, loss) << std::endl;
  }
  if (console_.progress_bar && (step % 64 == 0 || step + 1 == steps_)) draw_bar(step + 1, loss);
}

void Reporter::draw_bar(int done, float loss) {
  const auto now = Clock::now();
  if (now - last_draw_ < std::chrono::milliseconds(100) && done < steps_) return;
  last_draw_ = now;
  const double seconds = std::chrono::duration<double>(now - start_).count();
  const double rate = seconds > 0 ? done / seconds : 0;
  const int width = 30, filled = static_cast<int>(static_cast<long long>(width) * done / steps_);
  console_.err << fmt::format("\r[{:{}}{:{}}] {}/{} loss {:.4f} | {:.0f} steps/s | ETA {:.0f}s\x1b[K",
                              std::string(static_cast<std::size_t>(filled), '#'), filled, "", width - filled, done,
                              steps_, loss, rate, rate > 0 ? (steps_ - done) / rate : 0.0)
               << std::flush;
  drawn_ = true;
}

void Reporter::clear_bar() {
  if (drawn_) console_.err << "\r\x1b[K" << std::flush;
  drawn_ = false;
}

}  // namespace train
