// The gradient check: on one batch, a backward's gradients against the step-by-step chain of
// exercise 1 and against central finite differences of the loss computed in double precision.
#pragma once

#include <ostream>
#include <string_view>

#include "backprop/compare.h"
#include "mlp.h"

namespace train {

// Finite differences need the loss of a float gradient's worth of accuracy: in double, h = 1e-6
// leaves an error near 1e-10 (h**2 times the third derivative from truncation, 1e-16 / h from
// rounding), far below what a float backward can resolve. Not 1e-5: where a unit is nearly constant
// (near_constant_unit) the third derivative is some 1e7 and truncation left 1e-5 of the gradient.
inline constexpr double kFiniteDifferenceStep = 1e-6;

// Every parameter's gradient by central differences, (L(p + h) - L(p - h)) / 2h, of the fused
// forward's loss run in double precision on the parameters converted to double.
Parameters finite_differences(const Parameters& p, const IndexMatrix& Xb, const IndexVector& Yb);

// The float forward's own rounding on a batch: the largest difference between the bnraw it computes
// and the double forward's (bnraw is of order 1), at least float's epsilon. Near 1e-7 on the
// trainer's batches; near 1e-5 where a unit is nearly constant, whose centred values lose digits.
double forward_error(const Parameters& p, const IndexMatrix& Xb, const IndexVector& Yb);

// How close two computations of one gradient must be: torch.allclose's rtol, and an atol of
// kRoundingAllowance times forward_error of the largest entry of any of want's gradients. Float
// rounding scales with the gradient as a whole, so an entry that is exactly 0 (db1: BatchNorm
// cancels b1) comes out as noise of that scale. Measured (docs/tolerance.md): correct backwards use
// at most 0.1 of this tolerance against each other and against finite differences; a wrong
// gradient is off by its own size.
inline constexpr double kRoundingAllowance = 8;
backprop::Tolerance gradient_tolerance(const Parameters& want, double forward_error);

// p with hidden unit 0 nearly constant over the batch Xb: W1's column 0 scaled so that the unit's
// pre-activation has a variance of eps (1e-5). On the trainer's network eps is negligible beside
// every variance; here it halves the BatchNorm gradient's variance term, so a backward derived
// without eps fails by far, where on the lecture's batch it passes.
Parameters near_constant_unit(const Parameters& p, const IndexMatrix& Xb, const IndexVector& Yb);

// Prints the batch's loss and the lecture's cmp() table twice, grad (a backward's gradients, which
// `got` describes) against the chain and against finite differences, and returns whether every
// gradient passed both.
bool gradcheck(const Parameters& p, const IndexMatrix& Xb, const IndexVector& Yb, const Parameters& grad,
               std::string_view got, std::ostream& out);
// The same for the trainer's fused backward, on the batch and again on near_constant_unit(p).
bool gradcheck(const Parameters& p, const IndexMatrix& Xb, const IndexVector& Yb, std::ostream& out);

}  // namespace train
