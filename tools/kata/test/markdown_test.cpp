// kata hint shows the notes' Markdown and LaTeX as plain text with Unicode math (markdown.h).
#include "../markdown.h"

#include "catch.h"

using kata::math_text;
using kata::terminal_text;

TEST_CASE("math: symbols, Greek letters and scripts in Unicode", "[markdown]") {
  CHECK(math_text(R"(\partial L)") == "∂L");
  CHECK(math_text(R"(\gamma_j, \beta_j, \mu_j, \varepsilon, \ell_{ij})") == "γⱼ, βⱼ, μⱼ, ε, ℓᵢⱼ");
  CHECK(math_text(R"(n \cdot 27)") == "n · 27");
  CHECK(math_text(R"(dh \odot W^\top)") == "dh ⊙ Wᵀ");
  CHECK(math_text(R"(h^{\top})") == "hᵀ");
  CHECK(math_text(R"(\pm 1)") == "±1");
  CHECK(math_text(R"(S_i^{-2})") == "Sᵢ⁻²");
  CHECK(math_text(R"(\mathbb{1}[j = y_i])") == "𝟙[j = yᵢ]");
  CHECK(math_text(R"(\hat z_{ij})") == "z\u0302ᵢⱼ");  // z and a combining circumflex
  CHECK(math_text(R"(\ell = 1)") == "ℓ = 1");
}

TEST_CASE("math: a script without Unicode forms is written out, in parentheses when longer than one", "[markdown]") {
  CHECK(math_text(R"(p_{y})") == "p_y");
  CHECK(math_text(R"(e^{z_{ik}})") == "e^(zᵢₖ)");
  CHECK(math_text(R"((v + \varepsilon)^{-3/2})") == "(v + ε)^(-3/2)");
  CHECK(math_text(R"(\text{emb}_{Bi + k,\, c})") == "emb_(Bi + k, c)");
}

TEST_CASE("math: fractions, sums and functions", "[markdown]") {
  CHECK(math_text(R"(\frac{1}{n})") == "1/n");
  CHECK(math_text(R"(\frac{1}{n-1})") == "1/(n-1)");
  CHECK(math_text(R"(\frac{\gamma \, s}{n})") == "(γ s)/n");
  CHECK(math_text(R"(-\tfrac12 x)") == "-1/2 x");
  CHECK(
      math_text(
          R"(\frac{\partial L}{\partial \ell_{ij}} = \frac{1}{p_{ij}} \cdot \frac{\partial L}{\partial \ell_{ij}}.)") ==
      "∂L/∂ℓᵢⱼ = 1/pᵢⱼ · ∂L/∂ℓᵢⱼ.");
  CHECK(math_text(R"(\sum_{i=1}^{n} \ell_{i, y_i})") == "Σᵢ₌₁ⁿ ℓ_(i, yᵢ)");
  CHECK(math_text(R"(\dfrac{d}{da}\tanh a = 1 - \tanh^2 a)") == "d/da tanh a = 1 - tanh² a");
  CHECK(math_text(R"(\log \sum_k e^{z_{ik}})") == "log Σₖ e^(zᵢₖ)");
  CHECK(math_text(R"(\frac{1}{n}\left(p_{ij} - 1\right))") == "1/n (pᵢⱼ - 1)");
}

TEST_CASE("math: text, spaces, and a macro it does not know", "[markdown]") {
  CHECK(math_text(R"(\texttt{dh} = \texttt{dlogits} \cdot W^{\top})") == "dh = dlogits · Wᵀ");
  CHECK(math_text(R"(a, \qquad \text{that is} \qquad b)") == "a,    that is    b");
  CHECK(math_text(R"(x \quad y)") == "x  y");
  CHECK(math_text(R"(\sqrt{x})") == R"(\sqrt x)");
}

TEST_CASE("math: cases, one line each, aligned under the first", "[markdown]") {
  CHECK(math_text(R"(\frac{\partial L}{\partial \ell_{ij}} = \begin{cases} -\dfrac{1}{n} & \text{if } j = y_i \\ 0 & )"
                  R"(\text{otherwise.} \end{cases})") ==
        "∂L/∂ℓᵢⱼ = { -1/n   if j = yᵢ\n"
        "          { 0      otherwise.");
}

TEST_CASE("markdown: emphasis, code, links and tags dropped; math converted", "[markdown]") {
  CHECK(terminal_text("**Tier 1, the idea.** Nudge `logprobs`.") == "Tier 1, the idea. Nudge logprobs.");
  CHECK(terminal_text("The loss is *minus* the mean; `a * b` and n * 2 keep theirs.") ==
        "The loss is minus the mean; a * b and n * 2 keep theirs.");
  CHECK(terminal_text("``a `tick` b``") == "a `tick` b");
  CHECK(terminal_text("`$x$` stays, $\\frac{1}{n}$ does not") == "$x$ stays, 1/n does not");
  CHECK(terminal_text("see [the Eigen traps](../eigen.md#traps).") == "see the Eigen traps (../eigen.md#traps).");
  CHECK(terminal_text("[`dcounts`](05_dcounts.md)") == "dcounts (05_dcounts.md)");
  CHECK(terminal_text("<details>\n<summary>Tier 2</summary>\n\ntext\n\n</details>") == "\nTier 2\n\ntext\n");
  CHECK(terminal_text("### A heading\n1 \\* 2") == "A heading\n1 * 2");
  CHECK(terminal_text("a < b, a <b") == "a < b, a <b");
}

TEST_CASE("markdown: display math and code blocks indented on lines of their own", "[markdown]") {
  CHECK(terminal_text("Then\n\n$$L = -\\frac{1}{n} \\sum_{i} \\ell_i.$$\n\nso") == "Then\n\n    L = -1/n Σᵢ ℓᵢ.\n\nso");
  CHECK(terminal_text("$$a = \\begin{cases} 1 & b \\\\ 0 & c \\end{cases}$$") == "    a = { 1   b\n        { 0   c");
  CHECK(terminal_text("Code:\n\n```cpp\nMatrix d = **x**;\n```\n\nend") == "Code:\n\n    Matrix d = **x**;\n\nend");
}
