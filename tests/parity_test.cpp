// The C++ data pipeline and random streams against what Python and PyTorch drew (data/parity/,
// written by data/make_parity.py). Every value is compared bit for bit: randn reproduces torch
// 1.13's AVX2 kernel operation for operation, so no ulp allowance is needed.
#include <bit>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "backprop/names.h"
#include "backprop/npy.h"
#include "backprop/paths.h"
#include "backprop/random.h"
#include "catch.h"
#include "names_file.h"

namespace {

namespace fs = std::filesystem;
using backprop::PythonRandom;
using backprop::TorchGenerator;

const fs::path kParity = backprop::parity_dir();

nlohmann::json meta() {
  std::ifstream in(kParity / "meta.json");
  REQUIRE(in);
  return nlohmann::json::parse(in);
}

std::vector<float> floats(const std::string& name) {
  auto array = backprop::npy::read(kParity / (name + ".npy"));
  REQUIRE(array.dtype == backprop::npy::DType::float32);
  return array.f32;
}

std::vector<std::int64_t> ints(const std::string& name) {
  auto array = backprop::npy::read(kParity / (name + ".npy"));
  REQUIRE(array.dtype == backprop::npy::DType::int64);
  return array.i64;
}

// "" when got and want hold the same bits, else where and how they first differ.
std::string first_difference(std::span<const float> got, std::span<const float> want) {
  if (got.size() != want.size())
    return "sizes differ: " + std::to_string(got.size()) + " vs " + std::to_string(want.size());
  std::size_t count = 0, first = 0;
  for (std::size_t i = 0; i < got.size(); ++i)
    if (std::bit_cast<std::uint32_t>(got[i]) != std::bit_cast<std::uint32_t>(want[i]) && count++ == 0) first = i;
  if (count == 0) return "";
  std::ostringstream out;
  out.precision(9);
  out << count << " of " << got.size() << " differ; first at " << first << ": " << got[first] << " vs " << want[first];
  return out.str();
}

std::vector<float> randn(TorchGenerator& g, std::size_t size) {
  std::vector<float> out(size);
  g.randn(out);
  return out;
}

std::vector<float> scaled(std::vector<float> v, float by) {
  for (float& x : v) x = x * by;
  return v;
}

// FNV-1a 64 of the bytes, as make_parity.py hashes.
std::string fnv1a64(std::string_view bytes) {
  std::uint64_t h = 0xcbf29ce484222325u;
  for (char c : bytes) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3u;
  std::ostringstream out;
  out << std::hex;
  out.width(16);
  out.fill('0');
  out << h;
  return out.str();
}

template <typename Derived>
std::string fnv1a64_of(const Eigen::DenseBase<Derived>& values) {
  std::string bytes;
  for (Eigen::Index i = 0; i < values.rows(); ++i)
    for (Eigen::Index j = 0; j < values.cols(); ++j) {
      const std::int64_t v = values(i, j);  // little-endian int64, row-major, as numpy's tobytes()
      for (int b = 0; b < 8; ++b) bytes += static_cast<char>(static_cast<std::uint64_t>(v) >> (8 * b));
    }
  return fnv1a64(bytes);
}

template <typename Derived>
std::vector<std::int64_t> head(const Eigen::DenseBase<Derived>& values, Eigen::Index rows) {
  std::vector<std::int64_t> out;
  for (Eigen::Index i = 0; i < rows; ++i)
    for (Eigen::Index j = 0; j < values.cols(); ++j) out.push_back(values(i, j));
  return out;
}

}  // namespace

