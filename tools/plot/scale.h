// A continuous diverging colour scale for images of signed values (the trainer's dlogits): every
// value gets a colour of its own, so that differences a banded scale would put in one shade show.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "svg.h"

namespace plot {

// White at 0, deepening to blue at lo and to red at hi (ColorBrewer's RdBu), as matplotlib's
// imshow with a TwoSlopeNorm centred on 0: each side spans its own extreme, so that dlogits' small
// positive values use all the reds although its label cells reach three times further below 0.
struct Diverging {
  double lo = -1, hi = 1;  // lo <= 0 <= hi
  // "#rrggbb", black for a value that is not finite.
  std::string colour(double value) const;
};
// The scale of these values: their smallest and largest finite ones, and 0.
Diverging diverging_of(std::span<const double> values);

// A horizontal bar of the scale, linear in value from lo to hi, labelled with lo, 0 and hi under it,
// and `label` to its left. Takes height + 16 pixels down.
void colour_bar(Svg& svg, double x, double y, double width, double height, const Diverging& scale,
                std::string_view label);

}  // namespace plot
