#include "commands.h"
#include "gradcheck.h"

namespace train {

int run_gradcheck(Options options, const Console& console) {
  const auto data = load_data(options, console);
  const auto& config = options.config;
  // The lecture's first batch at the initial parameters.
  backprop::TorchGenerator g(config.seed);
  const auto p = init_parameters(config.sizes, g);
  std::vector<std::int64_t> ix(static_cast<std::size_t>(config.batch_size));
  IndexMatrix Xb(config.batch_size, config.sizes.block_size);
  IndexVector Yb(config.batch_size);
  draw_batch(g, data.splits.train, ix, Xb, Yb);
  const bool passed = gradcheck(p, Xb, Yb, console.out);
  console.out << (passed ? "gradient check passed\n" : "gradient check FAILED\n");
  return passed ? 0 : kExitFailure;
}

}  // namespace train
