#include <fmt/format.h>

#include <filesystem>

#include "backprop/paths.h"
#include "commands.h"

namespace train {
namespace {

// What a run holds at once, roughly, in bytes: the contexts of every example, the parameters with
// their gradients, one batch's activations and a chunk of calibration (kEvalChunk rows).
// Counted in double, so that no product of flags can overflow.
double working_bytes(const Config& c, double examples) {
  const Sizes& s = c.sizes;
  const double fan_in = static_cast<double>(s.block_size) * static_cast<double>(s.n_embd);
  const double hidden = static_cast<double>(s.n_hidden), vocab = static_cast<double>(s.vocab_size);
  const auto parameters = static_cast<double>(backprop::parameter_count(s));
  const double per_row = 2 * fan_in + 8 * hidden + 4 * vocab;  // emb, embcat, the BatchNorm stages, the softmax
  return 8 * examples * static_cast<double>(s.block_size + 1) + 4 * 3 * parameters + 4 * c.batch_size * per_row +
         static_cast<double>(kEvalChunk) * (4 * per_row + 8 * hidden);
}

// Far beyond the lecture's sizes (a few MB), a typo such as --hidden 2000000 would end with the
// kernel killing the process; refuse it first, naming the flags.
constexpr double kMaxWorkingBytes = 4.0 * (1 << 30);

}  // namespace

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
  auto splits = backprop::make_splits(std::move(words), vocab, static_cast<int>(config.sizes.block_size));
  if (!options.quiet)
    console.out << fmt::format("{}: {} words, {} characters; examples: train {}, val {}, test {}\n", file.string(),
                               count, vocab.size(), splits.train.Y.size(), splits.val.Y.size(), splits.test.Y.size());
  return {std::move(vocab), std::move(splits)};
}

}  // namespace train
