// Turning Cairo's premultiplied native-endian pixels into the byte rows the
// encoders want. Internal to raster/.
#pragma once

#include <cstdint>

#include "raster/encode.h"

namespace koho::raster::detail {

inline uint32_t pixel_at(const PixelView& view, int x, int y) {
    const auto* row = reinterpret_cast<const uint32_t*>(view.data + static_cast<size_t>(y) * view.stride);
    uint32_t p = row[x];
    return view.opaque ? (p | 0xFF000000u) : p;
}

// True if any pixel has alpha below 255.
bool has_translucent_pixels(const PixelView& view);

// Row y as straight (un-premultiplied) R, G, B[, A] bytes.
void straight_row(const PixelView& view, int y, uint8_t* out, bool with_alpha);

// Row y as R, G, B bytes composed over white.
void row_over_white(const PixelView& view, int y, uint8_t* out);

}  // namespace koho::raster::detail
