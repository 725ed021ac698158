// The network of exercise 4, one layer at a time. Each layer has a forward (lib/backprop/forward.h),
// which fills tensors the caller owns (sized once, reused every step), and here a backward made of
// the learner's step functions (lib/backprop/steps.h). Names and shapes are the lecture's; n is
// the batch size.
#pragma once

#include <cstdint>

#include "backprop/forward.h"
#include "backprop/tensor.h"

namespace train {

using backprop::ColVector;
using backprop::IndexMatrix;
using backprop::IndexVector;
using backprop::Matrix;
using backprop::Parameters;
using backprop::RowVector;

using backprop::Sizes;

Sizes sizes_of(const Parameters& p);

// A layer's backward is made of the learner's step functions and checks the shape of what each
// returns; its forward is in lib/backprop/forward.h. grad receives the parameters' gradients.

// emb (n * block_size, n_embd), dembcat (n, block_size * n_embd) -> dC (vocab_size, n_embd)
Matrix backward_embedding(const Matrix& C, const IndexMatrix& Xb, const Matrix& emb, const Matrix& dembcat);

// dhprebn (n, n_hidden) -> dembcat (n, block_size * n_embd); fills grad.W1, grad.b1
Matrix backward_linear1(const Matrix& embcat, const Matrix& W1, const Matrix& dhprebn, Parameters& grad);

// dhpreact (n, n_hidden) -> dhprebn (n, n_hidden); fills grad.bngain, grad.bnbias
Matrix backward_batchnorm(const RowVector& bngain, const RowVector& bnvar_inv, const Matrix& bnraw,
                          const Matrix& dhpreact, Parameters& grad);

// h (n, n_hidden), dh (n, n_hidden) -> dhpreact (n, n_hidden)
Matrix backward_tanh(const Matrix& h, const Matrix& dh);

// dlogits (n, vocab_size) -> dh (n, n_hidden); fills grad.W2, grad.b2
Matrix backward_linear2(const Matrix& h, const Matrix& W2, const Matrix& dlogits, Parameters& grad);

// logits (n, vocab_size), Yb (n,) -> dlogits (n, vocab_size)
Matrix backward_cross_entropy(const Matrix& logits, const IndexVector& Yb);

// What the fused backward reads from the forward pass of one batch.
template <typename Scalar>
struct Activations {
  backprop::MatrixOf<Scalar> emb;                    // (n * block_size, n_embd)
  backprop::MatrixOf<Scalar> embcat;                 // (n, block_size * n_embd)
  backprop::MatrixOf<Scalar> hprebn;                 // (n, n_hidden)
  backprop::RowVectorOf<Scalar> bnmeani, bnvar_inv;  // (1, n_hidden)
  backprop::MatrixOf<Scalar> bnraw, hpreact, h;      // (n, n_hidden)
  backprop::MatrixOf<Scalar> logits;                 // (n, vocab_size)
  Scalar loss = 0;
};

// The fused forward on a batch: Xb (n, block_size), Yb (n,) -> a (every tensor above, and the loss).
// In float it trains; in double it is the loss the gradient check differentiates numerically.
template <typename Scalar>
void forward(const backprop::ParameterTensors<Scalar>& p, const IndexMatrix& Xb, const IndexVector& Yb,
             Activations<Scalar>& a);
// The fused backward: cross-entropy (exercise 2) and BatchNorm (exercise 3) in one go each.
Parameters backward(const Parameters& p, const IndexMatrix& Xb, const IndexVector& Yb, const Activations<float>& a);
// The step-by-step chain of exercise 1, on every intermediate of backprop::forward().
Parameters backward_chain(const Parameters& p, const IndexMatrix& Xb, const IndexVector& Yb,
                          const backprop::Forward& f);

// Which backward a training step takes, each with the forward that feeds it.
enum class Backward {
  fused,  // exercises 2 and 3 after the fused forward: what the trainer runs by default, fast
  chain,  // the 26 steps of exercise 1 after the lecture's chunked forward: slower, every step exercised
};

// One batch through the network and back: returns the loss and fills grad. a is the fused
// forward's storage, reused from step to step.
float loss_and_gradients(Backward which, const Parameters& p, const IndexMatrix& Xb, const IndexVector& Yb,
                         Activations<float>& a, Parameters& grad);

// p -= lr * grad, parameter by parameter.
void sgd_update(Parameters& p, const Parameters& grad, float lr);

}  // namespace train
