// The training loop's report to the console: the lecture's print every 10,000 steps, and a
// progress bar redrawn ten times a second when the console asks for one.
#pragma once

#include <chrono>

#include "cli.h"

namespace train {

class Reporter {
 public:
  Reporter(const Console& console, int steps, bool quiet) : console_(console), steps_(steps), quiet_(quiet) {}

  // A StepObserver (train.h).
  void operator()(int step, float loss);
  // Clears the bar, so that what follows starts on a line of its own.
  void finish() { clear_bar(); }

 private:
  using Clock = std::chrono::steady_clock;

  void draw_bar(int done, float loss);
  void clear_bar();

  const Console& console_;
  int steps_;
  bool quiet_;
  bool drawn_ = false;
  Clock::time_point start_ = Clock::now(), last_draw_ = start_;  // the first rate is measured over 100 ms
};

}  // namespace train
