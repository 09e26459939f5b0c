// Grey noise from a fixed LCG, as PNG bytes: the same picture for the same
// size and seed on every run, and one that neither JPEG nor H.264 can
// squeeze much (so outputs that hold it have a size worth measuring).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "raster/encode.h"

namespace koho::test {

inline std::string noise_png(int width, int height, uint32_t seed = 12345) {
    std::vector<uint32_t> pixels(static_cast<size_t>(width) * height);
    uint32_t state = seed;
    for (uint32_t& p : pixels) {
        state = state * 1664525u + 1013904223u;
        const uint32_t v = state >> 24;
        p = 0xff000000u | (v << 16) | (((v * 7) & 0xff) << 8) | ((v * 13) & 0xff);
    }
    raster::PixelView view;
    view.data = reinterpret_cast<const uint8_t*>(pixels.data());
    view.width = width;
    view.height = height;
    view.stride = width * 4;
    view.opaque = true;
    return raster::encode_png(view, 0);
}

}  // namespace koho::test
