#include "backprop/random.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <numbers>
#include <stdexcept>
#include <string>

// Every float expression below is one operation per statement or an explicit std::fma, so that no
// compiler setting (-ffp-contract, -march) can fuse or reorder what torch's kernel rounds separately.

namespace backprop {

// ---- CPython's random.Random (Modules/_randommodule.c, the reference MT19937) ----

PythonRandom::PythonRandom(std::uint64_t seed) {
  // init_genrand(19650218), then init_by_array over the seed's 32-bit words, least significant
  // first; random.seed(0) uses the one word 0.
  std::array<std::uint32_t, 2> key{static_cast<std::uint32_t>(seed), static_cast<std::uint32_t>(seed >> 32)};
  const std::size_t key_length = key[1] == 0 ? 1 : 2;

  mt_[0] = 19650218u;
  for (std::uint32_t i = 1; i < kN; ++i) mt_[i] = 1812433253u * (mt_[i - 1] ^ (mt_[i - 1] >> 30)) + i;

  std::size_t i = 1, j = 0;
  for (std::size_t k = std::max<std::size_t>(kN, key_length); k > 0; --k) {
    mt_[i] = (mt_[i] ^ ((mt_[i - 1] ^ (mt_[i - 1] >> 30)) * 1664525u)) + key[j] + static_cast<std::uint32_t>(j);
    if (++i >= kN) {
      mt_[0] = mt_[kN - 1];
      i = 1;
    }
    if (++j >= key_length) j = 0;
  }
  for (std::size_t k = kN - 1; k > 0; --k) {
    mt_[i] = (mt_[i] ^ ((mt_[i - 1] ^ (mt_[i - 1] >> 30)) * 1566083941u)) - static_cast<std::uint32_t>(i);
    if (++i >= kN) {
      mt_[0] = mt_[kN - 1];
      i = 1;
    }
  }
  mt_[0] = 0x80000000u;  // the state is never all zeros
  mti_ = kN;
}

std::uint32_t PythonRandom::genrand_uint32() {
  constexpr int kM = 397;
  constexpr std::uint32_t kMatrixA = 0x9908b0dfu, kUpper = 0x80000000u, kLower = 0x7fffffffu;
  if (mti_ >= kN) {
    for (int k = 0; k < kN; ++k) {
      const std::uint32_t y = (mt_[k] & kUpper) | (mt_[(k + 1) % kN] & kLower);
      mt_[k] = mt_[(k + kM) % kN] ^ (y >> 1) ^ ((y & 1u) ? kMatrixA : 0u);
    }
    mti_ = 0;
  }
  std::uint32_t y = mt_[mti_++];
  y ^= y >> 11;
  y ^= (y << 7) & 0x9d2c5680u;
  y ^= (y << 15) & 0xefc60000u;
  y ^= y >> 18;
  return y;
}

std::uint32_t PythonRandom::getrandbits(int k) {
  if (k < 0 || k > 32) throw std::invalid_argument("getrandbits: k is " + std::to_string(k) + "; expected 0..32");
  if (k == 0) return 0;
  return genrand_uint32() >> (32 - k);
}

std::uint64_t PythonRandom::randbelow(std::uint64_t n) {
  if (n == 0) throw std::invalid_argument("randbelow: n is 0; expected n >= 1");
  const int k = std::bit_width(n);
  // getrandbits(k) for k > 32 fills 32-bit words from the least significant, the last one
  // shifted down to the bits that remain.
  const auto draw = [&] {
    if (k <= 32) return std::uint64_t{getrandbits(k)};
    const std::uint64_t low = genrand_uint32();
    return low | (std::uint64_t{getrandbits(k - 32)} << 32);
  };
  std::uint64_t r = draw();
  while (r >= n) r = draw();
  return r;
}

// ---- torch.Generator on the CPU (torch 1.13, aten/src/ATen/core/DistributionsHelper.h and
// aten/src/ATen/native/cpu/DistributionTemplates.h) ----

namespace {

// log256_ps of avx_mathfun.h (Cephes' logf), the way GCC compiles it into torch's AVX2 kernel:
// products followed by a sum are fused. For x in (0, 1], which is all Box-Muller passes it.
float cephes_log(float x) {
  const std::uint32_t bits = std::bit_cast<std::uint32_t>(x);
  float e = static_cast<float>(static_cast<std::int32_t>(bits >> 23) - 0x7f);
  e = e + 1.0f;
  float m = std::bit_cast<float>((bits & ~0x7f800000u) | 0x3f000000u);  // mantissa in [0.5, 1)
  const bool below_sqrt_half = m < 0.707106781186547524f;
  const float doubled = below_sqrt_half ? m : 0.0f;
  m = m - 1.0f;
  if (below_sqrt_half) e = e - 1.0f;
  m = m + doubled;

  const float z = m * m;
  float y = 7.0376836292E-2f;
  for (float p : {-1.1514610310E-1f, 1.1676998740E-1f, -1.2420140846E-1f, 1.4249322787E-1f, -1.6668057665E-1f,
                  2.0000714765E-1f, -2.4999993993E-1f, 3.3333331174E-1f})
    y = std::fma(y, m, p);
  y = y * m;
  const float e_q1 = e * -2.12194440e-4f;
  y = std::fma(y, z, e_q1);
  y = std::fma(-z, 0.5f, y);
  m = m + y;
  return std::fma(e, 0.693359375f, m);
}

// sincos256_ps of avx_mathfun.h (Cephes' sinf and cosf), compiled as in torch's AVX2 kernel. For
// x >= 0 and well below 2^24, which covers theta = 2 pi u.
void cephes_sincos(float x, float& sin_x, float& cos_x) {
  float y = x * 1.27323954473516f;  // 4 / pi
  const std::int32_t octant = (static_cast<std::int32_t>(y) + 1) & ~1;
  y = static_cast<float>(octant);
  const std::uint32_t sin_sign = static_cast<std::uint32_t>(octant & 4) << 29;
  const std::uint32_t cos_sign = static_cast<std::uint32_t>(~(octant - 2) & 4) << 29;
  const bool swap = (octant & 2) != 0;

  // x - y pi/4 in three pieces (Cody-Waite).
  x = std::fma(y, -0.78515625f, x);
  x = std::fma(y, -2.4187564849853515625e-4f, x);
  x = std::fma(y, -3.77489497744594108e-8f, x);

  const float z = x * x;
  float c = 2.443315711809948E-005f;
  c = std::fma(c, z, -1.388731625493765E-003f);
  c = std::fma(c, z, 4.166664568298827E-002f);
  c = c * z;
  const float half_z = z * 0.5f;
  c = std::fma(c, z, -half_z);
  c = c + 1.0f;

  float s = -1.9515295891E-4f;
  s = std::fma(s, z, 8.3321608736E-3f);
  s = std::fma(s, z, -1.6666654611E-1f);
  s = s * z;
  s = std::fma(s, x, x);

  sin_x = std::bit_cast<float>(std::bit_cast<std::uint32_t>(swap ? c : s) ^ sin_sign);
  cos_x = std::bit_cast<float>(std::bit_cast<std::uint32_t>(swap ? s : c) ^ cos_sign);
}

// normal_fill_16_AVX2: 16 uniforms in place -> 16 standard normals, the first 8 as the cosines.
void box_muller_16(float* data) {
  for (int i = 0; i < 8; ++i) {
    const float u1 = 1.0f - data[i];  // (0, 1] for the log
    const float u2 = data[i + 8];
    const float radius = std::sqrt(-2.0f * cephes_log(u1));
    const float theta = 2.0f * std::numbers::pi_v<float> * u2;
    float sin_theta, cos_theta;
    cephes_sincos(theta, sin_theta, cos_theta);
    data[i] = radius * cos_theta;
    data[i + 8] = radius * sin_theta;
  }
}

}  // namespace

TorchGenerator::TorchGenerator(std::uint64_t seed) : engine_(static_cast<std::uint32_t>(seed)) {}

std::uint32_t TorchGenerator::random() { return static_cast<std::uint32_t>(engine_()); }

std::uint64_t TorchGenerator::random64() {
  const std::uint64_t high = random();
  return (high << 32) | random();
}

double TorchGenerator::uniform_double() {
  constexpr std::uint64_t kMask = (std::uint64_t{1} << 53) - 1;
  return static_cast<double>(random64() & kMask) * 0x1p-53;
}

double TorchGenerator::normal_double() {
  if (next_double_normal_) return *std::exchange(next_double_normal_, std::nullopt);
  const double u1 = uniform_double();
  const double u2 = uniform_double();
  const double radius = std::sqrt(-2.0 * std::log(1.0 - u2));
  const double theta = 2.0 * std::numbers::pi * u1;
  next_double_normal_ = radius * std::sin(theta);
  return radius * std::cos(theta);
}

void TorchGenerator::randn(std::span<float> out) {
  const std::size_t size = out.size();
  // Fewer than 16 numbers take torch's scalar path: normal_distribution<double>, whose second
  // value waits in the generator for the next call.
  if (size < 16) {
    for (float& x : out) x = static_cast<float>(normal_double());
    return;
  }
  const auto fill_uniform = [&](std::span<float> part) {
    for (float& x : part) x = static_cast<float>(random() & 0xffffffu) * 0x1p-24f;
  };
  fill_uniform(out);
  for (std::size_t j = 0; j + 16 <= size; j += 16) box_muller_16(out.data() + j);
  // torch redoes the last 16 from fresh uniforms, overwriting the tail of the last full block.
  if (size % 16 != 0) {
    const std::span<float> last = out.last(16);
    fill_uniform(last);
    box_muller_16(last.data());
  }
}

void TorchGenerator::randint(std::int64_t high, std::span<std::int64_t> out) {
  if (high < 1 || high > std::int64_t{std::numeric_limits<std::uint32_t>::max()})
    throw std::invalid_argument("randint: high is " + std::to_string(high) + "; expected 1 <= high < 2^32");
  for (std::int64_t& x : out) x = static_cast<std::int64_t>(random() % static_cast<std::uint64_t>(high));
}

std::int64_t TorchGenerator::multinomial(std::span<const float> probs) {
  if (probs.empty()) throw std::invalid_argument("multinomial: probs is empty");
  float sum = 0;
  for (float p : probs) {
    if (!(p >= 0) || std::isinf(p))
      throw std::invalid_argument("multinomial: probs holds " + std::to_string(p) + "; expected finite p >= 0");
    sum += p;
  }
  if (!(sum > 0)) throw std::invalid_argument("multinomial: probs sums to 0; expected a positive sum");

  // torch draws argmax_i p_i / q_i with q_i ~ Exp(1) (exponential_ in double, stored as float,
  // divided in float): the Gumbel-max trick. argmax takes the first maximum; a NaN (0 / 0,
  // once in 2^53 draws) wins, as in torch.
  std::int64_t best = 0;
  float best_ratio = -1;
  for (std::size_t i = 0; i < probs.size(); ++i) {
    const float q = static_cast<float>(-std::log1p(-uniform_double()));
    const float ratio = probs[i] / q;
    if (std::isnan(best_ratio)) continue;
    if (std::isnan(ratio) || ratio > best_ratio) {
      best = static_cast<std::int64_t>(i);
      best_ratio = ratio;
    }
  }
  return best;
}

}  // namespace backprop
