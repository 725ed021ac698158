// The kata: one function per backward step of the lecture's MLP. Each takes the forward tensors it
// needs and the upstream gradient(s), and returns the gradient of the loss with respect to one
// tensor. exercises/ and solutions/ each define every function below, one file per step, in the
// order of steps.json. n is the batch size; shapes use the lecture's sizes (vocab_size 27,
// block_size 3, n_embd 10, n_hidden 64), but every step must work for any sizes.
#pragma once

#include <stdexcept>
#include <string>

#include "backprop/tensor.h"

namespace backprop {

// Thrown by a step that is not written yet; the tests turn it into "edit this file".
class NotDone : public std::logic_error {
 public:
  explicit NotDone(const std::string& step) : std::logic_error(step + " is not done yet"), step_(step) {}
  const std::string& step() const { return step_; }

 private:
  std::string step_;
};

// Exercise 1: backprop through the forward pass one line at a time.

// loss = -logprobs[range(n), Yb].mean()
// logprobs (n, 27), Yb (n,) -> dlogprobs (n, 27)
Matrix dlogprobs(const Matrix& logprobs, const IndexVector& Yb);

// logprobs = probs.log()
// probs (n, 27), dlogprobs (n, 27) -> dprobs (n, 27)
Matrix dprobs(const Matrix& probs, const Matrix& dlogprobs);

// probs = counts * counts_sum_inv
// counts (n, 27), dprobs (n, 27) -> dcounts_sum_inv (n, 1)
ColVector dcounts_sum_inv(const Matrix& counts, const Matrix& dprobs);

// counts_sum_inv = counts_sum**-1
// counts_sum (n, 1), dcounts_sum_inv (n, 1) -> dcounts_sum (n, 1)
ColVector dcounts_sum(const ColVector& counts_sum, const ColVector& dcounts_sum_inv);

// probs = counts * counts_sum_inv; counts_sum = counts.sum(1, keepdims=True)
// counts_sum_inv (n, 1), dprobs (n, 27), dcounts_sum (n, 1) -> dcounts (n, 27)
Matrix dcounts(const ColVector& counts_sum_inv, const Matrix& dprobs, const ColVector& dcounts_sum);

// counts = norm_logits.exp()
// counts (n, 27), dcounts (n, 27) -> dnorm_logits (n, 27)
Matrix dnorm_logits(const Matrix& counts, const Matrix& dcounts);

// norm_logits = logits - logit_maxes
// dnorm_logits (n, 27) -> dlogit_maxes (n, 1)
ColVector dlogit_maxes(const Matrix& dnorm_logits);

// norm_logits = logits - logit_maxes; logit_maxes = logits.max(1, keepdim=True).values
// logits (n, 27), dnorm_logits (n, 27), dlogit_maxes (n, 1) -> dlogits (n, 27)
Matrix dlogits(const Matrix& logits, const Matrix& dnorm_logits, const ColVector& dlogit_maxes);

// logits = h @ W2 + b2
// W2 (64, 27), dlogits (n, 27) -> dh (n, 64)
Matrix dh(const Matrix& W2, const Matrix& dlogits);

// logits = h @ W2 + b2
// h (n, 64), dlogits (n, 27) -> dW2 (64, 27)
Matrix dW2(const Matrix& h, const Matrix& dlogits);

// logits = h @ W2 + b2
// dlogits (n, 27) -> db2 (27,)
RowVector db2(const Matrix& dlogits);

// h = torch.tanh(hpreact)
// h (n, 64), dh (n, 64) -> dhpreact (n, 64)
Matrix dhpreact(const Matrix& h, const Matrix& dh);

// hpreact = bngain * bnraw + bnbias
// bnraw (n, 64), dhpreact (n, 64) -> dbngain (1, 64)
RowVector dbngain(const Matrix& bnraw, const Matrix& dhpreact);

// hpreact = bngain * bnraw + bnbias
// dhpreact (n, 64) -> dbnbias (1, 64)
RowVector dbnbias(const Matrix& dhpreact);

// hpreact = bngain * bnraw + bnbias
// bngain (1, 64), dhpreact (n, 64) -> dbnraw (n, 64)
Matrix dbnraw(const RowVector& bngain, const Matrix& dhpreact);

// bnraw = bndiff * bnvar_inv
// bndiff (n, 64), dbnraw (n, 64) -> dbnvar_inv (1, 64)
RowVector dbnvar_inv(const Matrix& bndiff, const Matrix& dbnraw);

// bnvar_inv = (bnvar + 1e-5)**-0.5
// bnvar (1, 64), dbnvar_inv (1, 64) -> dbnvar (1, 64)
RowVector dbnvar(const RowVector& bnvar, const RowVector& dbnvar_inv);

// bnvar = 1/(n-1)*(bndiff2).sum(0, keepdim=True)
// bndiff2 (n, 64), dbnvar (1, 64) -> dbndiff2 (n, 64)
Matrix dbndiff2(const Matrix& bndiff2, const RowVector& dbnvar);

// bnraw = bndiff * bnvar_inv; bndiff2 = bndiff**2
// bndiff (n, 64), bnvar_inv (1, 64), dbnraw (n, 64), dbndiff2 (n, 64) -> dbndiff (n, 64)
Matrix dbndiff(const Matrix& bndiff, const RowVector& bnvar_inv, const Matrix& dbnraw, const Matrix& dbndiff2);

// bndiff = hprebn - bnmeani
// dbndiff (n, 64) -> dbnmeani (1, 64)
RowVector dbnmeani(const Matrix& dbndiff);

// bndiff = hprebn - bnmeani; bnmeani = 1/n*hprebn.sum(0, keepdim=True)
// dbndiff (n, 64), dbnmeani (1, 64) -> dhprebn (n, 64)
Matrix dhprebn(const Matrix& dbndiff, const RowVector& dbnmeani);

// hprebn = embcat @ W1 + b1
// W1 (30, 64), dhprebn (n, 64) -> dembcat (n, 30)
Matrix dembcat(const Matrix& W1, const Matrix& dhprebn);

// hprebn = embcat @ W1 + b1
// embcat (n, 30), dhprebn (n, 64) -> dW1 (30, 64)
Matrix dW1(const Matrix& embcat, const Matrix& dhprebn);

// hprebn = embcat @ W1 + b1
// dhprebn (n, 64) -> db1 (64,)
RowVector db1(const Matrix& dhprebn);

// embcat = emb.view(emb.shape[0], -1)
// emb (n * 3, 10), dembcat (n, 30) -> demb (n * 3, 10)
Matrix demb(const Matrix& emb, const Matrix& dembcat);

// emb = C[Xb]
// C (27, 10), Xb (n, 3), demb (n * 3, 10) -> dC (27, 10)
Matrix dC(const Matrix& C, const IndexMatrix& Xb, const Matrix& demb);

// Exercise 2: the cross-entropy backward in one go.
// loss = F.cross_entropy(logits, Yb)
// logits (n, 27), Yb (n,) -> dlogits (n, 27)
Matrix cross_entropy_backward(const Matrix& logits, const IndexVector& Yb);

// Exercise 3: the BatchNorm backward in one go (Bessel-corrected variance, eps 1e-5).
// hpreact = bngain * (hprebn - bnmeani) * bnvar_inv + bnbias
// bngain (1, 64), bnvar_inv (1, 64), bnraw (n, 64), dhpreact (n, 64) -> dhprebn (n, 64)
Matrix batchnorm_backward(const RowVector& bngain, const RowVector& bnvar_inv, const Matrix& bnraw,
                          const Matrix& dhpreact);

}  // namespace backprop
