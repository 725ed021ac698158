#include "cli.h"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <charconv>
#include <chrono>
#include <cmath>
#include <limits>
#include <optional>

#include "backprop/manifest.h"
#include "backprop/names.h"
#include "backprop/paths.h"
#include "checkpoint.h"
#include "gradcheck.h"
#include "loss_curve.h"
#include "plots.h"
#include "train.h"

namespace train {
namespace {

// Bad input: reported as "train: <message>" with exit status 2.
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

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

// The lecture's prints every 10,000 steps, and a progress bar redrawn ten times a second.
class Reporter {
 public:
  Reporter(const Console& console, int steps, bool quiet) : console_(console), steps_(steps), quiet_(quiet) {}

  void operator()(int step, float loss) {
    if (quiet_) return;
    if (step % 10000 == 0) {
      clear_bar();
      console_.out << fmt::format("{:7d}/{:7d}: {:.4f}", step, steps_, loss) << std::endl;
    }
    if (console_.progress_bar && (step % 64 == 0 || step + 1 == steps_)) draw_bar(step + 1, loss);
  }

  void finish() { clear_bar(); }

 private:
  using Clock = std::chrono::steady_clock;

  void draw_bar(int done, float loss) {
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

  void clear_bar() {
    if (drawn_) console_.err << "\r\x1b[K" << std::flush;
    drawn_ = false;
  }

  const Console& console_;
  int steps_;
  bool quiet_;
  bool drawn_ = false;
  Clock::time_point start_ = Clock::now(), last_draw_ = start_;  // the first rate is measured over 100 ms
};

// As the lecture counts them: sum(p.nelement() for p in parameters).
long long parameter_count(const Sizes& s) {
  const long long fan_in = static_cast<long long>(s.block_size) * s.n_embd;
  return static_cast<long long>(s.vocab_size) * s.n_embd + fan_in * s.n_hidden + s.n_hidden +
         static_cast<long long>(s.n_hidden) * s.vocab_size + s.vocab_size + 2LL * s.n_hidden;
}

// What a run holds at once, roughly, in bytes: the contexts of every example, the parameters with
// their gradients, one batch's activations and a chunk of calibration (kEvalChunk rows).
// Counted in double, so that no product of flags can overflow.
double working_bytes(const Config& c, double examples) {
  const Sizes& s = c.sizes;
  const double fan_in = static_cast<double>(s.block_size) * s.n_embd, hidden = s.n_hidden, vocab = s.vocab_size;
  const double parameters = vocab * s.n_embd + fan_in * hidden + hidden * vocab + vocab + 3 * hidden;
  const double per_row = 2 * fan_in + 8 * hidden + 4 * vocab;  // emb, embcat, the BatchNorm stages, the softmax
  return 8 * examples * (s.block_size + 1) + 4 * 3 * parameters + 4 * c.batch_size * per_row +
         static_cast<double>(kEvalChunk) * (4 * per_row + 8 * hidden);
}

// Far beyond the lecture's sizes (a few MB), a typo such as --hidden 2000000 would end with the
// kernel killing the process; refuse it first, naming the flags.
constexpr double kMaxWorkingBytes = 4.0 * (1 << 30);

struct Data {
  backprop::Vocabulary vocab;
  backprop::Splits splits;
};

// Reads names.txt and sets config.sizes.vocab_size from it.
Data load_data(Options& options, const Console& console) {
  std::filesystem::path file;
  std::vector<std::string> words;
  try {
    file = backprop::find_names(options.names);
    words = backprop::read_names(file);
  } catch (const backprop::DataError& e) {
    throw UsageError(e.what());
  }
  auto vocab = backprop::make_vocabulary(words);
  auto& config = options.config;
  config.sizes.vocab_size = vocab.size();
  double examples = 0;  // one per character and one for each name's closing '.'
  for (const auto& word : words) examples += static_cast<double>(word.size() + 1);
  if (const double bytes = working_bytes(config, examples); bytes > kMaxWorkingBytes)
    throw UsageError(fmt::format(
        "--hidden {}, --embd {}, --block-size {} and --batch-size {} need about {:.1f} GiB; this trainer stops at "
        "{:.0f} GiB (the lecture's sizes need {:.0f} MiB)",
        config.sizes.n_hidden, config.sizes.n_embd, config.sizes.block_size, config.batch_size, bytes / (1 << 30),
        kMaxWorkingBytes / (1 << 30),
        working_bytes(Config{.sizes = {.vocab_size = vocab.size()}}, examples) / (1 << 20)));
  const auto count = words.size();
  auto splits = backprop::make_splits(std::move(words), vocab, config.sizes.block_size);
  if (!options.quiet)
    console.out << fmt::format("{}: {} words, {} characters; examples: train {}, val {}, test {}\n", file.string(),
                               count, vocab.size(), splits.train.Y.size(), splits.val.Y.size(), splits.test.Y.size());
  return {std::move(vocab), std::move(splits)};
}

int run_train(Options options, const Console& console) {
  const auto data = load_data(options, console);
  const auto& config = options.config;
  if (!options.quiet)
    console.out << fmt::format("{} parameters; {} steps of {} examples, lr {} then {}, {} backward\n",
                               parameter_count(config.sizes), config.steps, config.batch_size, config.lr,
                               config.lr / 10, config.backward == Backward::chain ? "the step-by-step" : "the fused");
  // --plots: the first batch, which the trainer draws right after the parameters, at
  // initialisation, and the validation loss about 20 times along the way.
  IndexMatrix first_X(config.batch_size, config.sizes.block_size);
  IndexVector first_Y(config.batch_size);
  BatchPictures at_init;
  std::vector<ValPoint> val;
  ParameterObserver measure_val;
  if (!options.plots.empty()) {
    backprop::TorchGenerator g(config.seed);
    const auto initial = init_parameters(config.sizes, g);
    std::vector<std::int64_t> ix(static_cast<std::size_t>(config.batch_size));
    draw_batch(g, data.splits.train, ix, first_X, first_Y);
    at_init = batch_pictures(initial, first_X, first_Y);
    const int every = std::max(1, config.steps / 20);  // by value below: it ends with this block
    measure_val = [&, every](int done, const Parameters& p) {
      if (done % every == 0 || done == config.steps)
        val.push_back({done, split_loss(p, calibrate(p, data.splits.train.X), data.splits.val)});
    };
  }
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

  const auto& p = training.parameters;
  const auto stats = calibrate(p, data.splits.train.X);
  // As the lecture prints them: print(split, loss.item())
  const float val_loss = split_loss(p, stats, data.splits.val);
  console.out << fmt::format("train {}\nval {}\ntest {}\n", double{split_loss(p, stats, data.splits.train)},
                             double{val_loss}, double{split_loss(p, stats, data.splits.test)});
  // Guessing every character with probability 1/vocab_size scores ln(vocab_size).
  if (const double uniform = std::log(config.sizes.vocab_size); !(val_loss < uniform))
    console.err << fmt::format(
        "train: warning: the val loss {:.4f} is no better than guessing uniformly ({:.4f}): the network has not "
        "learned (too few --steps, {} now, or too high an --lr, {} now)\n",
        val_loss, uniform, config.steps, config.lr);

  backprop::TorchGenerator g(options.sample_seed);
  for (int i = 0; i < options.samples; ++i) console.out << sample_name(p, stats, data.vocab.itos, g) << '\n';

  const auto curve = loss_curve(training.losses, options.loss_window);
  if (!options.loss_csv.empty()) write_curve_csv(options.loss_csv, curve);
  if (!options.loss_plot.empty()) write_curve_svg(options.loss_plot, curve, options.loss_window, val);
  if (!options.plots.empty()) {
    const std::filesystem::path dir = options.plots;
    std::filesystem::create_directories(dir);
    const auto trained = batch_pictures(p, first_X, first_Y);
    write_h_histograms(dir / "h.svg", at_init.h, trained.h);
    write_saturation(dir / "h_saturated.svg", at_init.h, trained.h);
    write_dlogits(dir / "dlogits.svg", at_init.dlogits, data.vocab.itos);
    write_curve_svg(dir / "loss.svg", curve, options.loss_window, val);
    if (!options.quiet)
      console.out << fmt::format(
          "saturated tanh units (|h| > {}) in the first batch: {:.1f}% at initialisation, {:.1f}% after training\n"
          "wrote the pictures h.svg, h_saturated.svg, dlogits.svg and loss.svg to {}\n",
          kSaturated, 100 * saturated_fraction({at_init.h.data(), static_cast<std::size_t>(at_init.h.size())}),
          100 * saturated_fraction({trained.h.data(), static_cast<std::size_t>(trained.h.size())}), dir.string());
  }
  if (!options.save.empty()) {
    const nlohmann::json record = {{"steps", config.steps},
                                   {"batch_size", config.batch_size},
                                   {"lr", config.lr},
                                   {"seed", config.seed},
                                   {"chain", config.backward == Backward::chain},
                                   {"final_batch_loss", training.losses.back()}};
    save_checkpoint(options.save, {p, stats, data.vocab.itos, record});
    if (!options.quiet) console.out << "saved the model to " << options.save << '\n';
  }
  return 0;
}

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

}  // namespace

std::string not_done_message(const backprop::NotDone& e) {
  const auto* step = backprop::find_step(e.step());
  if (!step) return e.what();
  std::string message = fmt::format("{}: {}, then rebuild", e.what(), backprop::edit_message(*step));
  if (step->exercise != 1)
    message +=
        fmt::format(". The default backward is the fused one of exercises 2 and 3; --chain trains on exercise 1 alone");
  return message;
}

int run(const std::vector<std::string>& args, const Console& console) {
  Options options;
  auto& config = options.config;
  CLI::App app{
      "Exercise 4 of makemore part 4: the lecture's MLP trained with your own backward pass.\n"
      "Without a subcommand: train, calibrate BatchNorm, print the train/val/test loss, sample names.",
      "train"};
  app.fallthrough();
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

  auto* sample = app.add_subcommand("sample", "print names sampled from a checkpoint");
  sample->add_option("--checkpoint", options.checkpoint, "a folder written by train --save")->required();
  auto* gradcheck = app.add_subcommand("gradcheck",
                                       "at the initial parameters, compare the fused backward with the chain and "
                                       "with finite differences in double precision");
  app.require_subcommand(0, 1);

  std::vector<const char*> argv{"train"};
  for (const auto& arg : args) argv.push_back(arg.c_str());
  try {
    app.parse(static_cast<int>(argv.size()), argv.data());
  } catch (const CLI::Success& e) {
    return app.exit(e, console.out, console.err);
  } catch (const CLI::ParseError& e) {
    app.exit(e, console.out, console.err);
    return kExitUsage;
  }

  try {
    if (*sample) return run_sample(options, console);
    if (*gradcheck) return run_gradcheck(options, console);
    return run_train(options, console);
  } catch (const UsageError& e) {
    console.err << "train: " << e.what() << '\n';
    return kExitUsage;
  } catch (const backprop::NotDone& e) {
    console.err << "train: " << not_done_message(e) << '\n';
    return kExitFailure;
  } catch (const std::exception& e) {
    console.err << "train: " << e.what() << '\n';
    return kExitFailure;
  }
}

}  // namespace train
