// Gains: decibels ↔ linear amplitude factors, shared by the mix, the
// ducker and the loudness stage. Silence is -inf dB, never a NaN.
#pragma once

#include <cmath>
#include <limits>

namespace koho::video {

// 20·log10: amplitude (not power) decibels.
inline double db_to_linear(double db) { return std::pow(10.0, db / 20.0); }

inline double linear_to_db(double linear)
{
    if (linear <= 0) return -std::numeric_limits<double>::infinity();
    return 20.0 * std::log10(linear);
}

}  // namespace koho::video
