#include "gradcheck.h"

#include <fmt/format.h>

#include <algorithm>
#include <string>

#include "backprop/compare.h"

namespace train {

backprop::Tolerance gradient_tolerance(const Parameters& want) {
  float largest = 0;
  backprop::for_each_parameter(
      [&](std::string_view, const auto& grad) { largest = std::max(largest, grad.cwiseAbs().maxCoeff()); }, want);
  return {1e-5, 1e-5 * static_cast<double>(largest)};
}

Parameters finite_differences(const Parameters& p, const IndexMatrix& Xb, const IndexVector& Yb) {
  // The parameters in double, so that a nudge of h is exact.
  backprop::ParameterTensors<double> nudged;
  backprop::for_each_parameter([](std::string_view, auto& to, const auto& from) { to = from.template cast<double>(); },
                               nudged, p);
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

  const auto table = [&](const Parameters& want) {
    const auto tolerance = gradient_tolerance(want);
    bool passed = true;
    backprop::for_each_parameter(
        [&](std::string_view name, const auto& got_grad, const auto& want_grad) {
          const auto comparison = backprop::compare("d" + std::string(name), got_grad, want_grad, tolerance);
          out << comparison.report() << '\n';
          passed = passed && comparison.passed();
        },
        grad, want);
    out << fmt::format("(rtol {:g}, atol {:.2g}: 1e-5 of the largest entry)\n", tolerance.rtol, tolerance.atol);
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

bool gradcheck(const Parameters& p, const IndexMatrix& Xb, const IndexVector& Yb, std::ostream& out) {
  Activations<float> a;
  forward(p, Xb, Yb, a);
  return gradcheck(p, Xb, Yb, backward(p, Xb, Yb, a), "the fused backward (exercises 2 and 3)", out);
}

}  // namespace train
