// The trainer's flags: each bound to its field of Options and checked as it is parsed, so that a
// bad value stops the trainer before it reads a file or trains a step.
#pragma once

#include <CLI/CLI.hpp>

#include "commands.h"

namespace train {

struct Subcommands {
  CLI::App* sample;
  CLI::App* gradcheck;
};

// Adds every flag and subcommand to app, bound to options.
Subcommands add_flags(CLI::App& app, Options& options);

}  // namespace train
