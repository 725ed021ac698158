// Reading and writing NumPy .npy files: the format PyTorch's reference tensors are saved in.
// Only what the kata needs is accepted (little-endian float32 or int64, C order), and anything
// else is rejected with a message naming the file and what was expected.
#pragma once

#include <cstdint>
#include <filesystem>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace backprop::npy {

class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

enum class DType { float32, int64 };

// "float32 (<f4)" or "int64 (<i8)".
std::string to_string(DType dtype);

struct Array {
  DType dtype = DType::float32;
  std::vector<std::int64_t> shape;  // () for a scalar
  std::vector<float> f32;           // filled when dtype is float32
  std::vector<std::int64_t> i64;    // filled when dtype is int64
  std::int64_t size() const;        // product of shape
};

// "(32, 27)", "(64,)", "()": how PyTorch prints a shape.
std::string shape_string(std::span<const std::int64_t> shape);

// Parses the bytes of a .npy file; `source` names it in error messages.
Array parse(std::string_view bytes, const std::string& source);
// Reads a .npy file; throws Error naming the file when it is missing, unreadable or malformed.
Array read(const std::filesystem::path& file);

void write(const std::filesystem::path& file, std::span<const std::int64_t> shape, std::span<const float> data);
void write(const std::filesystem::path& file, std::span<const std::int64_t> shape, std::span<const std::int64_t> data);

}  // namespace backprop::npy
