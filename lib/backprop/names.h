// The lecture's data pipeline: names.txt -> vocabulary -> (X, Y) contexts -> the 80/10/10 split.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "backprop/paths.h"  // DataError
#include "backprop/tensor.h"

namespace backprop {

// names.txt holds one name per line. Lines end in LF or CRLF (a lone CR is an error); blank lines
// are skipped; every other character must be lowercase a-z, so that the vocabulary is the
// lecture's 27 characters. Anything else is rejected as "FILE:LINE:COLUMN: <what it is>; names.txt
// holds lowercase a-z only", naming the character (uppercase 'A', digit '7', space, U+00E9 'é', ...).
// A file with no names in it is rejected too. Throws DataError.
std::vector<std::string> read_names(const std::filesystem::path& file);
// The same rules on text already in memory; `source` names it in errors.
std::vector<std::string> parse_names(std::string_view text, const std::string& source);

// The vocabulary comes from the data, as in the lecture: '.' is 0, then the sorted distinct characters.
struct Vocabulary {
  std::string itos;                         // itos[0] == '.'
  std::array<std::int8_t, 256> stoi_table;  // indexed by the character as unsigned char; -1 where absent
  int size() const;
  int stoi(char c) const;  // throws DataError for a character not in the vocabulary
};
// Throws DataError when a word holds '.', the end marker.
Vocabulary make_vocabulary(const std::vector<std::string>& words);

// X (N, block_size) contexts, Y (N,) next characters, exactly the lecture's build_dataset: every
// word contributes len(word) + 1 rows, its contexts starting from block_size dots.
struct Dataset {
  IndexMatrix X;
  IndexVector Y;
};
// Throws DataError for a character not in vocab, std::invalid_argument for block_size < 1.
Dataset make_dataset(std::span<const std::string> words, const Vocabulary& vocab, int block_size);

// random.seed(seed); random.shuffle(words); n1 = int(0.8*len), n2 = int(0.9*len); train on
// words[:n1], val on words[n1:n2], test on words[n2:]: the lecture's split.
struct Splits {
  Dataset train, val, test;
};
Splits make_splits(std::vector<std::string> words, const Vocabulary& vocab, int block_size, std::uint64_t seed = 42);

}  // namespace backprop
