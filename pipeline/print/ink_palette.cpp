#include "print/ink_palette.h"

#include <algorithm>
#include <array>
#include <climits>
#include <cmath>

#include "print/trim_marks.h"
#include "scene/color_walk.h"

namespace koho::print {
namespace {

int channel_code(double v) { return int(std::lround(std::clamp(v, 0.0, 1.0) * 255)); }
int red(uint32_t code) { return int(code >> 16) & 0xff; }
int green(uint32_t code) { return int(code >> 8) & 0xff; }
int blue(uint32_t code) { return int(code) & 0xff; }

Rgb rgb_of_code(uint32_t code) { return {red(code) / 255.0, green(code) / 255.0, blue(code) / 255.0}; }

// What makes two colours the same intent: the CMYK as given, or the RGB on
// the 8-bit grid (what a layout can write). Alpha is not ink.
struct IntentKey {
    Color::Space space;
    std::array<double, 4> value;
    bool operator<(const IntentKey& o) const {
        if (space != o.space) return space < o.space;
        return value < o.value;
    }
};

IntentKey key_of(const Color& color) {
    if (color.space == Color::Space::Cmyk)
        return {color.space, {color.cmyk[0], color.cmyk[1], color.cmyk[2], color.cmyk[3]}};
    return {color.space, {double(rgb_code_of(color.rgb.r, color.rgb.g, color.rgb.b)), 0, 0, 0}};
}

// #000000 and #231815 (is_black_code) are what SVG art and layouts draw for
// black; only intents that print as K100 may have them.
bool prints_as_k100(const Color& color) {
    if (color.space == Color::Space::Rgb) return is_black_code(rgb_code_of(color.rgb.r, color.rgb.g, color.rgb.b));
    return color.cmyk[0] == 0 && color.cmyk[1] == 0 && color.cmyk[2] == 0 && color.cmyk[3] == 100;
}

// The free code nearest (Euclidean, in 8-bit steps) to `want`. Searched
// shell by shell (Chebyshev radius d) so that the first candidates tried
// are the closest; ties go to the smallest offset in (dr, dg, db) order,
// which makes the choice independent of anything but the codes taken.
template <class IsFree>
uint32_t nearest_free(uint32_t want, IsFree is_free) {
    if (is_free(want)) return want;
    const int r0 = red(want), g0 = green(want), b0 = blue(want);
    long best = LONG_MAX;
    uint32_t best_code = 0;
    for (int d = 1; d <= 255; ++d) {
        if (long(d) * d > best) break;  // every code further out is further away
        for (int dr = -d; dr <= d; ++dr)
            for (int dg = -d; dg <= d; ++dg)
                for (int db = -d; db <= d; ++db) {
                    if (std::max({std::abs(dr), std::abs(dg), std::abs(db)}) != d) continue;
                    const int r = r0 + dr, g = g0 + dg, b = b0 + db;
                    if (r < 0 || r > 255 || g < 0 || g > 255 || b < 0 || b > 255) continue;
                    const long dist = long(dr) * dr + long(dg) * dg + long(db) * db;
                    const uint32_t code = rgb_code(r, g, b);
                    if (dist < best && is_free(code)) {
                        best = dist;
                        best_code = code;
                    }
                }
    }
    if (best == LONG_MAX) fail_system({}, "more than 16 million distinct colours: no RGB code is left for another ink");
    return best_code;
}

}  // namespace

uint32_t rgb_code_of(double r, double g, double b) {
    return rgb_code(channel_code(r), channel_code(g), channel_code(b));
}

InkPalette InkPalette::assign(std::vector<scene::PageScene>& pages) {
    InkPalette palette;
    std::map<IntentKey, uint32_t> codes;

    auto code_for = [&](const Color& color) {
        const IntentKey key = key_of(color);
        if (auto it = codes.find(key); it != codes.end()) return it->second;
        const bool may_be_black = prints_as_k100(color);
        const uint32_t code =
            nearest_free(rgb_code_of(color.rgb.r, color.rgb.g, color.rgb.b), [&](uint32_t c) {
                return (may_be_black || !is_black_code(c)) && palette.intents_.count(c) == 0;
            });
        Color intent = color;
        intent.alpha = 1;  // alpha belongs to each use, not to the ink
        palette.intents_.emplace(code, intent);
        codes.emplace(key, code);
        return code;
    };

    // Marks first, so that they get the same code whatever the pages hold.
    palette.registration_code_ = code_for(registration_color());

    for (scene::PageScene& page : pages)
        scene::for_each_color(page, [&](Color& color) {
            const Rgb code = rgb_of_code(code_for(color));
            color.rgb = code;
        });
    return palette;
}

const Color* InkPalette::intent(uint32_t code) const {
    auto it = intents_.find(code);
    return it == intents_.end() ? nullptr : &it->second;
}

Rgb InkPalette::registration_rgb() const { return rgb_of_code(registration_code_); }

}  // namespace koho::print
