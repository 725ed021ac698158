#include "checkpoint.h"
#include "commands.h"

namespace train {

int run_sample(const Options& options, const Console& console) {
  Model model;
  try {
    model = load_checkpoint(options.checkpoint);
  } catch (const CheckpointError& e) {
    throw UsageError(e.what());
  }
  backprop::TorchGenerator g(options.sample_seed);
  for (int i = 0; i < options.samples; ++i)
    console.out << sample_name(model.parameters, model.stats, model.itos, g) << '\n';
  return 0;
}

}  // namespace train
