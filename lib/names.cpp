#include "backprop/names.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <optional>
#include <sstream>
#include <string_view>

#include "backprop/random.h"

namespace backprop {

namespace {

// The UTF-8 character starting at line[at] and its length in bytes, or nothing for bytes that are not UTF-8.
std::optional<char32_t> decode_utf8(std::string_view line, std::size_t at, std::size_t& length) {
  const auto lead = static_cast<unsigned char>(line[at]);
  length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 0;
  if (length == 0 || lead >= 0xf8 || at + length > line.size()) return std::nullopt;
  char32_t code = lead & (0x7f >> length);
  for (std::size_t k = 1; k < length; ++k) {
    const auto next = static_cast<unsigned char>(line[at + k]);
    if ((next & 0xc0) != 0x80) return std::nullopt;
    code = (code << 6) | (next & 0x3f);
  }
  return code;
}

// What the character at line[at] is, for an error message: "uppercase 'A'", "U+00E9 'é'", ...
std::string describe(std::string_view line, std::size_t at) {
  const char c = line[at];
  const auto byte = static_cast<unsigned char>(c);
  if (c >= 'A' && c <= 'Z') return std::string("uppercase '") + c + "'";
  if (c >= '0' && c <= '9') return std::string("digit '") + c + "'";
  if (c == ' ') return "a space";
  if (c == '\t') return "a tab";
  if (c == '\r') return "a carriage return not followed by a line feed";
  if (byte >= 0x80) {
    std::size_t length = 0;
    if (const auto code = decode_utf8(line, at, length)) {
      std::ostringstream out;
      out << "non-ASCII character U+" << std::uppercase << std::hex;
      out.width(4);
      out.fill('0');
      out << static_cast<std::uint32_t>(*code) << " '" << line.substr(at, length) << "'";
      return out.str();
    }
    std::ostringstream out;
    out << "byte 0x" << std::hex << static_cast<int>(byte) << ", which is not UTF-8";
    return out.str();
  }
  if (byte < 0x20 || byte == 0x7f) {
    std::ostringstream out;
    out << "control character 0x" << std::hex << static_cast<int>(byte);
    return out.str();
  }
  return std::string("'") + c + "'";
}

}  // namespace

std::vector<std::string> read_names(const std::filesystem::path& file) {
  if (std::filesystem::is_directory(file)) throw DataError(file.string() + ": is a directory, not names.txt");
  std::ifstream in(file, std::ios::binary);
  if (!in) throw DataError(file.string() + ": cannot open the file (names.txt, one name per line)");
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw DataError(file.string() + ": cannot read the file");
  return parse_names(text, file.string());
}

std::vector<std::string> parse_names(std::string_view text, const std::string& source) {
  std::vector<std::string> names;
  std::size_t start = 0;
  for (int line_number = 1; start < text.size(); ++line_number) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string_view line(text.data() + start, end - start);
    if (!line.empty() && line.back() == '\r' && end < text.size()) line.remove_suffix(1);  // CRLF
    for (std::size_t at = 0; at < line.size(); ++at) {
      if (line[at] < 'a' || line[at] > 'z')
        throw DataError(source + ":" + std::to_string(line_number) + ":" + std::to_string(at + 1) + ": " +
                        describe(line, at) + "; names.txt holds lowercase a-z only");
    }
    if (!line.empty()) names.emplace_back(line);
    start = end + 1;
  }
  if (names.empty())
    throw DataError(source + (text.empty() ? ": the file is empty" : ": every line is blank") +
                    "; expected one name per line");
  return names;
}

int Vocabulary::size() const { return static_cast<int>(itos.size()); }

int Vocabulary::stoi(char c) const {
  const int index = stoi_table[static_cast<unsigned char>(c)];
  if (index < 0) throw DataError(std::string("character '") + c + "' is not in the vocabulary \"" + itos + "\"");
  return index;
}

Vocabulary make_vocabulary(const std::vector<std::string>& words) {
  std::array<bool, 256> seen{};
  for (const std::string& word : words)
    for (char c : word) {
      if (c == '.') throw DataError("the word \"" + word + "\" holds '.', the vocabulary's end marker");
      seen[static_cast<unsigned char>(c)] = true;
    }
  Vocabulary vocab;
  vocab.itos = ".";
  for (int byte = 0; byte < 256; ++byte)  // unsigned order, as Python sorts code points
    if (seen[byte]) vocab.itos += static_cast<char>(byte);
  if (vocab.itos.size() > 128)
    throw DataError("the words hold " + std::to_string(vocab.itos.size() - 1) +
                    " distinct characters; at most 127 fit");
  vocab.stoi_table.fill(-1);
  for (std::size_t i = 0; i < vocab.itos.size(); ++i)
    vocab.stoi_table[static_cast<unsigned char>(vocab.itos[i])] = static_cast<std::int8_t>(i);
  return vocab;
}

Dataset make_dataset(std::span<const std::string> words, const Vocabulary& vocab, int block_size) {
  if (block_size < 1) throw std::invalid_argument("block_size is " + std::to_string(block_size) + "; expected >= 1");
  Eigen::Index rows = 0;
  for (const std::string& word : words) rows += static_cast<Eigen::Index>(word.size()) + 1;

  Dataset data{IndexMatrix(rows, block_size), IndexVector(rows)};
  Eigen::Index row = 0;
  for (const std::string& word : words) {
    std::vector<std::int64_t> context(static_cast<std::size_t>(block_size), 0);
    for (std::size_t k = 0; k <= word.size(); ++k) {
      const std::int64_t ix = k < word.size() ? vocab.stoi(word[k]) : 0;  // '.' ends the word
      for (int j = 0; j < block_size; ++j) data.X(row, j) = context[static_cast<std::size_t>(j)];
      data.Y(row) = ix;
      std::shift_left(context.begin(), context.end(), 1);  // crop and append
      context.back() = ix;
      ++row;
    }
  }
  return data;
}

Splits make_splits(std::vector<std::string> words, const Vocabulary& vocab, int block_size, std::uint64_t seed) {
  PythonRandom random(seed);
  random.shuffle(words);
  // int(0.8 * len) in double, as Python computes it.
  const auto n1 = static_cast<std::size_t>(0.8 * static_cast<double>(words.size()));
  const auto n2 = static_cast<std::size_t>(0.9 * static_cast<double>(words.size()));
  const std::span<const std::string> all(words);
  return {make_dataset(all.subspan(0, n1), vocab, block_size),
          make_dataset(all.subspan(n1, n2 - n1), vocab, block_size), make_dataset(all.subspan(n2), vocab, block_size)};
}

}  // namespace backprop
