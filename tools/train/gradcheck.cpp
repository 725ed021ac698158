#include "gradcheck.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <tuple>

#include "backprop/compare.h"

namespace train {
namespace {

using MatrixD = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// The parameters in double, so that a nudge of h is exact.
struct ParametersD {
  MatrixD C, W1, b1, W2, b2, bngain, bnbias;
};

ParametersD to_double(const Parameters& p) {
  return {p.C.cast<double>(),  p.W1.cast<double>(),     p.b1.cast<double>(),    p.W2.cast<double>(),
          p.b2.cast<double>(), p.bngain.cast<double>(), p.bnbias.cast<double>()};
}

// The loss of the training forward, in double precision throughout.
double loss_in_double(const ParametersD& p, const IndexMatrix& Xb, const IndexVector& Yb) {
  const Eigen::Index n = Xb.rows(), block_size = Xb.cols(), n_embd = p.C.cols();
  MatrixD embcat(n, block_size * n_embd);
  for (Eigen::Index i = 0; i < n; ++i)
    for (Eigen::Index j = 0; j < block_size; ++j) embcat.row(i).segment(j * n_embd, n_embd) = p.C.row(Xb(i, j));
  const MatrixD hprebn = (embcat * p.W1).rowwise() + p.b1.row(0);
  const Eigen::RowVectorXd bnmeani = hprebn.colwise().mean();
  const MatrixD bndiff = hprebn.rowwise() - bnmeani;
  const Eigen::RowVectorXd bnvar = bndiff.colwise().squaredNorm() / static_cast<double>(n - 1);
  const Eigen::RowVectorXd bnvar_inv = (bnvar.array() + double{backprop::kBatchNormEps}).rsqrt();
  const MatrixD hpreact =
      (bndiff.array().rowwise() * (bnvar_inv.array() * p.bngain.row(0).array())).rowwise() + p.bnbias.row(0).array();
  const MatrixD logits = (hpreact.array().tanh().matrix() * p.W2).rowwise() + p.b2.row(0);
  double loss = 0;
  for (Eigen::Index i = 0; i < n; ++i) {
    const double logit_max = logits.row(i).maxCoeff();
    loss += logit_max + std::log((logits.row(i).array() - logit_max).exp().sum()) - logits(i, Yb(i));
  }
  return loss / static_cast<double>(n);
}

}  // namespace

backprop::Tolerance gradient_tolerance(const Gradients& want) {
  const float largest =
      std::max({want.dC.cwiseAbs().maxCoeff(), want.dW1.cwiseAbs().maxCoeff(), want.db1.cwiseAbs().maxCoeff(),
                want.dW2.cwiseAbs().maxCoeff(), want.db2.cwiseAbs().maxCoeff(), want.dbngain.cwiseAbs().maxCoeff(),
                want.dbnbias.cwiseAbs().maxCoeff()});
  return {1e-5, 1e-5 * static_cast<double>(largest)};
}

Gradients finite_differences(const Parameters& p, const IndexMatrix& Xb, const IndexVector& Yb) {
  ParametersD nudged = to_double(p);
  const auto of = [&](MatrixD& tensor) {
    Matrix g(tensor.rows(), tensor.cols());
    for (Eigen::Index i = 0; i < tensor.rows(); ++i)
      for (Eigen::Index j = 0; j < tensor.cols(); ++j) {
        const double original = tensor(i, j);
        tensor(i, j) = original + kFiniteDifferenceStep;
        const double loss_up = loss_in_double(nudged, Xb, Yb);
        tensor(i, j) = original - kFiniteDifferenceStep;
        const double loss_down = loss_in_double(nudged, Xb, Yb);
        tensor(i, j) = original;
        g(i, j) = static_cast<float>((loss_up - loss_down) / (2 * kFiniteDifferenceStep));
      }
    return g;
  };
  return {of(nudged.C),  of(nudged.W1),     of(nudged.b1),    of(nudged.W2),
          of(nudged.b2), of(nudged.bngain), of(nudged.bnbias)};
}

bool gradcheck(const Parameters& p, const IndexMatrix& Xb, const IndexVector& Yb, std::ostream& out) {
  Activations a;
  forward(p, Xb, Yb, a);
  const Gradients fused = backward(p, Xb, Yb, a);
  const Gradients chain = backward_chain(p, Xb, Yb, backprop::forward(p, Xb, Yb));
  const Gradients numeric = finite_differences(p, Xb, Yb);

  const auto table = [&](const Gradients& want) {
    const auto tolerance = gradient_tolerance(want);
    const std::array<std::tuple<const char*, Matrix, Matrix>, 7> rows{{
        {"dC", fused.dC, want.dC},
        {"dW1", fused.dW1, want.dW1},
        {"db1", Matrix(fused.db1), Matrix(want.db1)},
        {"dW2", fused.dW2, want.dW2},
        {"db2", Matrix(fused.db2), Matrix(want.db2)},
        {"dbngain", Matrix(fused.dbngain), Matrix(want.dbngain)},
        {"dbnbias", Matrix(fused.dbnbias), Matrix(want.dbnbias)},
    }};
    bool passed = true;
    for (const auto& [name, got, expected] : rows) {
      const auto comparison = backprop::compare(name, got, expected, tolerance);
      out << comparison.report() << '\n';
      passed = passed && comparison.passed();
    }
    out << fmt::format("(rtol {:g}, atol {:.2g}: 1e-5 of the largest entry)\n", tolerance.rtol, tolerance.atol);
    return passed;
  };
  out << fmt::format("loss {:.6f} on a batch of {}; got: the fused backward (exercises 2 and 3)\n", a.loss, Xb.rows());
  out << "want: the step-by-step chain (exercise 1)\n";
  const bool chain_passed = table(chain);
  out << fmt::format("want: central finite differences of the loss in double precision (h = {:g})\n",
                     kFiniteDifferenceStep);
  const bool numeric_passed = table(numeric);
  return chain_passed && numeric_passed;
}

}  // namespace train
