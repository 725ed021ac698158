// The notes are Markdown with LaTeX math, for GitHub's renderer; a terminal shows them as plain text
// with Unicode math: "$\frac{\partial L}{\partial \ell_{ij}}$" reads "∂L/∂ℓᵢⱼ".
#pragma once

#include <string>
#include <string_view>

namespace kata {

// Markdown as plain text: bold and italic marks, code backticks and HTML tags dropped, a link
// [text](url) as "text (url)", a fenced code block indented by four spaces without its fences,
// a heading without its #s, $inline$ math through math_text and $$display$$ math on lines of its
// own, indented by four spaces.
std::string terminal_text(std::string_view markdown);

// LaTeX math as Unicode text: Greek letters and symbols (\partial ∂, \cdot ·, \odot ⊙, \mathbb{1} 𝟙),
// sub- and superscripts in Unicode where every character has one (ℓ_{ij} ℓᵢⱼ, W^\top Wᵀ), else
// x_(...) and x^(...); \frac{a}{b} as a/b, with (a) or (b) when more than one term; \text{...} as
// is; \begin{cases} as one line per case, each opening with "{". A macro it does not know is
// left as written, backslash and all.
std::string math_text(std::string_view latex);

}  // namespace kata
