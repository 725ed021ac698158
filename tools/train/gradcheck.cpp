#include "gradcheck.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "backprop/compare.h"

namespace train {
namespace {

// The parameters in double, so that a nudge of h is exact and a variance has no rounding to speak of.
backprop::ParameterTensors<double> in_double(const Parameters& p) {
  backprop::ParameterTensors<double> d;
  backprop::for_each_parameter([](std::string_view, auto& to, const auto& from) { to = from.template cast<double>(); },
                               d, p);
  return d;
}

}  // namespace

backprop::Tolerance gradient_tolerance(const Parameters& want, double forward_error) {
  float largest = 0;
  backprop::for_each_parameter(
      [&](std::string_view, const auto& grad) { largest = std::max(largest, grad.cwiseAbs().maxCoeff()); }, want);
  return {1e-5, kRoundingAllowance * forward_error * static_cast<double>(largest)};
}

Parameters finite_differences(const Parameters& p, const IndexMatrix& Xb, const IndexVector& Yb) {
  auto nudged = in_double(p);
  Activations<double> a;
  const auto loss = [&] {
    forward(nudged, Xb, Yb, a);
    return a.loss;
  };
  Parameters grad;
  backprop::for_each_parameter(
      [&](std::string_view, auto& tensor, auto& g) {
        g.resize(tensor.rows(), tensor.cols());
        for (Eigen::Index i = 0; i < tensor.rows(); ++i)
          for (Eigen::Index j = 0; j < tensor.cols(); ++j) {
            const double original = tensor(i, j);
            tensor(i, j) = original + kFiniteDifferenceStep;
            const double loss_up = loss();
            tensor(i, j) = original - kFiniteDifferenceStep;
            const double loss_down = loss();
            tensor(i, j) = original;
            g(i, j) = static_cast<float>((loss_up - loss_down) / (2 * kFiniteDifferenceStep));
          }
      },
      nudged, grad);
  return grad;
}

bool gradcheck(const Parameters& p, const IndexMatrix& Xb, const IndexVector& Yb, const Parameters& grad,
               std::string_view got, std::ostream& out) {
  // Both references first, so that a step not done yet stops the check before anything is printed.
  const Parameters chain = backward_chain(p, Xb, Yb, backprop::forward(p, Xb, Yb));
  const Parameters numeric = finite_differences(p, Xb, Yb);
  Activations<float> a;
  forward(p, Xb, Yb, a);

  const double error = forward_error(p, Xb, Yb);
  const auto table = [&](const Parameters& want) {
    const auto tolerance = gradient_tolerance(want, error);
    bool passed = true;
    backprop::for_each_parameter(
        [&](std::string_view name, const auto& got_grad, const auto& want_grad) {
          const auto comparison = backprop::compare("d" + std::string(name), got_grad, want_grad, tolerance);
          out << comparison.report() << '\n';
          passed = passed && comparison.passed();
        },
        grad, want);
    out << fmt::format(
        "(rtol {:g}, atol {:.2g}: {:g} times the float forward's error, {:.2g}, of the largest "
        "entry)\n",
        tolerance.rtol, tolerance.atol, kRoundingAllowance, error);
    return passed;
  };
  out << fmt::format("loss {:.6f} on a batch of {}; got: {}\n", a.loss, Xb.rows(), got);
  out << "want: the step-by-step chain (exercise 1)\n";
  const bool chain_passed = table(chain);
  out << fmt::format("want: central finite differences of the loss in double precision (h = {:g})\n",
                     kFiniteDifferenceStep);
  const bool numeric_passed = table(numeric);
  return chain_passed && numeric_passed;
}

double forward_error(const Parameters& p, const IndexMatrix& Xb, const IndexVector& Yb) {
  Activations<float> f;
  Activations<double> d;
  forward(p, Xb, Yb, f);
  forward(in_double(p), Xb, Yb, d);
  const double error = (f.bnraw.cast<double>() - d.bnraw).cwiseAbs().maxCoeff();
  return std::max(error, static_cast<double>(std::numeric_limits<float>::epsilon()));
}

Parameters near_constant_unit(const Parameters& p, const IndexMatrix& Xb, const IndexVector& Yb) {
  Activations<double> a;
  forward(in_double(p), Xb, Yb, a);
  const auto column = a.hprebn.col(0).array();
  const double variance = (column - column.mean()).square().sum() / static_cast<double>(Xb.rows() - 1);
  Parameters scaled = p;
  scaled.W1.col(0) *= static_cast<float>(std::sqrt(backprop::kBatchNormEps / variance));
  return scaled;
}

bool gradcheck(const Parameters& p, const IndexMatrix& Xb, const IndexVector& Yb, std::ostream& out) {
  const auto fused = [&](const Parameters& q, std::string_view got) {
    Activations<float> a;
    forward(q, Xb, Yb, a);
    return gradcheck(q, Xb, Yb, backward(q, Xb, Yb, a), got, out);
  };
  const bool passed = fused(p, "the fused backward (exercises 2 and 3)");
  const Parameters eps_case = near_constant_unit(p, Xb, Yb);
  out << "\nThe same batch with hidden unit 0 nearly constant (variance 1e-5, eps's size), where eps matters:\n";
  return fused(eps_case, "the fused backward, hidden unit 0 nearly constant") && passed;
}

}  // namespace train
