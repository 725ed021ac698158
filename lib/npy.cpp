#include "backprop/npy.h"

#include <bit>
#include <cstring>
#include <fstream>
#include <limits>
#include <sstream>

namespace backprop::npy {
namespace {

static_assert(std::endian::native == std::endian::little, "the .npy reader assumes a little-endian host");

constexpr std::string_view kMagic = "\x93NUMPY";

[[noreturn]] void fail(const std::string& source, const std::string& what) { throw Error(source + ": " + what); }

// The header is a Python dict literal, e.g. {'descr': '<f4', 'fortran_order': False, 'shape': (32, 27), }.
// Returns the text after 'key': with leading spaces skipped.
std::string_view value_of(std::string_view header, std::string_view key, const std::string& source) {
  const std::string quoted = "'" + std::string(key) + "'";
  const auto at = header.find(quoted);
  if (at == std::string_view::npos) fail(source, "header has no '" + std::string(key) + "' entry");
  auto rest = header.substr(at + quoted.size());
  const auto colon = rest.find_first_not_of(' ');
  if (colon == std::string_view::npos || rest[colon] != ':')
    fail(source, "header entry '" + std::string(key) + "' has no ':'");
  rest = rest.substr(colon + 1);
  const auto start = rest.find_first_not_of(' ');
  return start == std::string_view::npos ? std::string_view{} : rest.substr(start);
}

DType parse_descr(std::string_view header, const std::string& source) {
  const auto value = value_of(header, "descr", source);
  const auto end = value.size() > 1 && value[0] == '\'' ? value.find('\'', 1) : std::string_view::npos;
  if (end == std::string_view::npos) fail(source, "header 'descr' is not a quoted string");
  const auto descr = value.substr(1, end - 1);
  if (descr == "<f4") return DType::float32;
  if (descr == "<i8") return DType::int64;
  fail(source, "dtype '" + std::string(descr) + "' is not supported; expected float32 (<f4) or int64 (<i8)");
}

bool parse_fortran_order(std::string_view header, const std::string& source) {
  const auto value = value_of(header, "fortran_order", source);
  if (value.starts_with("False")) return false;
  if (value.starts_with("True")) return true;
  fail(source, "header 'fortran_order' is neither True nor False");
}

std::vector<std::int64_t> parse_shape(std::string_view header, const std::string& source) {
  const auto value = value_of(header, "shape", source);
  const auto close = value.find(')');
  if (value.empty() || value[0] != '(' || close == std::string_view::npos)
    fail(source, "header 'shape' is not a tuple");
  std::vector<std::int64_t> shape;
  std::size_t i = 1;
  const auto skip_spaces = [&] {
    while (i < close && value[i] == ' ') ++i;
  };
  for (skip_spaces(); i < close;) {
    std::int64_t dim = 0;
    const std::size_t digits_start = i;
    for (; i < close && value[i] >= '0' && value[i] <= '9'; ++i) {
      if (dim > (std::numeric_limits<std::int64_t>::max() - 9) / 10)
        fail(source, "a dimension in 'shape' is too large");
      dim = dim * 10 + (value[i] - '0');
    }
    if (i == digits_start) fail(source, "header 'shape' holds something other than whole numbers");
    shape.push_back(dim);
    skip_spaces();
    if (i < close && value[i] == ',')
      ++i;
    else if (i < close)
      fail(source, "header 'shape' holds something other than whole numbers");
    skip_spaces();
  }
  return shape;
}

std::int64_t element_count(const std::vector<std::int64_t>& shape, const std::string& source) {
  std::int64_t count = 1;
  for (const auto dim : shape) {
    if (dim != 0 && count > std::numeric_limits<std::int64_t>::max() / 8 / dim)
      fail(source, "shape " + shape_string(shape) + " is too large");
    count *= dim;
  }
  return count;
}

template <typename T>
void write_file(const std::filesystem::path& file, std::string_view descr, std::span<const std::int64_t> shape,
                std::span<const T> data) {
  std::int64_t count = 1;
  for (const auto dim : shape) count *= dim;
  if (count != static_cast<std::int64_t>(data.size()))
    throw Error(file.string() + ": shape " + shape_string(shape) + " does not match " + std::to_string(data.size()) +
                " values");
  std::string header =
      "{'descr': '" + std::string(descr) + "', 'fortran_order': False, 'shape': " + shape_string(shape) + ", }";
  // Version 1.0: magic, version, 2-byte header length, then the header padded with spaces and a
  // newline so that the data starts on a 64-byte boundary, as NumPy writes it.
  const std::size_t unpadded = kMagic.size() + 2 + 2 + header.size() + 1;
  header.append((64 - unpadded % 64) % 64, ' ');
  header.push_back('\n');
  std::ofstream out(file, std::ios::binary);
  if (!out) throw Error(file.string() + ": cannot open for writing");
  const auto length = static_cast<std::uint16_t>(header.size());
  out.write(kMagic.data(), static_cast<std::streamsize>(kMagic.size()));
  out.put(1).put(0);
  out.put(static_cast<char>(length & 0xff)).put(static_cast<char>(length >> 8));
  out.write(header.data(), static_cast<std::streamsize>(header.size()));
  out.write(reinterpret_cast<const char*>(data.data()), static_cast<std::streamsize>(data.size_bytes()));
  if (!out) throw Error(file.string() + ": write failed");
}

}  // namespace

std::string to_string(DType dtype) { return dtype == DType::float32 ? "float32 (<f4)" : "int64 (<i8)"; }

std::int64_t Array::size() const {
  std::int64_t count = 1;
  for (const auto dim : shape) count *= dim;
  return count;
}

std::string shape_string(std::span<const std::int64_t> shape) {
  std::ostringstream out;
  out << '(';
  for (std::size_t i = 0; i < shape.size(); ++i) out << (i ? ", " : "") << shape[i];
  out << (shape.size() == 1 ? ",)" : ")");
  return out.str();
}

Array parse(std::string_view bytes, const std::string& source) {
  if (bytes.size() < kMagic.size() + 2 || bytes.substr(0, kMagic.size()) != kMagic)
    fail(source, "not a .npy file (it does not start with \\x93NUMPY)");
  const auto major = static_cast<unsigned char>(bytes[6]);
  if (major < 1 || major > 3)
    fail(source, ".npy format version " + std::to_string(major) + " is not supported; expected 1, 2 or 3");
  const std::size_t length_bytes = major == 1 ? 2 : 4;
  const std::size_t header_start = 8 + length_bytes;
  if (bytes.size() < header_start) fail(source, "file ends inside the header length");
  std::size_t header_length = 0;
  for (std::size_t i = 0; i < length_bytes; ++i)
    header_length |= static_cast<std::size_t>(static_cast<unsigned char>(bytes[8 + i])) << (8 * i);
  if (header_length > bytes.size() - header_start)
    fail(source, "header says it is " + std::to_string(header_length) + " bytes long but the file has only " +
                     std::to_string(bytes.size() - header_start) + " bytes after the header length");
  const auto header = bytes.substr(header_start, header_length);

  Array array;
  array.dtype = parse_descr(header, source);
  if (parse_fortran_order(header, source))
    fail(source, "array is in Fortran order; expected C order (save it with numpy.ascontiguousarray)");
  array.shape = parse_shape(header, source);

  const auto count = element_count(array.shape, source);
  const auto data = bytes.substr(header_start + header_length);
  const auto expected_bytes = static_cast<std::uint64_t>(count) * 4u * (array.dtype == DType::int64 ? 2u : 1u);
  if (data.size() != expected_bytes)
    fail(source, "shape " + shape_string(array.shape) + " of " + to_string(array.dtype) + " needs " +
                     std::to_string(expected_bytes) + " bytes of data but the file has " + std::to_string(data.size()) +
                     (data.size() < expected_bytes ? " (truncated?)" : ""));
  // data.size() was checked against the shape above, so this allocates no more than the file holds.
  void* out = nullptr;
  if (array.dtype == DType::float32) {
    array.f32.resize(static_cast<std::size_t>(count));
    out = array.f32.data();
  } else {
    array.i64.resize(static_cast<std::size_t>(count));
    out = array.i64.data();
  }
  if (!data.empty()) std::memcpy(out, data.data(), data.size());
  return array;
}

Array read(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw Error(file.string() + ": cannot open (does the file exist?)");
  std::ostringstream contents;
  contents << in.rdbuf();
  if (in.bad()) throw Error(file.string() + ": read failed");
  return parse(contents.view(), file.string());
}

void write(const std::filesystem::path& file, std::span<const std::int64_t> shape, std::span<const float> data) {
  write_file(file, "<f4", shape, data);
}

void write(const std::filesystem::path& file, std::span<const std::int64_t> shape, std::span<const std::int64_t> data) {
  write_file(file, "<i8", shape, data);
}

}  // namespace backprop::npy
