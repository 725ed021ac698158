// The tensor types every step uses: Eigen matrices laid out like PyTorch's (row-major), so a
// (rows, cols) Matrix holds its numbers in the same order as the (rows, cols) torch tensor.
#pragma once

#include <cstdint>
#include <stdexcept>

// Eigen's size and index checks throw instead of aborting, so that a shape mistake in a step is
// reported as that step's failure, at the line of the step that made it (tests/runner/main.cpp;
// lib/eigen_check.cpp in the project's other programs).
// Release builds (NDEBUG) compile them out, as Eigen does.
#if !defined(NDEBUG) && !defined(eigen_assert)
namespace backprop {
struct EigenCheckFailed : std::logic_error {
  using std::logic_error::logic_error;
};
// Throws EigenCheckFailed: Eigen's condition and header line (and, in a runner, where the step called Eigen).
[[noreturn]] void eigen_check_failed(const char* condition, const char* file, int line);
}  // namespace backprop
#define eigen_assert(condition) ((condition) ? void(0) : ::backprop::eigen_check_failed(#condition, __FILE__, __LINE__))
#endif
#include <Eigen/Core>

namespace backprop {

// (rows, cols) float32, row-major: logits, h, W1, ... A tensor with more than two dimensions is
// flattened into rows: emb (n, block_size, n_embd) is a Matrix of n * block_size rows, row
// i * block_size + j holding emb[i, j].
using Matrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
// (1, cols): bngain, bnmeani, bnvar, bnvar_inv, and the biases b1 (64,) and b2 (27,).
using RowVector = Eigen::RowVectorXf;
// (rows, 1): logit_maxes, counts_sum, counts_sum_inv.
using ColVector = Eigen::VectorXf;
// (n, block_size) int64: Xb, the context of each example as character indices.
using IndexMatrix = Eigen::Matrix<std::int64_t, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
// (n,) int64: Yb, the index of the character that follows each context.
using IndexVector = Eigen::Matrix<std::int64_t, Eigen::Dynamic, 1>;

}  // namespace backprop
