#include "markdown.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <regex>
#include <utility>
#include <vector>

#include "backprop/markdown_blocks.h"
#include "text_width.h"

namespace kata {
namespace {

using std::string;
using std::string_view;

// What a macro does: most stand for a symbol; a few read arguments or space the text.
enum class Kind {
  symbol,      // its text
  function,    // its name, as a word: \log p -> "log p"
  binary,      // an operator between spaces: n \cdot 27 -> "n · 27"
  fraction,    // \frac{a}{b} -> a/b
  accent,      // \hat{z} -> ẑ: the argument and the combining mark in text
  text,        // \text{if } -> "if ", as written
  blackboard,  // \mathbb{1} -> 𝟙
  thin_space,  // \, -> a space between words, never two
  wide_space,  // \quad -> its text, as many spaces as it says
  delimiter,   // \left( -> (
  environment  // \begin{cases} ... \end{cases}
};

struct Macro {
  Kind kind;
  string_view text = "";
};

// The macros the notes use, by name.
const std::map<string_view, Macro> kMacros{
    {"alpha", {Kind::symbol, "α"}},
    {"beta", {Kind::symbol, "β"}},
    {"gamma", {Kind::symbol, "γ"}},
    {"delta", {Kind::symbol, "δ"}},
    {"Delta", {Kind::symbol, "Δ"}},
    {"epsilon", {Kind::symbol, "ϵ"}},
    {"varepsilon", {Kind::symbol, "ε"}},
    {"eta", {Kind::symbol, "η"}},
    {"theta", {Kind::symbol, "θ"}},
    {"lambda", {Kind::symbol, "λ"}},
    {"mu", {Kind::symbol, "μ"}},
    {"pi", {Kind::symbol, "π"}},
    {"rho", {Kind::symbol, "ρ"}},
    {"sigma", {Kind::symbol, "σ"}},
    {"Sigma", {Kind::symbol, "Σ"}},
    {"tau", {Kind::symbol, "τ"}},
    {"phi", {Kind::symbol, "φ"}},
    {"omega", {Kind::symbol, "ω"}},
    {"ell", {Kind::symbol, "ℓ"}},
    {"partial", {Kind::symbol, "∂"}},
    {"nabla", {Kind::symbol, "∇"}},
    {"sum", {Kind::symbol, "Σ"}},
    {"prod", {Kind::symbol, "Π"}},
    {"cdot", {Kind::binary, "·"}},
    {"times", {Kind::binary, "×"}},
    {"odot", {Kind::binary, "⊙"}},
    {"pm", {Kind::symbol, "±"}},
    {"top", {Kind::symbol, "⊤"}},
    {"infty", {Kind::symbol, "∞"}},
    {"approx", {Kind::binary, "≈"}},
    {"ne", {Kind::binary, "≠"}},
    {"neq", {Kind::binary, "≠"}},
    {"le", {Kind::binary, "≤"}},
    {"leq", {Kind::binary, "≤"}},
    {"ge", {Kind::binary, "≥"}},
    {"geq", {Kind::binary, "≥"}},
    {"in", {Kind::binary, "∈"}},
    {"to", {Kind::binary, "→"}},
    {"rightarrow", {Kind::binary, "→"}},
    {"ldots", {Kind::symbol, "…"}},
    {"dots", {Kind::symbol, "…"}},
    {"{", {Kind::symbol, "{"}},
    {"}", {Kind::symbol, "}"}},
    {"|", {Kind::symbol, "‖"}},
    {"_", {Kind::symbol, "_"}},
    {"%", {Kind::symbol, "%"}},
    {"&", {Kind::symbol, "&"}},
    {"#", {Kind::symbol, "#"}},
    {"!", {Kind::symbol, ""}},
    {"log", {Kind::function, "log"}},
    {"ln", {Kind::function, "ln"}},
    {"exp", {Kind::function, "exp"}},
    {"tanh", {Kind::function, "tanh"}},
    {"max", {Kind::function, "max"}},
    {"min", {Kind::function, "min"}},
    {"frac", {Kind::fraction}},
    {"dfrac", {Kind::fraction}},
    {"tfrac", {Kind::fraction}},
    {"hat", {Kind::accent, "\u0302"}},
    {"bar", {Kind::accent, "\u0304"}},
    {"tilde", {Kind::accent, "\u0303"}},
    {"vec", {Kind::accent, "\u20d7"}},
    {"text", {Kind::text}},
    {"texttt", {Kind::text}},
    {"textrm", {Kind::text}},
    {"mathrm", {Kind::text}},
    {"operatorname", {Kind::text}},
    {"mathbb", {Kind::blackboard}},
    {",", {Kind::thin_space}},
    {":", {Kind::thin_space}},
    {";", {Kind::thin_space}},
    {" ", {Kind::thin_space}},
    {"quad", {Kind::wide_space, "  "}},
    {"qquad", {Kind::wide_space, "    "}},
    {"left", {Kind::delimiter}},
    {"right", {Kind::delimiter}},
    {"begin", {Kind::environment}},
};

const std::map<string_view, string_view> kBlackboard{{"1", "𝟙"}, {"R", "ℝ"}, {"N", "ℕ"}, {"Z", "ℤ"}, {"E", "𝔼"}};

// The characters with a Unicode subscript or superscript form.
const std::map<string_view, string_view> kSubscripts{
    {"0", "₀"}, {"1", "₁"}, {"2", "₂"}, {"3", "₃"}, {"4", "₄"}, {"5", "₅"}, {"6", "₆"}, {"7", "₇"}, {"8", "₈"},
    {"9", "₉"}, {"+", "₊"}, {"-", "₋"}, {"=", "₌"}, {"(", "₍"}, {")", "₎"}, {"a", "ₐ"}, {"e", "ₑ"}, {"h", "ₕ"},
    {"i", "ᵢ"}, {"j", "ⱼ"}, {"k", "ₖ"}, {"l", "ₗ"}, {"m", "ₘ"}, {"n", "ₙ"}, {"o", "ₒ"}, {"p", "ₚ"}, {"r", "ᵣ"},
    {"s", "ₛ"}, {"t", "ₜ"}, {"u", "ᵤ"}, {"v", "ᵥ"}, {"x", "ₓ"}, {"β", "ᵦ"}, {"γ", "ᵧ"}};
const std::map<string_view, string_view> kSuperscripts{
    {"0", "⁰"}, {"1", "¹"}, {"2", "²"}, {"3", "³"}, {"4", "⁴"}, {"5", "⁵"}, {"6", "⁶"}, {"7", "⁷"}, {"8", "⁸"},
    {"9", "⁹"}, {"+", "⁺"}, {"-", "⁻"}, {"=", "⁼"}, {"(", "⁽"}, {")", "⁾"}, {"a", "ᵃ"}, {"b", "ᵇ"}, {"c", "ᶜ"},
    {"d", "ᵈ"}, {"e", "ᵉ"}, {"f", "ᶠ"}, {"g", "ᵍ"}, {"h", "ʰ"}, {"i", "ⁱ"}, {"j", "ʲ"}, {"k", "ᵏ"}, {"l", "ˡ"},
    {"m", "ᵐ"}, {"n", "ⁿ"}, {"o", "ᵒ"}, {"p", "ᵖ"}, {"r", "ʳ"}, {"s", "ˢ"}, {"t", "ᵗ"}, {"u", "ᵘ"}, {"v", "ᵛ"},
    {"w", "ʷ"}, {"x", "ˣ"}, {"y", "ʸ"}, {"z", "ᶻ"}, {"T", "ᵀ"}, {"⊤", "ᵀ"}};

using plot::columns;
using plot::utf8_length;

// More than one term: a space or an operator outside brackets, past a leading sign. Such a
// numerator, denominator or fallback script gets parentheses: (n-1), not n-1.
bool several_terms(string_view text) {
  static const std::array<string_view, 10> operators{" ", "+", "-", "=", ",", "/", "·", "×", "±", "⊙"};
  int depth = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '(' || text[i] == '[') ++depth;
    if (text[i] == ')' || text[i] == ']') --depth;
    if (i > 0 && depth == 0 && std::any_of(operators.begin(), operators.end(), [&](string_view op) {
          return text.substr(i, op.size()) == op;
        }))
      return true;
  }
  return false;
}

