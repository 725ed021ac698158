// libFuzzer target: the judge reads a runner's answer, bytes a learner's code controls
// (tests/runner/wire.h). decode_answer must return one well-formed answer, whose gradient holds
// exactly rows * cols values, or nothing; anything else (a crash, a sanitizer report, an exception,
// an allocation for a size it was merely told) is a bug.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "wire.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  const auto answer = kata::wire::decode_answer(bytes);
  if (!answer) return 0;
  if (const auto* gradient = std::get_if<kata::wire::Gradient>(&*answer)) {
    if (gradient->rows < 0 || gradient->cols < 0 ||
        static_cast<std::size_t>(gradient->rows * gradient->cols) != gradient->values.size())
      std::abort();
  }
  return 0;
}
