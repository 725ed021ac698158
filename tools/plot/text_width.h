// How many columns a line of text takes on a terminal, for the pictures' layout and for kata's
// notes: a UTF-8 sequence takes one, a combining mark (U+0300 to U+036F, U+20D0 to U+20FF) and an
// ANSI escape ("\033[...m") none.
#pragma once

#include <cstddef>
#include <string_view>

namespace plot {

// The bytes of the UTF-8 sequence that `lead` starts.
inline std::size_t utf8_length(char lead) {
  const auto byte = static_cast<unsigned char>(lead);
  return byte < 0xc0 ? 1 : byte < 0xe0 ? 2 : byte < 0xf0 ? 3 : 4;
}

inline std::size_t columns(std::string_view text) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size(); i += utf8_length(text[i])) {
    if (text[i] == '\033') {
      i = text.find('m', i);
      if (i == std::string_view::npos) break;
      continue;
    }
    const auto code = text.substr(i, utf8_length(text[i]));
    count += !(code >= "\u0300" && code <= "\u036f") && !(code >= "\u20d0" && code <= "\u20ff");
  }
  return count;
}

}  // namespace plot
