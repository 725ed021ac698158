#include "flags.h"

#include <charconv>
#include <cmath>
#include <filesystem>

namespace train {
namespace {

// Whole numbers of at least min; why says what a smaller one would break.
CLI::Validator at_least(long long min, std::string why = "") {
  return CLI::Validator(
      [min, why](std::string& value) -> std::string {
        long long v = 0;
        const auto* end = value.data() + value.size();
        const auto [ptr, ec] = std::from_chars(value.data(), end, v);
        if (ec != std::errc{} || ptr != end) return "'" + value + "' is not a whole number";
        if (v < min) return value + " is too small: expected at least " + std::to_string(min) + why;
        return "";
      },
      "N>=" + std::to_string(min));
}

const CLI::Validator positive_number(
    [](std::string& value) -> std::string {
      float v = 0;
      const auto* end = value.data() + value.size();
      const auto [ptr, ec] = std::from_chars(value.data(), end, v);
      if (ec != std::errc{} || ptr != end || !std::isfinite(v) || v <= 0)
        return "'" + value + "' is not a positive number";
      return "";
    },
    "X>0");

// What torch.Generator().manual_seed takes: -2^63 .. 2^64 - 1, a negative seed standing for seed + 2^64.
// Rewritten to the unsigned value, since CLI11's own conversion lets an overflow through.
const CLI::Validator torch_seed(
    [](std::string& value) -> std::string {
      const auto* end = value.data() + value.size();
      std::uint64_t seed = 0;
      if (auto [ptr, ec] = std::from_chars(value.data(), end, seed); ec == std::errc{} && ptr == end) return "";
      std::int64_t negative = 0;
      if (auto [ptr, ec] = std::from_chars(value.data(), end, negative); ec == std::errc{} && ptr == end) {
        value = std::to_string(static_cast<std::uint64_t>(negative));
        return "";
      }
      return "'" + value + "' is not a seed: expected a whole number from -2^63 to 2^64 - 1, as torch's manual_seed";
    },
    "SEED");

const CLI::Validator existing_file(
    [](std::string& value) -> std::string {
      std::error_code error;
      if (!std::filesystem::is_regular_file(value, error)) return "no such file: " + value;
      return "";
    },
    "FILE");

// Output files are checked before training, not after 200,000 steps: the folder must exist.
const CLI::Validator file_in_existing_folder(
    [](std::string& value) -> std::string {
      const auto folder = std::filesystem::absolute(value).parent_path();
      std::error_code error;
      if (!std::filesystem::is_directory(folder, error)) return "no such folder: " + folder.string();
      if (std::filesystem::is_directory(value, error)) return value + " is a folder; expected a file name";
      return "";
    },
    "FILE");

// A checkpoint folder: created with its parents, so whatever of it exists must be folders.
const CLI::Validator folder_to_create(
    [](std::string& value) -> std::string {
      std::error_code error;
      for (auto path = std::filesystem::absolute(value); !path.empty(); path = path.parent_path()) {
        if (std::filesystem::exists(path, error))
          return std::filesystem::is_directory(path, error) ? "" : path.string() + " is a file, not a folder";
        if (path == path.parent_path()) break;
      }
      return "";
    },
    "FOLDER");

// The options of training, which train and gradcheck share.
void add_training_flags(CLI::App& app, Options& options) {
  auto& config = options.config;
  app.add_option("--names", options.names, "names.txt (default: $BACKPROP_NAMES, data/names.txt, ...)")
      ->check(existing_file);
  app.add_option("--steps", config.steps, "training steps")->check(at_least(1))->capture_default_str();
  app.add_option("--lr", config.lr, "the first learning rate; it drops to lr/10 at half the steps")
      ->check(positive_number)
      ->capture_default_str();
  app.add_option("--seed", config.seed, "torch.Generator seed for the parameters and the batches")
      ->transform(torch_seed)
      ->capture_default_str();
  app.add_option("--batch-size", config.batch_size, "examples per step")
      ->check(at_least(2, " (BatchNorm's variance divides by n - 1)"))
      ->capture_default_str();
  app.add_option("--hidden", config.sizes.n_hidden, "neurons in the hidden layer")
      ->check(at_least(1))
      ->capture_default_str();
  app.add_option("--embd", config.sizes.n_embd, "dimensions of a character's embedding")
      ->check(at_least(1))
      ->capture_default_str();
  app.add_option("--block-size", config.sizes.block_size, "characters of context")
      ->check(at_least(1))
      ->capture_default_str();
  app.add_flag_callback(
      "--chain", [&config] { config.backward = Backward::chain; },
      "backward through the 26 steps of exercise 1 instead of the fused one");
}

// What a run prints and writes.
void add_output_flags(CLI::App& app, Options& options) {
  app.add_flag("-q,--quiet", options.quiet, "print only the losses and the names");
  app.add_option("--samples", options.samples, "names to sample")->check(at_least(0))->capture_default_str();
  app.add_option("--sample-seed", options.sample_seed, "torch.Generator seed for sampling")
      ->transform(torch_seed)
      ->capture_default_str();
  app.add_option("--save", options.save, "write the trained model to this folder (a checkpoint)")
      ->check(folder_to_create);
  app.add_option("--loss-csv", options.loss_csv, "write the loss curve (log10 loss, mean of each window) as CSV")
      ->check(file_in_existing_folder);
  app.add_option("--loss-plot", options.loss_plot, "draw the loss curve as an SVG picture")
      ->check(file_in_existing_folder);
  app.add_option("--plots", options.plots,
                 "draw the lecture's pictures into this folder: h.svg and h_saturated.svg (tanh saturation at "
                 "initialisation and after training), dlogits.svg (one batch), loss.svg (training and validation "
                 "loss)")
      ->check(folder_to_create);
  app.add_option("--loss-window", options.loss_window, "steps averaged into each point of the curve")
      ->check(at_least(1))
      ->capture_default_str();
}

}  // namespace

Subcommands add_flags(CLI::App& app, Options& options) {
  app.fallthrough();
  add_training_flags(app, options);
  add_output_flags(app, options);
  auto* sample = app.add_subcommand("sample", "print names sampled from a checkpoint");
  sample->add_option("--checkpoint", options.checkpoint, "a folder written by train --save")->required();
  auto* gradcheck = app.add_subcommand("gradcheck",
                                       "at the initial parameters, compare the fused backward with the chain and "
                                       "with finite differences in double precision");
  app.require_subcommand(0, 1);
  return {sample, gradcheck};
}

}  // namespace train
