#include "wire.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <type_traits>

namespace kata::wire {
namespace {

constexpr char kMagic[4] = {'K', 'A', 'T', 'A'};

template <typename T>
void put(std::string& out, const T& value) {
  static_assert(std::is_trivially_copyable_v<T>);
  out.append(reinterpret_cast<const char*>(&value), sizeof value);
}

// Reads fixed-size values off a byte string, failing once on running short.
class Reader {
 public:
  explicit Reader(const std::string& bytes) : bytes_(bytes) {}
  template <typename T>
  bool get(T& value) {
    return take(&value, sizeof value);
  }
  bool take(void* into, std::size_t size) {
    if (bytes_.size() - at_ < size) return false;
    if (size == 0) return true;  // `into` may be an empty vector's null data()
    std::memcpy(into, bytes_.data() + at_, size);
    at_ += size;
    return true;
  }
  std::size_t left() const { return bytes_.size() - at_; }

 private:
  const std::string& bytes_;
  std::size_t at_ = 0;
};

void write_all(int fd, const std::string& bytes) {
  for (std::size_t done = 0; done < bytes.size();) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;  // the judge has gone: nobody is left to tell
    done += static_cast<std::size_t>(n);
  }
}

std::string read_all(int fd) {
  std::string bytes;
  char buffer[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return bytes;
    bytes.append(buffer, static_cast<std::size_t>(n));
  }
}

// A shape whose values fit in what is left: no reader allocates for a size it was merely told.
bool plausible(std::int64_t rows, std::int64_t cols, std::size_t element, std::size_t left) {
  return rows >= 0 && cols >= 0 && (cols == 0 || static_cast<std::uint64_t>(rows) <= left / element / cols);
}

template <typename T>
bool read_values(Reader& in, std::int64_t rows, std::int64_t cols, std::vector<T>& values) {
  if (!plausible(rows, cols, sizeof(T), in.left())) return false;
  values.resize(static_cast<std::size_t>(rows * cols));
  return in.take(values.data(), values.size() * sizeof(T));
}

void put_text(std::string& out, const std::string& text) {
  put(out, static_cast<std::uint32_t>(text.size()));
  out += text;
}

bool get_text(Reader& in, std::string& text) {
  std::uint32_t size = 0;
  if (!in.get(size) || size > in.left()) return false;
  text.resize(size);
  return in.take(text.data(), size);
}

}  // namespace

std::string encode_inputs(const std::vector<Tensor>& inputs) {
  std::string out(kMagic, sizeof kMagic);
  put(out, static_cast<std::uint32_t>(inputs.size()));
  for (const auto& tensor : inputs) {
    const bool indices = std::holds_alternative<std::vector<std::int64_t>>(tensor.values);
    put(out, static_cast<std::uint8_t>(indices));
    put(out, tensor.rows);
    put(out, tensor.cols);
    std::visit(
        [&](const auto& values) {
          out.append(reinterpret_cast<const char*>(values.data()), values.size() * sizeof values[0]);
        },
        tensor.values);
  }
  return out;
}

std::optional<std::vector<Tensor>> read_inputs(int fd) {
  const auto bytes = read_all(fd);
  Reader in(bytes);
  char magic[sizeof kMagic];
  std::uint32_t count = 0;
  if (!in.take(magic, sizeof magic) || std::memcmp(magic, kMagic, sizeof magic) != 0 || !in.get(count)) return {};
  std::vector<Tensor> inputs;
  for (std::uint32_t i = 0; i < count; ++i) {
    std::uint8_t kind = 0;
    Tensor tensor;
    if (!in.get(kind) || !in.get(tensor.rows) || !in.get(tensor.cols)) return {};
    bool read = false;
    if (kind == 0) read = read_values(in, tensor.rows, tensor.cols, tensor.values.emplace<std::vector<float>>());
    if (kind == 1) read = read_values(in, tensor.rows, tensor.cols, tensor.values.emplace<std::vector<std::int64_t>>());
    if (!read) return {};
    inputs.push_back(std::move(tensor));
  }
  if (in.left() != 0) return {};
  return inputs;
}

void send_gradient(int fd, std::int64_t rows, std::int64_t cols, const float* data) {
  std::string out(1, 'R');
  put(out, rows);
  put(out, cols);
  out.append(reinterpret_cast<const char*>(data), static_cast<std::size_t>(rows * cols) * sizeof(float));
  write_all(fd, out);
}

void send_not_done(int fd) { write_all(fd, "N"); }

void send_threw(int fd, const std::string& what) {
  std::string out(1, 'T');
  put_text(out, what);
  write_all(fd, out);
}

void send_eigen_failure(int fd, const std::string& check, const std::vector<std::uint64_t>& addresses) {
  std::string out(1, 'E');
  put_text(out, check);
  put(out, static_cast<std::uint32_t>(addresses.size()));
  for (const auto address : addresses) put(out, address);
  write_all(fd, out);
}

void send_denied_call(int fd, int syscall_number) {
  char out[1 + sizeof syscall_number] = {'S'};
  std::memcpy(out + 1, &syscall_number, sizeof syscall_number);
  (void)!::write(fd, out, sizeof out);
}

std::optional<Answer> decode_answer(const std::string& bytes) {
  Reader in(bytes);
  char tag = 0;
  if (!in.get(tag)) return {};
  Answer answer;
  bool read = false;
  switch (tag) {
    case 'R': {
      auto& gradient = answer.emplace<Gradient>();
      read = in.get(gradient.rows) && in.get(gradient.cols) &&
             read_values(in, gradient.rows, gradient.cols, gradient.values);
      break;
    }
    case 'N':
      answer.emplace<NotDone>();
      read = true;
      break;
    case 'T':
      read = get_text(in, answer.emplace<Threw>().what);
      break;
    case 'E': {
      auto& failure = answer.emplace<EigenFailure>();
      std::uint32_t count = 0;
      read = get_text(in, failure.check) && in.get(count) && count <= in.left() / sizeof(std::uint64_t);
      if (read) {
        failure.addresses.resize(count);
        read = in.take(failure.addresses.data(), count * sizeof(std::uint64_t));
      }
      break;
    }
    case 'S':
      read = in.get(answer.emplace<DeniedCall>().number);
      break;
    default:
      break;
  }
  if (!read || in.left() != 0) return {};
  return answer;
}

}  // namespace kata::wire