string grouped(const string& text) { return several_terms(text) ? "(" + text + ")" : text; }

// x_{ij} -> xᵢⱼ when every character has a subscript form, else x_(...): the same for ^.
string script(const string& text, bool super) {
  const auto& forms = super ? kSuperscripts : kSubscripts;
  string converted;
  for (std::size_t i = 0; i < text.size(); i += utf8_length(text[i])) {
    const auto it = forms.find(string_view(text).substr(i, utf8_length(text[i])));
    if (it == forms.end()) return (super ? "^" : "_") + (columns(text) > 1 ? "(" + text + ")" : text);
    converted += it->second;
  }
  return converted;
}

// The text being written, with a space due before the next word: LaTeX's spaces separate words
// but never start a line, precede punctuation or follow an opening bracket.
struct Out {
  string text;
  bool space = false;
  void put(string_view more) {
    if (more.empty()) return;
    const bool after_open = !text.empty() && (text.back() == '(' || text.back() == '[');
    if (space && !text.empty() && !after_open && string_view(".,;:)]").find(more.front()) == string_view::npos)
      text += ' ';
    space = false;
    text += more;
  }
};

class Math {
 public:
  explicit Math(string_view latex) : s_(latex) {}

  string render() {
    Out out;
    until(out, '\0');
    return out.text;
  }

