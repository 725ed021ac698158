// Whether a picture is well-formed XML, for the tests of the SVG writers (there is no XML library
// among the kata's dependencies): one root element, every tag closed in order, attributes quoted,
// and & only in an entity; a prolog of declarations, comments and a DOCTYPE.
#pragma once

#include <cctype>
#include <string>
#include <string_view>
#include <vector>

// "" when the text is well-formed, else what is wrong and at which byte.
inline std::string xml_error(std::string_view text) {
  std::vector<std::string> open;
  int roots = 0;
  const auto at = [](std::size_t i, const std::string& what) { return what + " at byte " + std::to_string(i); };
  const auto entity_ok = [&](std::size_t i) {
    const auto end = text.find(';', i);
    if (end == std::string_view::npos) return false;
    const auto name = text.substr(i + 1, end - i - 1);
    if (name == "amp" || name == "lt" || name == "gt" || name == "quot" || name == "apos") return true;
    return name.size() > 1 && name[0] == '#' && name.find_first_not_of("0123456789", 1) == std::string_view::npos;
  };
  const auto is_name = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == ':';
  };
  for (std::size_t i = 0; i < text.size();) {
    const char c = text[i];
    if (c == '&') {
      if (!entity_ok(i)) return at(i, "a bare &");
      ++i;
    } else if (c != '<') {
      if (open.empty() && !std::isspace(static_cast<unsigned char>(c))) return at(i, "text outside the root element");
      ++i;
    } else if (text.substr(i, 4) == "<!--" || text.substr(i, 2) == "<?") {
      const std::string_view close = text[i + 1] == '!' ? "-->" : "?>";
      const auto end = text.find(close, i);
      if (end == std::string_view::npos) return at(i, "an unclosed comment or declaration");
      i = end + close.size();
    } else if (text.substr(i, 9) == "<!DOCTYPE" && open.empty()) {
      // A document type declaration, as Graphviz writes before its <svg>: no internal subset.
      const auto end = text.find('>', i);
      if (end == std::string_view::npos) return at(i, "an unclosed DOCTYPE");
      i = end + 1;
    } else if (text.substr(i, 2) == "</") {
      std::size_t j = i + 2;
      while (j < text.size() && is_name(text[j])) ++j;
      const std::string name(text.substr(i + 2, j - i - 2));
      if (open.empty() || open.back() != name || j >= text.size() || text[j] != '>')
        return at(i, "</" + name + "> closes " + (open.empty() ? std::string("nothing") : "<" + open.back() + ">"));
      open.pop_back();
      i = j + 1;
    } else {
      std::size_t j = i + 1;
      while (j < text.size() && is_name(text[j])) ++j;
      const std::string name(text.substr(i + 1, j - i - 1));
      if (name.empty()) return at(i, "a bare <");
      for (;;) {
        while (j < text.size() && std::isspace(static_cast<unsigned char>(text[j]))) ++j;
        if (j >= text.size()) return at(i, "an unclosed <" + name);
        if (text[j] == '>' || text.substr(j, 2) == "/>") break;
        const auto attribute = j;
        while (j < text.size() && is_name(text[j])) ++j;
        if (j == attribute || j + 1 >= text.size() || text[j] != '=' || (text[j + 1] != '"' && text[j + 1] != '\''))
          return at(j, "an attribute of <" + name + "> that is not name=\"value\"");
        const auto end = text.find(text[j + 1], j + 2);
        if (end == std::string_view::npos) return at(j, "an unclosed attribute value");
        for (auto k = j + 2; k < end; ++k) {
          if (text[k] == '<') return at(k, "a < in an attribute value");
          if (text[k] == '&' && !entity_ok(k)) return at(k, "a bare & in an attribute value");
        }
        j = end + 1;
      }
      if (open.empty() && ++roots > 1) return at(i, "a second root element");
      if (text[j] == '>') {
        open.push_back(name);
        i = j + 1;
      } else {
        i = j + 2;
      }
    }
  }
  if (!open.empty()) return "<" + open.back() + "> is never closed";
  return roots == 1 ? "" : "no root element";
}
