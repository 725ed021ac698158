// The gradient check: on one batch, a backward's gradients against the step-by-step chain of
// exercise 1 and against central finite differences of the loss computed in double precision.
#pragma once

#include <ostream>
#include <string_view>

#include "backprop/compare.h"
#include "mlp.h"

namespace train {

// Finite differences need the loss of a float gradient's worth of accuracy: in double, h = 1e-5
// leaves an error near 1e-10 (h**2 from truncation, 1e-16 / h from rounding), far below what a
// float backward can resolve.
inline constexpr double kFiniteDifferenceStep = 1e-5;

// Every parameter's gradient by central differences, (L(p + h) - L(p - h)) / 2h, of the fused
// forward's loss run in double precision on the parameters converted to double.
Parameters finite_differences(const Parameters& p, const IndexMatrix& Xb, const IndexVector& Yb);

// How close two computations of one gradient must be: torch.allclose's rtol, and an atol of 1e-5 of
// the largest entry of any of want's gradients. Float rounding scales with the gradient as a whole,
// so an entry that is exactly 0 (db1: BatchNorm cancels b1) comes out as noise of that scale; the
// fused and the chained backward differ by some 1e-7 of it, a wrong gradient by its own size.
backprop::Tolerance gradient_tolerance(const Parameters& want);

// Prints the batch's loss and the lecture's cmp() table twice, grad (a backward's gradients, which
// `got` describes) against the chain and against finite differences, and returns whether every
// gradient passed both.
bool gradcheck(const Parameters& p, const IndexMatrix& Xb, const IndexVector& Yb, const Parameters& grad,
               std::string_view got, std::ostream& out);
// The same for the trainer's fused backward.
bool gradcheck(const Parameters& p, const IndexMatrix& Xb, const IndexVector& Yb, std::ostream& out);

}  // namespace train