 private:
  // Writes until the `stop` character, which it consumes (a group's '}'), or the end.
  void until(Out& out, char stop) {
    while (i_ < s_.size()) {
      const char c = s_[i_++];
      if (c == stop) return;
      if (c == '{') {
        until(out, '}');
      } else if (c == ' ' || c == '\n' || c == '\t' || c == '~' || c == '&') {
        out.space = true;
      } else if (c == '^' || c == '_') {
        out.text += script(argument(), c == '^');
        out.space = false;
      } else if (c == '\\') {
        macro(out);
      } else if (c != '}') {
        out.put(string(1, c));
      }
    }
  }

  // The next argument, rendered: a {group}, a macro or one character.
  string argument() {
    while (i_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[i_]))) ++i_;
    if (i_ >= s_.size()) return "";
    Out out;
    if (s_[i_] == '{') {
      ++i_;
      until(out, '}');
    } else if (s_[i_] == '\\') {
      ++i_;
      macro(out);
    } else {
      const auto length = utf8_length(s_[i_]);
      out.put(s_.substr(i_, length));
      i_ += length;
    }
    return out.text;
  }

  // A {group} as written, for \text and \begin.
  string raw_group() {
    while (i_ < s_.size() && s_[i_] == ' ') ++i_;
    if (i_ >= s_.size() || s_[i_] != '{') return "";
    const auto close = s_.find('}', i_);
    const auto end = close == string_view::npos ? s_.size() : close;
    string text(s_.substr(i_ + 1, end - i_ - 1));
    i_ = std::min(end + 1, s_.size());
    return text;
  }

  // After the backslash.
  void macro(Out& out) {
    if (i_ >= s_.size()) return out.put("\\");
    string name;
    bool spaced = false;
    if (std::isalpha(static_cast<unsigned char>(s_[i_]))) {
      while (i_ < s_.size() && std::isalpha(static_cast<unsigned char>(s_[i_]))) name += s_[i_++];
      // A space ends the name, as in TeX; it still separates the name from an operator: \ell = 1.
      const auto after = i_;
      while (i_ < s_.size() && s_[i_] == ' ') ++i_;
      spaced = i_ > after && i_ < s_.size() && string_view("\\{}_^([").find(s_[i_]) == string_view::npos &&
               !std::isalnum(static_cast<unsigned char>(s_[i_]));
    } else {
      name = s_[i_++];
    }
    const auto it = kMacros.find(name);
    if (it == kMacros.end()) {
      out.put("\\" + name);
      out.space = true;
      return;
    }
    const auto [kind, text] = it->second;
    switch (kind) {
      case Kind::symbol:
        out.put(text);
        out.space = spaced;
        return;
      case Kind::binary:
        out.space = true;
        [[fallthrough]];
      case Kind::function:
        out.put(text);
        out.space = true;
        return;
      case Kind::fraction: {
        const auto numerator = argument();
        const auto denominator = argument();
        out.put(grouped(numerator) + "/" + grouped(denominator));
        out.space = true;
        return;
      }
      case Kind::accent:
        return out.put(argument() + string(text));
      case Kind::text: {
        const auto words = raw_group();
        const auto first = words.find_first_not_of(' '), last = words.find_last_not_of(' ');
        if (first == string::npos) {
          out.space = true;
          return;
        }
        out.space = out.space || first > 0;
        out.put(words.substr(first, last - first + 1));
        out.space = last + 1 < words.size();
        return;
      }
      case Kind::blackboard: {
        const auto letter = argument();
        const auto symbol = kBlackboard.find(letter);
        return out.put(symbol != kBlackboard.end() ? string(symbol->second) : letter);
      }
      case Kind::thin_space:
        out.space = true;
        return;
      case Kind::wide_space:
        out.space = false;
        out.text += text;
        return;
      case Kind::delimiter:
        if (i_ < s_.size() && s_[i_] == '.') ++i_;  // \left. : no delimiter
        return;
      case Kind::environment:
        return environment(out, raw_group());
    }
  }

  // \begin{cases} a & b \\ c & d \end{cases}: one line per case, "{ a   b", each line under the first.
  void environment(Out& out, const string& name) {
    const string end = "\\end{" + name + "}";
    const auto close = s_.find(end, i_);
    if (name != "cases" || close == string_view::npos) return out.put("\\begin{" + name + "}");
    std::vector<std::pair<string, string>> cases;
    for (auto row = i_; row < close;) {
      const auto row_end = std::min(s_.find("\\\\", row), close);
      const auto body = s_.substr(row, row_end - row);
      const auto amp = std::min(body.find('&'), body.size());
      cases.emplace_back(Math(body.substr(0, amp)).render(),
                         amp < body.size() ? Math(body.substr(amp + 1)).render() : "");
      row = row_end + 2;
    }
    i_ = close + end.size();
    std::size_t widest = 0;
    for (const auto& [value, condition] : cases) widest = std::max(widest, columns(value));
    std::size_t column = 0;  // of the first line's "{"
    for (const auto& [value, condition] : cases) {
      string line = "{ " + value;
      if (!condition.empty()) line += string(widest - columns(value) + 3, ' ') + condition;
      if (&value != &cases.front().first) {
        out.text += "\n" + string(column, ' ') + line;
        continue;
      }
      out.put(line);
      const auto line_start = out.text.rfind('\n');
      column = columns(line_start == string::npos ? out.text : out.text.substr(line_start + 1)) - columns(line);
    }
    out.space = true;
  }

  string_view s_;
  std::size_t i_ = 0;
};

