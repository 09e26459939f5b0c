// Pages drawn by hand for the print tests: lengths written in millimetres,
// filled rectangles, colours written in hex, and white paper as a pixel.
#pragma once

#include <gtest/gtest.h>

#include <array>
#include <string>

#include "core/color.h"
#include "core/units.h"
#include "scene/display_list.h"

namespace koho::test {

// `210 * mm`: a length in points written in millimetres.
inline constexpr double mm = kPtPerMm;

// A rectangle filled with `color`, without a stroke; bounds in points.
inline scene::Item filled_rect(double x, double y, double w, double h, Color color) {
    scene::ShapeItem shape;
    shape.kind = scene::ShapeKind::Rect;
    shape.bounds = {x, y, w, h};
    shape.fill = color;
    scene::Item item;
    item.what = shape;
    return item;
}

// The colour "#rrggbb" names; a literal koho refuses fails the test.
inline Color hex(const char* text) {
    std::string why;
    auto color = parse_hex_color(text, &why);
    EXPECT_TRUE(color) << text << ": " << why;
    return color.value_or(Color{});
}

// White paper, as an RGB pixel of a rendered page.
inline constexpr std::array<int, 3> kWhite{255, 255, 255};

}  // namespace koho::test
