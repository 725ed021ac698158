// The random streams the lecture draws from, reproduced bit for bit so that the C++ trainer sees
// the lecture's shuffle, initial parameters, batches and samples.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <random>
#include <span>
#include <utility>
#include <vector>

namespace backprop {

// CPython's random.Random: the Mersenne Twister seeded as random.seed(int) seeds it
// (init_by_array over the 32-bit words of |seed|, least significant first), getrandbits,
// _randbelow by rejection, and random.shuffle (Fisher-Yates from the end with _randbelow(i + 1)).
class PythonRandom {
 public:
  explicit PythonRandom(std::uint64_t seed);

  // random.getrandbits(k) for 0 <= k <= 32: the top k bits of one draw.
  std::uint32_t getrandbits(int k);
  // random._randbelow(n) for n >= 1: getrandbits(n.bit_length()) until the draw is below n.
  std::uint64_t randbelow(std::uint64_t n);

  template <typename T>
  void shuffle(std::vector<T>& items) {
    for (std::size_t i = items.size(); i-- > 1;) std::swap(items[i], items[randbelow(i + 1)]);
  }

 private:
  static constexpr int kN = 624;
  std::uint32_t genrand_uint32();

  std::array<std::uint32_t, kN> mt_;
  int mti_ = kN;
};

// torch.Generator().manual_seed(seed) on the CPU (torch 1.13): a std::mt19937 seeded with the low
// 32 bits of seed, plus the normal sample that torch's scalar normal path caches between calls.
class TorchGenerator {
 public:
  explicit TorchGenerator(std::uint64_t seed);

  // torch.randn(shape, generator=g) for a float32 tensor of out.size() elements, row-major. From
  // 16 elements on, torch's vectorised kernel, which x86-64 with AVX2 runs (AVX512 too): every
  // result is bit-exact. torch without AVX2 (ATEN_CPU_CAPABILITY=default, other CPUs) uses libm's
  // log/sin/cos instead and differs from these by up to 2.1e-6 (measured over 2^20 draws).
  void randn(std::span<float> out);
  // torch.randint(0, high, (out.size(),), generator=g) for 1 <= high < 2^32.
  void randint(std::int64_t high, std::span<std::int64_t> out);
  // torch.multinomial(probs, 1, generator=g).item() for a float32 row of non-negative weights.
  std::int64_t multinomial(std::span<const float> probs);

 private:
  std::uint32_t random();    // one 32-bit draw
  std::uint64_t random64();  // two draws, the first in the high half
  double uniform_double();   // [0, 1) from the low 53 bits of random64()
  double normal_double();    // one Box-Muller pair per two calls; the second is cached

  std::mt19937 engine_;
  std::optional<double> next_double_normal_;
};

}  // namespace backprop
