// The network's parameters and its forward pass, as the lecture writes them: embedding, linear,
// BatchNorm, tanh, linear, cross-entropy. Each layer's forward is a function of its inputs into
// tensors the caller owns, over float (training) or double (the trainer's finite differences).
// The whole pass comes in two forms, built from these layers:
//   forward() below, the lecture's chunked form: every intermediate a step of exercise 1 reads
//     (the reference test, and the trainer's --chain and gradient check);
//   train::forward (tools/train/mlp.h), the fused form: only what the fused backward reads.
// They differ where the lecture's chunks cost what the trainer need not pay (see forward()).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "backprop/tensor.h"

namespace backprop {

template <typename Scalar>
using MatrixOf = Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
template <typename Scalar>
using RowVectorOf = Eigen::Matrix<Scalar, 1, Eigen::Dynamic>;

// The model's sizes, of which every parameter's shape is made; the defaults are the lecture's.
struct Sizes {
  std::int64_t vocab_size = 27;
  std::int64_t block_size = 3;
  std::int64_t n_embd = 10;
  std::int64_t n_hidden = 200;
};

// The seven parameters, shaped as parameter_shapes() says. The same type holds their gradients (grad.W1 is dloss/dW1),
// as llm.c's ParameterTensors does, so that anything done to every parameter is written once, through
// for_each_parameter.
template <typename Scalar>
struct ParameterTensors {
  MatrixOf<Scalar> C;          // (vocab_size, n_embd)
  MatrixOf<Scalar> W1;         // (block_size * n_embd, n_hidden)
  RowVectorOf<Scalar> b1;      // (n_hidden,)
  MatrixOf<Scalar> W2;         // (n_hidden, vocab_size)
  RowVectorOf<Scalar> b2;      // (vocab_size,)
  RowVectorOf<Scalar> bngain;  // (1, n_hidden)
  RowVectorOf<Scalar> bnbias;  // (1, n_hidden)
};
using Parameters = ParameterTensors<float>;

// Calls f(name, a.X, b.X, ...) for each parameter X of the sets given, in the lecture's order:
// C, W1, b1, W2, b2, bngain, bnbias. name is the lecture's ("W1"); a gradient's is "d" + name.
// The one list of the seven.
template <typename F, typename... Sets>
void for_each_parameter(F&& f, Sets&... sets) {
  f(std::string_view("C"), sets.C...);
  f(std::string_view("W1"), sets.W1...);
  f(std::string_view("b1"), sets.b1...);
  f(std::string_view("W2"), sets.W2...);
  f(std::string_view("b2"), sets.b2...);
  f(std::string_view("bngain"), sets.bngain...);
  f(std::string_view("bnbias"), sets.bnbias...);
}

// A tensor's shape as PyTorch gives it: b1 is (n_hidden,), bngain (1, n_hidden).
using Shape = std::vector<std::int64_t>;

// The rows a tensor of this shape is stored in: one for a 1-D tensor, the leading dimensions
// flattened for more (tensor.h); its columns are shape.back().
std::int64_t rows_of(const Shape& shape);

// The shape of each parameter, as llm.c's fill_in_parameter_sizes: the one place they are written.
// for_each_parameter walks it as it walks the tensors.
struct ParameterShapes {
  Shape C, W1, b1, W2, b2, bngain, bnbias;
};
ParameterShapes parameter_shapes(const Sizes& s);

// As the lecture counts them: sum(p.nelement() for p in parameters).
std::int64_t parameter_count(const Sizes& s);

// BatchNorm's epsilon, as in the lecture.
inline constexpr float kBatchNormEps = 1e-5f;

// emb = C[Xb]; embcat = emb.view(n, -1)
// C (vocab_size, n_embd), Xb (n, block_size) -> emb (n * block_size, n_embd), embcat (n, block_size * n_embd)
template <typename Scalar>
void forward_embedding(const MatrixOf<Scalar>& C, const IndexMatrix& Xb, MatrixOf<Scalar>& emb,
                       MatrixOf<Scalar>& embcat);

// out = x @ W + b: both linear layers (hprebn = embcat @ W1 + b1, logits = h @ W2 + b2)
// x (n, fan_in), W (fan_in, fan_out), b (fan_out,) -> out (n, fan_out)
template <typename Scalar>
void forward_linear(const MatrixOf<Scalar>& x, const MatrixOf<Scalar>& W, const RowVectorOf<Scalar>& b,
                    MatrixOf<Scalar>& out);

// BatchNorm on the batch's own statistics, with Bessel's correction, fused:
// bnmeani = hprebn.mean(0); bnvar_inv = (hprebn.var(0) + 1e-5)**-0.5;
// bnraw = (hprebn - bnmeani) * bnvar_inv; hpreact = bngain * bnraw + bnbias
// hprebn (n, n_hidden), bngain, bnbias (1, n_hidden)
//   -> bnmeani, bnvar_inv (1, n_hidden), bnraw, hpreact (n, n_hidden). Needs n >= 2.
template <typename Scalar>
void forward_batchnorm(const MatrixOf<Scalar>& hprebn, const RowVectorOf<Scalar>& bngain,
                       const RowVectorOf<Scalar>& bnbias, RowVectorOf<Scalar>& bnmeani, RowVectorOf<Scalar>& bnvar_inv,
                       MatrixOf<Scalar>& bnraw, MatrixOf<Scalar>& hpreact);

// h = tanh(hpreact)
// hpreact (n, n_hidden) -> h (n, n_hidden)
template <typename Scalar>
void forward_tanh(const MatrixOf<Scalar>& hpreact, MatrixOf<Scalar>& h);

// loss = F.cross_entropy(logits, Yb), fused: the mean of logsumexp(logits[i]) - logits[i, Yb[i]]
// logits (n, vocab_size), Yb (n,) -> loss
template <typename Scalar>
Scalar forward_cross_entropy(const MatrixOf<Scalar>& logits, const IndexVector& Yb);

// Every intermediate tensor, named and shaped as in the lecture (n rows each unless noted).
struct Forward {
  Matrix emb;                            // (n * block_size, n_embd)
  Matrix embcat;                         // (n, block_size * n_embd)
  Matrix hprebn;                         // (n, n_hidden)
  RowVector bnmeani;                     // (1, n_hidden)
  Matrix bndiff, bndiff2;                // (n, n_hidden)
  RowVector bnvar, bnvar_inv;            // (1, n_hidden)
  Matrix bnraw, hpreact, h;              // (n, n_hidden)
  Matrix logits;                         // (n, vocab_size)
  ColVector logit_maxes;                 // (n, 1)
  Matrix norm_logits, counts;            // (n, vocab_size)
  ColVector counts_sum, counts_sum_inv;  // (n, 1)
  Matrix probs, logprobs;                // (n, vocab_size)
  float loss = 0;
};

// The lecture's chunked forward: Xb (n, block_size) character indices, Yb (n,) targets -> every
// tensor of the pass. Needs n >= 2 (the variance divides by n - 1).
Forward forward(const Parameters& p, const IndexMatrix& Xb, const IndexVector& Yb);

}  // namespace backprop