// The inline Markdown of a paragraph: code spans, math, links, emphasis, HTML tags, escapes.
string inline_text(string_view s) {
  static const std::regex tag(R"(^</?[A-Za-z][A-Za-z0-9-]*(\s[^<>]*)?/?>)");
  string out;
  std::size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    const char previous = i > 0 ? s[i - 1] : ' ', next = i + 1 < s.size() ? s[i + 1] : ' ';
    if (c == '`') {
      const auto ticks =
          s.find_first_not_of('`', i) == string_view::npos ? s.size() - i : s.find_first_not_of('`', i) - i;
      const auto close = s.find(string(ticks, '`'), i + ticks);
      if (close == string_view::npos) {
        out += s.substr(i, ticks);
        i += ticks;
        continue;
      }
      auto code = s.substr(i + ticks, close - i - ticks);
      if (code.size() > 1 && code.front() == ' ' && code.back() == ' ') code = code.substr(1, code.size() - 2);
      out += code;
      i = close + ticks;
    } else if (s.substr(i, 2) == "$$" && s.find("$$", i + 2) != string_view::npos) {
      const auto close = s.find("$$", i + 2);
      auto math = Math(s.substr(i + 2, close - i - 2)).render();
      for (auto at = math.find('\n'); at != string::npos; at = math.find('\n', at + 5)) math.insert(at + 1, "    ");
      if (!out.empty() && out.back() != '\n') out += '\n';
      out += "    " + math;
      i = close + 2;
      if (i < s.size() && s[i] != '\n') out += '\n';
    } else if (c == '$' && s.find('$', i + 1) != string_view::npos) {
      const auto close = s.find('$', i + 1);
      out += Math(s.substr(i + 1, close - i - 1)).render();
      i = close + 1;
    } else if (c == '\\' && std::ispunct(static_cast<unsigned char>(next))) {
      out += next;
      i += 2;
    } else if (c == '[' && s.find("](", i) != string_view::npos && s.find(')', s.find("](", i)) != string_view::npos &&
               s.substr(i, s.find("](", i) - i).find('\n') == string_view::npos) {
      const auto middle = s.find("](", i), close = s.find(')', middle);
      out +=
          inline_text(s.substr(i + 1, middle - i - 1)) + " (" + string(s.substr(middle + 2, close - middle - 2)) + ")";
      i = close + 1;
    } else if (std::cmatch found; c == '<' && std::regex_search(s.data() + i, s.data() + s.size(), found, tag)) {
      i += found.length();
    } else if (s.substr(i, 2) == "**") {
      i += 2;
    } else if (c == '*' && ((std::isspace(static_cast<unsigned char>(previous)) && !std::isspace(next)) ||
                            (!std::isspace(static_cast<unsigned char>(previous)) &&
                             (std::isspace(static_cast<unsigned char>(next)) || std::ispunct(next))))) {
      ++i;
    } else {
      out += c;
      ++i;
    }
  }
  return out;
}

}  // namespace

string math_text(string_view latex) { return Math(latex).render(); }

string terminal_text(string_view markdown) {
  string out, paragraph;
  bool fenced = false;
  std::size_t start = 0;
  while (start < markdown.size()) {
    const auto end = std::min(markdown.find('\n', start), markdown.size());
    const string line(markdown.substr(start, end - start));
    start = end + 1;
    if (backprop::markdown::is_fence(line)) {
      out += inline_text(paragraph);
      paragraph.clear();
      fenced = !fenced;
    } else if (fenced) {
      out += "    " + line + "\n";
    } else {
      paragraph +=
          (backprop::markdown::heading_level(line) > 0 ? string(backprop::markdown::heading_text(line)) : line) + "\n";
    }
  }
  out += inline_text(paragraph);
  // Lines emptied of their tags leave runs of blank lines, and spaces before a line's end.
  out = std::regex_replace(out, std::regex(" +\n"), "\n");
  out = std::regex_replace(out, std::regex("\n{3,}"), "\n\n");
  if (!markdown.empty() && markdown.back() != '\n' && !out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

}  // namespace kata