TEST_CASE("parity: PythonRandom draws what CPython's random.Random draws", "[parity]") {
  const auto m = meta();  // named: a range-for over meta().at(...) would outlive the temporary
  for (const auto& c : m.at("python_random")) {
    const auto seed = c.at("seed").get<std::uint64_t>();
    INFO("random.Random(" << seed << ")");
    PythonRandom r(seed);
    std::vector<std::uint32_t> bits;
    for (int k : {32, 1, 7, 0, 31}) bits.push_back(r.getrandbits(k));
    CHECK(bits == c.at("getrandbits").get<std::vector<std::uint32_t>>());
    std::vector<std::uint64_t> below;
    for (std::uint64_t n : {1ull, 2ull, 3ull, 10ull, 32033ull, 1ull << 32, (1ull << 40) + 1, (1ull << 63) + 5})
      below.push_back(r.randbelow(n));
    CHECK(below == c.at("randbelow").get<std::vector<std::uint64_t>>());
    std::vector<int> items{0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    r.shuffle(items);
    CHECK(items == c.at("shuffle").get<std::vector<int>>());
  }
}

TEST_CASE("parity: names.txt shuffled and split as the lecture does", "[parity][names.txt]") {
  const auto m = meta();
  const fs::path file = names_file();
  const auto words = backprop::read_names(file);
  const auto vocab = backprop::make_vocabulary(words);
  CHECK(vocab.itos == m.at("itos").get<std::string>());
  REQUIRE(words.size() == m.at("words").get<std::size_t>());

  auto shuffled = words;
  PythonRandom(42).shuffle(shuffled);
  CHECK(std::vector(shuffled.begin(), shuffled.begin() + 20) == m.at("shuffled_head").get<std::vector<std::string>>());
  CHECK(std::vector(shuffled.end() - 20, shuffled.end()) == m.at("shuffled_tail").get<std::vector<std::string>>());
  std::string joined;
  for (const auto& w : shuffled) joined += (joined.empty() ? "" : "\n") + w;
  CHECK(fnv1a64(joined) == m.at("shuffled_fnv1a64").get<std::string>());

  const auto splits = backprop::make_splits(words, vocab, m.at("block_size").get<int>());
  for (const auto& [name, data] : {std::pair{"tr", &splits.train}, {"dev", &splits.val}, {"te", &splits.test}}) {
    INFO("split " << name);
    const auto& want = m.at("splits").at(name);
    CHECK(data->X.rows() == want.at("rows").get<Eigen::Index>());
    CHECK(data->Y.rows() == want.at("rows").get<Eigen::Index>());
    CHECK(head(data->X, 20) == ints(std::string("X") + name + "_head"));
    CHECK(head(data->Y, 20) == ints(std::string("Y") + name + "_head"));
    CHECK(fnv1a64_of(data->X) == want.at("X_fnv1a64").get<std::string>());
    CHECK(fnv1a64_of(data->Y) == want.at("Y_fnv1a64").get<std::string>());
  }
}

TEST_CASE("parity: the lecture's initial parameters and batches", "[parity]") {
  const auto m = meta();
  const auto vocab_size = m.at("itos").get<std::string>().size();
  const auto n_embd = m.at("n_embd").get<std::size_t>(), n_hidden = m.at("n_hidden").get<std::size_t>();
  const auto fan_in = n_embd * m.at("block_size").get<std::size_t>();

  TorchGenerator g(m.at("seed").get<std::uint64_t>());
  CHECK(first_difference(randn(g, vocab_size * n_embd), floats("C")) == "");
  // * (5/3) / (30 ** 0.5): torch multiplies, then divides, in float32 by the scalars rounded to float.
  std::vector<float> W1 = scaled(randn(g, fan_in * n_hidden), static_cast<float>(5.0 / 3.0));
  for (float& x : W1) x = x / static_cast<float>(std::sqrt(static_cast<double>(fan_in)));
  CHECK(first_difference(W1, floats("W1")) == "");
  CHECK(first_difference(scaled(randn(g, n_hidden), 0.1f), floats("b1")) == "");
  CHECK(first_difference(scaled(randn(g, n_hidden * vocab_size), 0.1f), floats("W2")) == "");
  CHECK(first_difference(scaled(randn(g, vocab_size), 0.1f), floats("b2")) == "");

  std::vector<std::int64_t> batches(5 * m.at("batch_size").get<std::size_t>());
  for (std::size_t b = 0; b < 5; ++b)
    g.randint(m.at("splits").at("tr").at("rows").get<std::int64_t>(), std::span(batches).subspan(b * 32, 32));
  CHECK(batches == ints("batches"));

  TorchGenerator g_bn(m.at("bn_seed").get<std::uint64_t>());
  std::vector<float> bngain = scaled(randn(g_bn, n_hidden), 0.1f);
  for (float& x : bngain) x = x + 1.0f;
  CHECK(first_difference(bngain, floats("bngain")) == "");
  CHECK(first_difference(scaled(randn(g_bn, n_hidden), 0.1f), floats("bnbias")) == "");
}

TEST_CASE("parity: names sampled as the lecture samples them", "[parity]") {
  const auto m = meta();
  const std::vector<float> bigram = floats("bigram");
  const std::size_t vocab_size = m.at("itos").get<std::string>().size();
  REQUIRE(bigram.size() == vocab_size * vocab_size);
  TorchGenerator g(m.at("sample_seed").get<std::uint64_t>());
  std::vector<std::int64_t> samples;
  for (int name = 0; name < 20; ++name) {
    std::int64_t last = 0;  // the bigram table reads only the context's last character
    do {
      last = g.multinomial(std::span(bigram).subspan(static_cast<std::size_t>(last) * vocab_size, vocab_size));
      samples.push_back(last);
    } while (last != 0);
  }
  CHECK(samples == ints("samples"));
}

TEST_CASE("parity: randn of every size, and across calls", "[parity]") {
  const auto m = meta();
  for (auto size : m.at("randn_sizes").get<std::vector<std::size_t>>()) {
    INFO("randn(" << size << ")");
    TorchGenerator g(m.at("randn_seed").get<std::uint64_t>());
    CHECK(first_difference(randn(g, size), floats("randn_" + std::to_string(size))) == "");
  }
  // Sizes below 16 leave a second normal in the generator for the next call; the vectorised path
  // leaves it there.
  TorchGenerator g(m.at("randn_seed").get<std::uint64_t>());
  std::vector<float> sequence;
  for (auto size : m.at("randn_sequence").get<std::vector<std::size_t>>()) {
    const auto part = randn(g, size);
    sequence.insert(sequence.end(), part.begin(), part.end());
  }
  CHECK(first_difference(sequence, floats("randn_sequence")) == "");
}

TEST_CASE("parity: randint and multinomial", "[parity]") {
  const auto m = meta();
  TorchGenerator g(m.at("randint_seed").get<std::uint64_t>());
  std::vector<std::int64_t> drawn;
  for (auto high : m.at("randint_highs").get<std::vector<std::int64_t>>()) {
    std::vector<std::int64_t> part(16);
    g.randint(high, part);
    drawn.insert(drawn.end(), part.begin(), part.end());
  }
  CHECK(drawn == ints("randint"));

  const std::vector<float> probs = floats("multinomial_probs");
  const std::size_t vocab_size = m.at("itos").get<std::string>().size();
  TorchGenerator gm(m.at("multinomial_seed").get<std::uint64_t>());
  std::vector<std::int64_t> samples;
  for (std::size_t row = 0; row * vocab_size < probs.size(); ++row)
    for (int k = 0; k < 64; ++k)
      samples.push_back(gm.multinomial(std::span(probs).subspan(row * vocab_size, vocab_size)));
  CHECK(samples == ints("multinomial"));
}

TEST_CASE("parity: arguments torch would reject are rejected", "[parity]") {
  TorchGenerator g(1);
  std::vector<std::int64_t> out(3);
  CHECK_THROWS_WITH(g.randint(0, out), Catch::Matchers::ContainsSubstring("high is 0; expected 1 <= high < 2^32"));
  CHECK_THROWS_WITH(g.randint(std::int64_t{1} << 32, out),
                    Catch::Matchers::ContainsSubstring("expected 1 <= high < 2^32"));
  const float nan = std::numeric_limits<float>::quiet_NaN(), inf = std::numeric_limits<float>::infinity();
  CHECK_THROWS_WITH(g.multinomial({}), Catch::Matchers::ContainsSubstring("probs is empty"));
  for (const std::vector<float>& bad : {std::vector<float>{0.5f, -0.1f}, {0.5f, nan}, {inf, 1.0f}})
    CHECK_THROWS_WITH(g.multinomial(bad), Catch::Matchers::ContainsSubstring("expected finite p >= 0"));
  CHECK_THROWS_WITH(g.multinomial(std::vector<float>{0.0f, 0.0f}), Catch::Matchers::ContainsSubstring("sums to 0"));

  PythonRandom r(1);
  CHECK_THROWS_WITH(r.randbelow(0), Catch::Matchers::ContainsSubstring("expected n >= 1"));
  CHECK_THROWS_WITH(r.getrandbits(33), Catch::Matchers::ContainsSubstring("k is 33; expected 0..32"));
}
