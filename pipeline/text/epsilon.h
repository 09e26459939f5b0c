// The tolerance of the typesetter's comparisons of lengths and ratios, one
// value for the whole module so that a line the breaker accepts as fitting
// is also accepted by the typesetter and the short-last-line pass.
#pragma once

namespace koho::text {

// Values closer than this are equal: sums of glyph advances carry rounding.
inline constexpr double kEpsilon = 1e-6;

}  // namespace koho::text
