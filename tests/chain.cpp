// The learner's own backward pass, end to end: every step of exercise 1, in the manifest's
// order, fed the gradients that the learner's earlier steps computed (not PyTorch's), from
// dlogprobs down to dC, each in its own runner. Skipped until every step of exercise 1 is done.
#include <iostream>

#include "backprop/compare.h"
#include "backprop/manifest.h"
#include "step_test.h"

namespace kata {

TEST_CASE("chain: dlogprobs to dC with the learner's own gradients", "[chain]") {
  const backprop::Case network(backprop::default_case_dir());
  Tensors tensors(network);
  LearnerRuns runs;
  bool all_passed = true;
  for (const auto& step : backprop::steps()) {
    if (step.exercise != 1) continue;
    Matrix gradient;
    try {
      gradient = learner_step(step.name, runs)(tensors);
    } catch (const backprop::NotDone& e) {
      BACKPROP_SKIP("chain skipped: " << e.what() << ": " << backprop::edit_message(step));
    }
    const auto comparison = backprop::compare(step.output, gradient, network.matrix(step.output));
    std::cout << comparison.report() << '\n';
    all_passed = all_passed && comparison.passed();
    tensors.set(step.output, std::move(gradient));
  }
  CHECK(all_passed);
}

}  // namespace kata
