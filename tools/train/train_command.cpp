#include <fmt/format.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <functional>
#include <vector>

#include "checkpoint.h"
#include "commands.h"
#include "loss_curve.h"
#include "plots.h"
#include "progress.h"

namespace train {
namespace {

// What --plots draws besides the loss curve: the first batch, which the trainer draws right after
// the parameters, at initialisation and after training, and the validation loss along the way.
struct Pictures {
  IndexMatrix first_X;
  IndexVector first_Y;
  BatchPictures at_init;
  std::vector<ValPoint> val;  // about 20 points; empty without --plots
};

// Fills pictures' first batch and returns the observer that measures the validation loss, or
// nothing without --plots.
ParameterObserver watch_for_pictures(const Options& options, const Data& data, Pictures& pictures) {
  if (options.plots.empty()) return {};
  const auto& config = options.config;
  backprop::TorchGenerator g(config.seed);
  const auto initial = init_parameters(config.sizes, g);
  std::vector<std::int64_t> ix(static_cast<std::size_t>(config.batch_size));
  pictures.first_X.resize(config.batch_size, config.sizes.block_size);
  pictures.first_Y.resize(config.batch_size);
  draw_batch(g, data.splits.train, ix, pictures.first_X, pictures.first_Y);
  pictures.at_init = batch_pictures(initial, pictures.first_X, pictures.first_Y);
  const int every = std::max(1, config.steps / 20), steps = config.steps;
  return [&data, &pictures, every, steps](int done, const Parameters& p) {
    if (done % every == 0 || done == steps)
      pictures.val.push_back({done, split_loss(p, calibrate(p, data.splits.train.X), data.splits.val)});
  };
}

// The loop, reported as it goes, and timed: the time a step is what tools/train/benchmark.py reads.
Training train_reporting(const Options& options, const Data& data, const ParameterObserver& measure_val,
                         const Console& console) {
  const auto& config = options.config;
  if (!options.quiet)
    console.out << fmt::format("{} parameters; {} steps of {} examples, lr {} then {}, {} backward\n",
                               backprop::parameter_count(config.sizes), config.steps, config.batch_size, config.lr,
                               config.lr / 10, config.backward == Backward::chain ? "the step-by-step" : "the fused");
  Reporter reporter(console, config.steps, options.quiet);
  const auto start = std::chrono::steady_clock::now();
  Training training;
  try {
    training = train::train(config, data.splits.train, std::ref(reporter), measure_val);
  } catch (const Diverged&) {
    reporter.finish();  // the message goes on a line of its own, not after the bar
    throw;
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  reporter.finish();
  if (!options.quiet)
    console.out << fmt::format("trained {} steps in {:.2f} s: {:.1f} us a step\n", config.steps, seconds,
                               seconds * 1e6 / config.steps);
  return training;
}

// As the lecture prints them: print(split, loss.item()); then the names it samples.
void evaluate(const Options& options, const Data& data, const Parameters& p, const BatchNormStats& stats,
              const Console& console) {
  const float val_loss = split_loss(p, stats, data.splits.val);
  console.out << fmt::format("train {}\nval {}\ntest {}\n", double{split_loss(p, stats, data.splits.train)},
                             double{val_loss}, double{split_loss(p, stats, data.splits.test)});
  // Guessing every character with probability 1/vocab_size scores ln(vocab_size).
  const auto& config = options.config;
  if (const double uniform = std::log(config.sizes.vocab_size); !(val_loss < uniform))
    console.err << fmt::format(
        "train: warning: the val loss {:.4f} is no better than guessing uniformly ({:.4f}): the network has not "
        "learned (too few --steps, {} now, or too high an --lr, {} now)\n",
        val_loss, uniform, config.steps, config.lr);
  backprop::TorchGenerator g(options.sample_seed);
  for (int i = 0; i < options.samples; ++i) console.out << sample_name(p, stats, data.vocab.itos, g) << '\n';
}

void write_pictures(const Options& options, const Data& data, const Parameters& p, const Pictures& pictures,
                    const std::vector<CurvePoint>& curve, const Console& console) {
  const std::filesystem::path dir = options.plots;
  std::filesystem::create_directories(dir);
  const auto trained = batch_pictures(p, pictures.first_X, pictures.first_Y);
  const auto& at_init = pictures.at_init;
  write_h_histograms(dir / "h.svg", at_init.h, trained.h);
  write_saturation(dir / "h_saturated.svg", at_init.h, trained.h);
  write_dlogits(dir / "dlogits.svg", at_init.dlogits, data.vocab.itos);
  write_curve_svg(dir / "loss.svg", curve, options.loss_window, pictures.val);
  if (!options.quiet)
    console.out << fmt::format(
        "saturated tanh units (|h| > {}) in the first batch: {:.1f}% at initialisation, {:.1f}% after training\n"
        "wrote the pictures h.svg, h_saturated.svg, dlogits.svg and loss.svg to {}\n",
        kSaturated, 100 * saturated_fraction({at_init.h.data(), static_cast<std::size_t>(at_init.h.size())}),
        100 * saturated_fraction({trained.h.data(), static_cast<std::size_t>(trained.h.size())}), dir.string());
}

void save_model(const Options& options, const Data& data, const Training& training, const BatchNormStats& stats,
                const Console& console) {
  const auto& config = options.config;
  const nlohmann::json record = {{"steps", config.steps},
                                 {"batch_size", config.batch_size},
                                 {"lr", config.lr},
                                 {"seed", config.seed},
                                 {"chain", config.backward == Backward::chain},
                                 {"final_batch_loss", training.losses.back()}};
  save_checkpoint(options.save, {training.parameters, stats, data.vocab.itos, record});
  if (!options.quiet) console.out << "saved the model to " << options.save << '\n';
}

}  // namespace

int run_train(Options options, const Console& console) {
  const auto data = load_data(options, console);
  Pictures pictures;
  const auto measure_val = watch_for_pictures(options, data, pictures);
  const auto training = train_reporting(options, data, measure_val, console);
  const auto& p = training.parameters;
  const auto stats = calibrate(p, data.splits.train.X);
  evaluate(options, data, p, stats, console);

  const auto curve = loss_curve(training.losses, options.loss_window);
  if (!options.loss_csv.empty()) write_curve_csv(options.loss_csv, curve);
  if (!options.loss_plot.empty()) write_curve_svg(options.loss_plot, curve, options.loss_window, pictures.val);
  if (!options.plots.empty()) write_pictures(options, data, p, pictures, curve, console);
  if (!options.save.empty()) save_model(options, data, training, stats, console);
  return 0;
}

}  // namespace train
