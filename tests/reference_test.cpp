// The committed reference cases: complete, well-formed, and consistent with our forward pass.
#include "backprop/reference.h"

#include <cmath>

#include "backprop/compare.h"
#include "backprop/forward.h"
#include "backprop/manifest.h"
#include "catch.h"

namespace {

using backprop::Case;

backprop::Parameters parameters_of(const Case& c) {
  backprop::Parameters p;
  backprop::for_each_parameter([&](std::string_view name, auto& tensor) { tensor = c.matrix(name); }, p);
  return p;
}

}  // namespace

TEST_CASE("reference: a wrong shape names the file and both shapes", "[reference]") {
  backprop::Dims dims = Case(backprop::lecture_case_dir()).dims();
  CHECK(backprop::expected_shape("dW1", dims) == backprop::expected_shape("W1", dims));
  CHECK_THROWS_AS(backprop::expected_shape("nonsense", dims), std::invalid_argument);
  CHECK_THROWS_WITH(Case("/nonexistent"), Catch::Matchers::ContainsSubstring("/nonexistent/meta.json: cannot open"));
}

TEST_CASE("reference: the forward pass reproduces PyTorch's on the reference case", "[reference]") {
  const Case c(backprop::default_case_dir());
  const auto f = backprop::forward(parameters_of(c), c.index_matrix("Xb"), c.index_vector("Yb"));
  // float32 in both programs, summed in different orders: a few ulps apart at most.
  const backprop::Tolerance close{1e-4, 1e-6};
  for (const auto& [name, got] :
       std::initializer_list<std::pair<const char*, backprop::Matrix>>{{"emb", f.emb},
                                                                       {"embcat", f.embcat},
                                                                       {"hprebn", f.hprebn},
                                                                       {"bnmeani", f.bnmeani},
                                                                       {"bndiff", f.bndiff},
                                                                       {"bndiff2", f.bndiff2},
                                                                       {"bnvar", f.bnvar},
                                                                       {"bnvar_inv", f.bnvar_inv},
                                                                       {"bnraw", f.bnraw},
                                                                       {"hpreact", f.hpreact},
                                                                       {"h", f.h},
                                                                       {"logits", f.logits},
                                                                       {"logit_maxes", f.logit_maxes},
                                                                       {"norm_logits", f.norm_logits},
                                                                       {"counts", f.counts},
                                                                       {"counts_sum", f.counts_sum},
                                                                       {"counts_sum_inv", f.counts_sum_inv},
                                                                       {"probs", f.probs},
                                                                       {"logprobs", f.logprobs}}) {
    const auto comparison = backprop::compare(name, got, c.matrix(name), close);
    INFO(comparison.report());
    CHECK(comparison.passed());
  }
  CHECK(std::abs(f.loss - c.scalar("loss")) < 1e-5f);
}

TEST_CASE("reference: every step has its gradient and its probe in the committed cases", "[reference]") {
  for (const auto* name : {"lecture", "odd"}) {
    const Case c(backprop::reference_case_dir(name));
    for (const auto& step : backprop::steps()) {
      INFO(c.dir().string() << ": step " << step.name);
      CHECK(c.has(step.output));
      const auto probe = c.probe(step.name);
      REQUIRE(probe.has_value());
      CHECK(probe->has(step.output));
    }
  }
}
