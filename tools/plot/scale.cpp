#include "scale.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>

namespace plot {
namespace {

struct Rgb {
  double r, g, b;
};
// From 0 to an extreme: white, then RdBu's four shades of that side.
constexpr std::array<Rgb, 5> kBlues = {
    {{255, 255, 255}, {0xd1, 0xe5, 0xf0}, {0x92, 0xc5, 0xde}, {0x43, 0x93, 0xc3}, {0x21, 0x66, 0xac}}};
constexpr std::array<Rgb, 5> kReds = {
    {{255, 255, 255}, {0xfd, 0xdb, 0xc7}, {0xf4, 0xa5, 0x82}, {0xd6, 0x60, 0x4d}, {0xb2, 0x18, 0x2b}}};

// The colour a fraction t in [0, 1] of the way along the stops, interpolated between the two around it.
std::string along(const std::array<Rgb, 5>& stops, double t) {
  const double at = std::clamp(t, 0.0, 1.0) * (stops.size() - 1);
  const auto i = std::min(static_cast<std::size_t>(at), stops.size() - 2);
  const double f = at - static_cast<double>(i);
  const auto mix = [&](double Rgb::*c) {
    return static_cast<int>(std::lround(stops[i].*c + f * (stops[i + 1].*c - stops[i].*c)));
  };
  return fmt::format("#{:02x}{:02x}{:02x}", mix(&Rgb::r), mix(&Rgb::g), mix(&Rgb::b));
}

}  // namespace

std::string Diverging::colour(double value) const {
  if (!std::isfinite(value)) return "#000000";
  if (value < 0) return along(kBlues, lo < 0 ? value / lo : 1);
  return along(kReds, hi > 0 ? value / hi : 0);
}

Diverging diverging_of(std::span<const double> values) {
  Diverging scale{0, 0};
  for (const double v : values)
    if (std::isfinite(v)) scale.lo = std::min(scale.lo, v), scale.hi = std::max(scale.hi, v);
  return scale;
}

void colour_bar(Svg& svg, double x, double y, double width, double height, const Diverging& scale,
                std::string_view label) {
  constexpr int strips = 64;
  const double span = scale.hi > scale.lo ? scale.hi - scale.lo : 1;
  const double strip = width / strips;
  for (int i = 0; i < strips; ++i)
    svg.rect(x + i * strip, y, strip, height, scale.colour(scale.lo + span * (i + 0.5) / strips));
  svg.rect(x, y, width, height, "none", "#999");
  svg.text(x - 8, y + height - 2, label, "end");
  const auto lo = fmt::format("{:.3g}", scale.lo), hi = fmt::format("{:.3g}", scale.hi);
  svg.text(x, y + height + 14, lo, "start", 11);
  svg.text(x + width, y + height + 14, hi, "end", 11);
  // 0 where it falls on the bar, unless it would run into lo's or hi's label.
  const double zero = x + width * (0 - scale.lo) / span;
  if (zero - 8 > x + text_width(lo, 11) && zero + 8 < x + width - text_width(hi, 11)) {
    svg.line(zero, y + height, zero, y + height + 3, "#333");
    svg.text(zero, y + height + 14, "0", "middle", 11);
  }
}

}  // namespace plot
