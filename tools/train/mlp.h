// The network of exercise 4, one layer at a time. Each layer has a forward, which fills tensors the
// caller owns (sized once, reused every step), and a backward made of the learner's step
// functions (lib/backprop/steps.h). Names and shapes are the lecture's; n is the batch size.
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

struct Sizes {
  int vocab_size = 27;
  int block_size = 3;
  int n_embd = 10;
  int n_hidden = 200;
};

Sizes sizes_of(const Parameters& p);

// The gradient of the loss with respect to each parameter, shaped as the parameter.
struct Gradients {
  Matrix dC;          // (vocab_size, n_embd)
  Matrix dW1;         // (block_size * n_embd, n_hidden)
  RowVector db1;      // (n_hidden,)
  Matrix dW2;         // (n_hidden, vocab_size)
  RowVector db2;      // (vocab_size,)
  RowVector dbngain;  // (1, n_hidden)
  RowVector dbnbias;  // (1, n_hidden)
};

// emb = C[Xb]; embcat = emb.view(n, -1)
// C (vocab_size, n_embd), Xb (n, block_size) -> emb (n * block_size, n_embd), embcat (n, block_size * n_embd)
void forward_embedding(const Matrix& C, const IndexMatrix& Xb, Matrix& emb, Matrix& embcat);
// emb (n * block_size, n_embd), dembcat (n, block_size * n_embd) -> dC (vocab_size, n_embd)
Matrix backward_embedding(const Matrix& C, const IndexMatrix& Xb, const Matrix& emb, const Matrix& dembcat);

// hprebn = embcat @ W1 + b1
// embcat (n, block_size * n_embd), W1 (block_size * n_embd, n_hidden), b1 (n_hidden,) -> hprebn (n, n_hidden)
void forward_linear1(const Matrix& embcat, const Matrix& W1, const RowVector& b1, Matrix& hprebn);
// dhprebn (n, n_hidden) -> dembcat (n, block_size * n_embd); fills g.dW1, g.db1
Matrix backward_linear1(const Matrix& embcat, const Matrix& W1, const Matrix& dhprebn, Gradients& g);

// BatchNorm on the batch's own statistics, with Bessel's correction, as the training loop does it:
// bnmeani = hprebn.mean(0); bnvar_inv = (hprebn.var(0) + 1e-5)**-0.5;
// bnraw = (hprebn - bnmeani) * bnvar_inv; hpreact = bngain * bnraw + bnbias
// hprebn (n, n_hidden), bngain, bnbias (1, n_hidden)
//   -> bnmeani, bnvar_inv (1, n_hidden), bnraw, hpreact (n, n_hidden)
void forward_batchnorm(const Matrix& hprebn, const RowVector& bngain, const RowVector& bnbias, RowVector& bnmeani,
                       RowVector& bnvar_inv, Matrix& bnraw, Matrix& hpreact);
// dhpreact (n, n_hidden) -> dhprebn (n, n_hidden); fills g.dbngain, g.dbnbias
Matrix backward_batchnorm(const RowVector& bngain, const RowVector& bnvar_inv, const Matrix& bnraw,
                          const Matrix& dhpreact, Gradients& g);

// h = tanh(hpreact)
// hpreact (n, n_hidden) -> h (n, n_hidden)
void forward_tanh(const Matrix& hpreact, Matrix& h);
// h (n, n_hidden), dh (n, n_hidden) -> dhpreact (n, n_hidden)
Matrix backward_tanh(const Matrix& h, const Matrix& dh);

// logits = h @ W2 + b2
// h (n, n_hidden), W2 (n_hidden, vocab_size), b2 (vocab_size,) -> logits (n, vocab_size)
void forward_linear2(const Matrix& h, const Matrix& W2, const RowVector& b2, Matrix& logits);
// dlogits (n, vocab_size) -> dh (n, n_hidden); fills g.dW2, g.db2
Matrix backward_linear2(const Matrix& h, const Matrix& W2, const Matrix& dlogits, Gradients& g);

// loss = F.cross_entropy(logits, Yb): the mean of logsumexp(logits[i]) - logits[i, Yb[i]]
// logits (n, vocab_size), Yb (n,) -> loss
float forward_cross_entropy(const Matrix& logits, const IndexVector& Yb);
// logits (n, vocab_size), Yb (n,) -> dlogits (n, vocab_size)
Matrix backward_cross_entropy(const Matrix& logits, const IndexVector& Yb);

// What the fused backward reads from the forward pass of one batch.
struct Activations {
  Matrix emb;                    // (n * block_size, n_embd)
  Matrix embcat;                 // (n, block_size * n_embd)
  Matrix hprebn;                 // (n, n_hidden)
  RowVector bnmeani, bnvar_inv;  // (1, n_hidden)
  Matrix bnraw, hpreact, h;      // (n, n_hidden)
  Matrix logits;                 // (n, vocab_size)
  float loss = 0;
};

// The whole network on a batch: Xb (n, block_size), Yb (n,) -> a (every tensor above, and the loss).
void forward(const Parameters& p, const IndexMatrix& Xb, const IndexVector& Yb, Activations& a);
// The fused backward: cross-entropy (exercise 2) and BatchNorm (exercise 3) in one go each.
Gradients backward(const Parameters& p, const IndexMatrix& Xb, const IndexVector& Yb, const Activations& a);
// The step-by-step chain of exercise 1, on every intermediate of backprop::forward().
Gradients backward_chain(const Parameters& p, const IndexMatrix& Xb, const IndexVector& Yb, const backprop::Forward& f);

// p -= lr * g, parameter by parameter.
void sgd_update(Parameters& p, const Gradients& g, float lr);

}  // namespace train
