// What a wrong gradient looks like: a verdict says "False"; a diagnosis says "transposed" or
// "n times too large", which is what the learner needs to find the mistake.
#pragma once

#include <string>
#include <vector>

#include "backprop/reference.h"
#include "backprop/tensor.h"

namespace backprop {

// Whether a and b have the same shape and the same values up to the rounding by which two float
// computations of the same formula differ (1e-4 of the largest value of either). Looser than
// cmp()'s tolerance on purpose: it recognises a formula, it does not grade it.
bool same_values(const Matrix& a, const Matrix& b);

// The common mistakes that `got` looks like, as sentences for the learner, the most telling
// first: a transposed, unsummed or wrongly summed shape, values no formula of the inputs reaches
// (an accumulator never zeroed), all zeros (integer division), a small term such as eps left out,
// a factor of -1, n, 1/n, n - 1, n / (n - 1), 2 or 1/2 (n is dims.n), the right values in the wrong
// places (rows or columns swapped, reversed or reordered, each example's context reversed), NaN. Empty when got passes
// cmp() or looks like none of them.
std::vector<std::string> diagnose(const Matrix& got, const Matrix& want, const Dims& dims);

}  // namespace backprop
