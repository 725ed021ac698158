#include "lookup.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <string_view>

namespace kata {
namespace {

// Levenshtein distance, for suggesting a step name.
std::size_t distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

const backprop::Step& step_named(const std::string& name) {
  if (const auto* step = backprop::find_step(name)) return *step;
  if (!name.empty() && name.find_first_not_of("0123456789") == std::string::npos)
    throw UsageError(
        fmt::format("there is no step {}: the steps are numbered 1 to {}", name, backprop::steps().size()));
  // The closest names first.
  std::vector<std::pair<std::size_t, std::string>> close;
  for (const auto& step : backprop::steps()) {
    const auto d = distance(step.name, name);
    if (step.name.find(name) != std::string::npos || d <= std::max<std::size_t>(1, name.size() / 3))
      close.emplace_back(d, step.name);
  }
  std::sort(close.begin(), close.end());
  std::vector<std::string> names;
  for (const auto& entry : close) names.push_back(entry.second);
  std::string message = fmt::format("no step is named '{}'", name);
  if (!names.empty()) message += fmt::format("; did you mean {}?", fmt::join(names, ", "));
  throw UsageError(message + " (kata list shows every step)");
}

std::vector<std::string> all_step_names() {
  std::vector<std::string> names;
  for (const auto& step : backprop::steps()) names.push_back(step.name);
  return names;
}

}  // namespace kata
