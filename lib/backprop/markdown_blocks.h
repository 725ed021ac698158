// Markdown's block structure as the notes use it, read one line at a time: ATX headings ("## Title")
// and fenced code blocks (``` or ~~~), by CommonMark's rules. One reading for kata (the notes shown
// in a terminal, the hint tiers) and the docs' tests (anchors, links, spoilers).
// Header-only and constexpr: a few predicates on a line, which kata's Markdown converter uses
// without the rest of the core, and which the tests can check at compile time.
#pragma once

#include <cstddef>
#include <string_view>

namespace backprop::markdown {

namespace detail {

// Where a heading's or a fence's marker starts: after at most 3 spaces, since 4 open an indented code
// block. npos if the line has no such marker position.
constexpr std::size_t marker_start(std::string_view line) {
  const auto start = line.find_first_not_of(' ');
  return start <= 3 ? start : std::string_view::npos;
}

constexpr bool is_blank(char c) { return c == ' ' || c == '\t'; }

}  // namespace detail

// The level of an ATX heading, 1 ("# A") to 6 ("###### F"); 0 if the line is none: "#A" (no space),
// "    # A" (indented code) and "####### G" (seven) are not headings. A lone "##" is an empty one.
constexpr int heading_level(std::string_view line) {
  const auto start = detail::marker_start(line);
  if (start == std::string_view::npos || line[start] != '#') return 0;
  const auto end = line.find_first_not_of('#', start);
  const auto hashes = (end == std::string_view::npos ? line.size() : end) - start;
  if (hashes > 6 || (end != std::string_view::npos && !detail::is_blank(line[end]))) return 0;
  return static_cast<int>(hashes);
}

// A heading's text, without its marker, the spaces around it or a closing run of #s ("## A ##" is
// "A", "## C#" is "C#"); empty if the line is no heading.
constexpr std::string_view heading_text(std::string_view line) {
  const int level = heading_level(line);
  if (level == 0) return {};
  auto text = line.substr(line.find('#') + static_cast<std::size_t>(level));
  const auto trim = [](std::string_view s) {
    const auto first = s.find_first_not_of(" \t");
    return first == std::string_view::npos ? std::string_view()
                                           : s.substr(first, s.find_last_not_of(" \t") - first + 1);
  };
  text = trim(text);
  const auto before_closing = text.find_last_not_of('#');
  if (before_closing == std::string_view::npos) return {};
  if (before_closing + 1 < text.size() && detail::is_blank(text[before_closing]))
    text = trim(text.substr(0, before_closing));
  return text;
}

// Whether the line opens or closes a fenced code block: three or more ` or ~ after at most 3 spaces
// (a backtick fence's info string has no backtick). A block runs from one such line to the next.
constexpr bool is_fence(std::string_view line) {
  const auto start = detail::marker_start(line);
  if (start == std::string_view::npos) return false;
  const auto rest = line.substr(start);
  if (rest.starts_with("~~~")) return true;
  return rest.starts_with("```") && rest.find('`', rest.find_first_not_of('`')) == std::string_view::npos;
}

}  // namespace backprop::markdown
