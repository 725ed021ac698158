// libFuzzer target: parse_names either returns names of a-z only, non-empty, or throws DataError;
// the vocabulary and dataset built from them never fail.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "backprop/names.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::vector<std::string> words;
  try {
    words = backprop::parse_names(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.txt");
  } catch (const backprop::DataError&) {
    return 0;
  }
  if (words.empty()) std::abort();
  for (const auto& word : words)
    for (const char c : word)
      if (c < 'a' || c > 'z') std::abort();
  const auto vocab = backprop::make_vocabulary(words);
  const auto dataset = backprop::make_dataset(words, vocab, 3);
  if (dataset.X.rows() != dataset.Y.rows()) std::abort();
  return 0;
}
