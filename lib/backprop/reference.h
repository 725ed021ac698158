// A reference case: a folder of .npy tensors that PyTorch wrote (data/reference/<case>/), named
// as the lecture's variables (logprobs.npy, W1.npy, Xb.npy, ...) with their gradients as
// d<name>.npy, plus meta.json with the sizes. probes/<step>/ inside it holds, per step, a
// self-contained case of that step's inputs and its expected output (see data/README.md).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "backprop/forward.h"  // the model's sizes and the parameters' shapes
#include "backprop/paths.h"    // where the cases are
#include "backprop/tensor.h"

namespace backprop {

// The sizes a case's shapes are made of: its batch and the model's.
struct Dims {
  std::int64_t n = 0;  // batch size
  Sizes sizes;
};

// The PyTorch shape of a lecture tensor or of its gradient ("dW1" has the shape of "W1");
// throws std::invalid_argument for a name the lecture does not have.
std::vector<std::int64_t> expected_shape(std::string_view name, const Dims& dims);

class Case {
 public:
  // Reads dir/meta.json; throws std::runtime_error naming the file when it is missing or incomplete.
  explicit Case(std::filesystem::path dir);

  const std::filesystem::path& dir() const { return dir_; }
  const Dims& dims() const { return dims_; }
  bool has(std::string_view name) const;

  // Each loads name.npy, checking its dtype and its shape against expected_shape(); a tensor of
  // more than two dimensions is flattened into rows (see tensor.h).
  Matrix matrix(std::string_view name) const;
  RowVector row(std::string_view name) const;
  ColVector col(std::string_view name) const;
  IndexMatrix index_matrix(std::string_view name) const;
  IndexVector index_vector(std::string_view name) const;
  float scalar(std::string_view name) const;

  // The probe of one step (dir/probes/<step>/), or nothing when the case has none.
  std::optional<Case> probe(std::string_view step) const;
  // The .npy a tensor is read from: what a step report names as the expected tensor.
  std::filesystem::path file(std::string_view name) const;

 private:
  std::filesystem::path dir_;
  Dims dims_;
};

}  // namespace backprop
