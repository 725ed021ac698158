// libFuzzer target: npy::parse must either return an array consistent with its header or throw
// npy::Error; anything else (a crash, a sanitizer report, another exception) is a bug.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "backprop/npy.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    const auto array = backprop::npy::parse(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.npy");
    const auto stored = array.dtype == backprop::npy::DType::float32 ? array.f32.size() : array.i64.size();
    if (static_cast<std::int64_t>(stored) != array.size()) std::abort();
  } catch (const backprop::npy::Error&) {
  }
  return 0;
}
