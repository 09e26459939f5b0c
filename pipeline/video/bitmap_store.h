// Layer bitmaps of scenes that are off screen, kept deflated.
//
// A 3-minute timeline has a hundred or more layers; kept as raw pixels its
// full-frame photos alone are hundreds of megabytes, and that grows with the
// video. Only the scenes on screen (one, two during a transition) need
// pixels: the others keep their bitmaps zlib-deflated (fast level; photos
// and mostly transparent text layers shrink several times) and are inflated
// again when a frame shows them, in any order.
#pragma once

#include <cairo.h>

#include <cstddef>
#include <cstdint>
#include <vector>

#include "scene/cairo_ptr.h"

namespace koho::video::detail {

struct DeflatedPixels {
    std::vector<uint8_t> bytes;    // zlib stream of the surface's rows (stride included)
    cairo_format_t format = CAIRO_FORMAT_ARGB32;
    int width = 0, height = 0, stride = 0;
};

// Bitmaps smaller than this stay raw: deflating them saves little and the
// overlays' and captions' small bitmaps are drawn on most frames.
constexpr size_t kDeflateFromBytes = 1 << 20;

DeflatedPixels deflate_surface(cairo_surface_t* surface);
scene::SurfacePtr inflate_surface(const DeflatedPixels& pixels);

}  // namespace koho::video::detail
