// Hand-made .npy bytes, for tests that feed the readers broken files.
#pragma once

#include <cstddef>
#include <string>

namespace npy_bytes {

// The magic, version major.0, and dict padded with spaces and '\n' to a multiple of 64 bytes.
inline std::string header(const std::string& dict, char major = 1) {
  std::string text = dict;
  while ((10 + text.size() + 1) % 64 != 0) text += ' ';
  text += '\n';
  std::string bytes = "\x93NUMPY";
  bytes += major;
  bytes += '\0';
  bytes += static_cast<char>(text.size() & 0xff);
  bytes += static_cast<char>(text.size() >> 8);
  return bytes + text;
}

// count float32 zeros.
inline std::string floats(int count) { return std::string(static_cast<std::size_t>(count) * 4, '\0'); }

}  // namespace npy_bytes
