#include "raster/pixel_rows.h"

#include <algorithm>

namespace koho::raster::detail {

bool has_translucent_pixels(const PixelView& view) {
    if (view.opaque) return false;
    for (int y = 0; y < view.height; ++y)
        for (int x = 0; x < view.width; ++x)
            if ((pixel_at(view, x, y) >> 24) != 0xFF) return true;
    return false;
}

void straight_row(const PixelView& view, int y, uint8_t* out, bool with_alpha) {
    for (int x = 0; x < view.width; ++x) {
        uint32_t p = pixel_at(view, x, y);
        uint32_t a = p >> 24, r = (p >> 16) & 0xFF, g = (p >> 8) & 0xFF, b = p & 0xFF;
        if (a != 255) {
            // Inverse of the premultiplication, rounded; clamped in case a
            // malformed surface holds a channel above its alpha.
            auto div = [a](uint32_t c) { return a == 0 ? 0u : std::min(255u, (c * 255 + a / 2) / a); };
            r = div(r), g = div(g), b = div(b);
        }
        *out++ = static_cast<uint8_t>(r);
        *out++ = static_cast<uint8_t>(g);
        *out++ = static_cast<uint8_t>(b);
        if (with_alpha) *out++ = static_cast<uint8_t>(a);
    }
}

void row_over_white(const PixelView& view, int y, uint8_t* out) {
    for (int x = 0; x < view.width; ++x) {
        uint32_t p = pixel_at(view, x, y);
        uint32_t white = 255 - (p >> 24);  // premultiplied "over": c + (1 − a)·255
        *out++ = static_cast<uint8_t>(std::min(255u, ((p >> 16) & 0xFF) + white));
        *out++ = static_cast<uint8_t>(std::min(255u, ((p >> 8) & 0xFF) + white));
        *out++ = static_cast<uint8_t>(std::min(255u, (p & 0xFF) + white));
    }
}

}  // namespace koho::raster::detail
