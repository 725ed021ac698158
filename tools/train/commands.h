// The trainer's subcommands, each in a file of its own, and what they share: the options that
// cli.cpp parses and the data most of them read.
#pragma once

#include <cstdint>
#include <string>

#include "backprop/exit_status.h"
#include "backprop/names.h"
#include "cli.h"
#include "train.h"

namespace train {

using backprop::UsageError;  // backprop/exit_status.h: "train: <message>", exit status 2

// Every flag of every subcommand (flags.cpp registers them).
struct Options {
  Config config;
  std::string names;
  bool quiet = false;
  int samples = 20;
  std::uint64_t sample_seed = 2147483647ull + 10;  // the lecture's sampling generator
  std::string save, loss_csv, loss_plot, plots;
  int loss_window = 1000;
  std::string checkpoint;
};

struct Data {
  backprop::Vocabulary vocab;
  backprop::Splits splits;
};

// Reads names.txt and sets config.sizes.vocab_size from it; throws UsageError for a missing or
// broken file, and for sizes that would not fit in memory (load_data.cpp).
Data load_data(Options& options, const Console& console);

// train (no subcommand): train, calibrate, print the split losses, sample names, write what the
// flags ask for (train_command.cpp).
int run_train(Options options, const Console& console);
// train sample: names from a checkpoint (sample_command.cpp).
int run_sample(const Options& options, const Console& console);
// train gradcheck: the backward against the chain and finite differences (gradcheck_command.cpp).
int run_gradcheck(Options options, const Console& console);

}  // namespace train
