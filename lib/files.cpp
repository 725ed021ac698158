#include "backprop/files.h"

#include <fstream>
#include <iterator>
#include <stdexcept>

namespace backprop {

std::string read_text(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  // A folder opens, then fails its first read.
  std::error_code error;
  if (!in || std::filesystem::is_directory(file, error)) throw std::runtime_error(file.string() + ": cannot read");
  return {std::istreambuf_iterator<char>(in), {}};
}

void write_text(const std::filesystem::path& file, const std::string& text) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out << text;
  if (!out.flush()) throw std::runtime_error(file.string() + ": cannot write");
}

}  // namespace backprop
