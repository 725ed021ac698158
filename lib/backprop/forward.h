// The lecture's forward pass, chunked into the same small steps, so that every tensor a backward
// step needs has a name. Used by the chain test and the trainer.
#pragma once

#include "backprop/tensor.h"

namespace backprop {

struct Parameters {
  Matrix C;          // (vocab_size, n_embd)
  Matrix W1;         // (block_size * n_embd, n_hidden)
  RowVector b1;      // (n_hidden,)
  Matrix W2;         // (n_hidden, vocab_size)
  RowVector b2;      // (vocab_size,)
  RowVector bngain;  // (1, n_hidden)
  RowVector bnbias;  // (1, n_hidden)
};

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

// BatchNorm's epsilon, as in the lecture.
inline constexpr float kBatchNormEps = 1e-5f;

// Xb (n, block_size) character indices, Yb (n,) targets -> every tensor of the forward pass.
// Needs n >= 2 (the variance divides by n - 1).
Forward forward(const Parameters& p, const IndexMatrix& Xb, const IndexVector& Yb);

}  // namespace backprop
