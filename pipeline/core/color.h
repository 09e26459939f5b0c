// Colours as layouts give them: "#rrggbb", "#rrggbbaa" or {"cmyk": [c,m,y,k]}.
//
// A colour remembers the space it was written in, so that the print stage can
// hand a CMYK colour to the printer exactly as the designer gave it. The RGB
// used to draw proofs and Cairo's PDF is derived from it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace koho {

struct Rgb {
    double r = 0, g = 0, b = 0;  // 0..1, sRGB
};

struct Color {
    enum class Space { Rgb, Cmyk };
    Space space = Space::Rgb;
    Rgb rgb;                       // always set: what screens and Cairo draw
    double cmyk[4] = {0, 0, 0, 0};  // percent; meaningful when space == Cmyk
    double alpha = 1;              // 0..1

    static Color from_rgb(double r, double g, double b, double alpha = 1);
    static Color from_cmyk(double c, double m, double y, double k, double alpha = 1);
    bool operator==(const Color& other) const;
};

// Parses "#rgb", "#rrggbb" and "#rrggbbaa". Sets *why on failure.
std::optional<Color> parse_hex_color(std::string_view text, std::string* why);

// Uncalibrated CMYK → sRGB for on-screen proofs (print/ converts properly).
Rgb cmyk_to_display_rgb(double c, double m, double y, double k);

}  // namespace koho
