#include "core/color.h"

#include <algorithm>

namespace koho {
namespace {

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

}  // namespace

Color Color::from_rgb(double r, double g, double b, double alpha) {
    Color color;
    color.space = Space::Rgb;
    color.rgb = {r, g, b};
    color.alpha = alpha;
    return color;
}

Color Color::from_cmyk(double c, double m, double y, double k, double alpha) {
    Color color;
    color.space = Space::Cmyk;
    color.cmyk[0] = c;
    color.cmyk[1] = m;
    color.cmyk[2] = y;
    color.cmyk[3] = k;
    color.rgb = cmyk_to_display_rgb(c, m, y, k);
    color.alpha = alpha;
    return color;
}

bool Color::operator==(const Color& o) const {
    return space == o.space && rgb.r == o.rgb.r && rgb.g == o.rgb.g && rgb.b == o.rgb.b &&
           std::equal(cmyk, cmyk + 4, o.cmyk) && alpha == o.alpha;
}

std::optional<Color> parse_hex_color(std::string_view text, std::string* why) {
    auto fail = [&]() -> std::optional<Color> {
        if (why)
            *why = "'" + std::string(text) +
                   "' is not a colour; write \"#rrggbb\", \"#rrggbbaa\", {\"cmyk\": [c, m, y, k]} or a name from \"colors\"";
        return std::nullopt;
    };
    if (text.empty() || text[0] != '#') return fail();
    std::string_view hex = text.substr(1);
    for (char c : hex)
        if (hex_digit(c) < 0) return fail();
    auto byte = [&](size_t i) { return (hex_digit(hex[i]) * 16 + hex_digit(hex[i + 1])) / 255.0; };
    if (hex.size() == 3) {
        auto nib = [&](size_t i) { return hex_digit(hex[i]) * 17 / 255.0; };
        return Color::from_rgb(nib(0), nib(1), nib(2));
    }
    if (hex.size() == 6) return Color::from_rgb(byte(0), byte(2), byte(4));
    if (hex.size() == 8) return Color::from_rgb(byte(0), byte(2), byte(4), byte(6));
    return fail();
}

Rgb cmyk_to_display_rgb(double c, double m, double y, double k) {
    auto channel = [&](double ink) {
        double v = (1 - std::clamp(ink, 0.0, 100.0) / 100) * (1 - std::clamp(k, 0.0, 100.0) / 100);
        return v;
    };
    return {channel(c), channel(m), channel(y)};
}

}  // namespace koho
