// The trainer's command line:
//   train [options]                      train, calibrate, print the split losses, sample names
//   train sample --checkpoint DIR        sample names from a saved model
//   train gradcheck [options]            compare the fused backward with the chain and finite differences
// `train --help` lists every option.
#pragma once

#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include "backprop/exit_status.h"
#include "backprop/steps.h"

namespace train {

using backprop::kExitFailure;  // backprop/exit_status.h
using backprop::kExitUsage;

struct Console {
  std::ostream& out;
  std::ostream& err;
  bool progress_bar = false;  // draw a progress bar on err (when it is a terminal)
};

// Runs the trainer on args (without the program name) and returns the exit status.
int run(const std::vector<std::string>& args, const Console& console);

// Which file the learner must finish, for a step that threw NotDone.
std::string not_done_message(const backprop::NotDone& e);

}  // namespace train
