// What a judge (the step test) and a runner (the learner's step in a program of its own) say to
// each other. The judge writes the step's inputs to the runner's fd kInputFd, in the order of the
// step's parameters; the runner writes one answer to fd kAnswerFd. Both ends are built from one
// checkout and run on one machine, so numbers travel in its own byte order.
//
//   inputs: "KATA", u32 count, then each tensor: u8 kind (0 float32, 1 int64), i64 rows, i64 cols, data
//   answer: u8 tag, then
//     'R' the gradient: i64 rows, i64 cols, float32 data (row-major)
//     'N' not done (the stub threw NotDone)
//     'T' threw: u32 length, what()
//     'E' an Eigen check failed: u32 length, the condition and Eigen's line, u32 count, u64 return addresses
//     'S' a system call the runner may not make: i32 its number (written by the SIGSYS handler)
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace kata::wire {

inline constexpr int kInputFd = 3;
inline constexpr int kAnswerFd = 4;

// A tensor on the wire: float32 values or int64 indices, rows by columns, row-major.
struct Tensor {
  std::int64_t rows = 0, cols = 0;
  std::variant<std::vector<float>, std::vector<std::int64_t>> values;
};

std::string encode_inputs(const std::vector<Tensor>& inputs);
// The inputs read whole from fd; nothing when they are not well formed.
std::optional<std::vector<Tensor>> read_inputs(int fd);

// The runner's answers, each one write() so that a runner that dies after it has said it whole.
void send_gradient(int fd, std::int64_t rows, std::int64_t cols, const float* data);
void send_not_done(int fd);
void send_threw(int fd, const std::string& what);
void send_eigen_failure(int fd, const std::string& check, const std::vector<std::uint64_t>& addresses);
// Async-signal-safe: the SIGSYS handler's.
void send_denied_call(int fd, int syscall_number);

// An answer as the judge reads it.
struct Gradient {
  std::int64_t rows = 0, cols = 0;
  std::vector<float> values;
};
struct NotDone {};
struct Threw {
  std::string what;
};
struct EigenFailure {
  std::string check;
  std::vector<std::uint64_t> addresses;
};
struct DeniedCall {
  int number = 0;
};
using Answer = std::variant<Gradient, NotDone, Threw, EigenFailure, DeniedCall>;

// The answer in bytes; nothing when they are not exactly one well-formed answer.
std::optional<Answer> decode_answer(const std::string& bytes);

}  // namespace kata::wire
