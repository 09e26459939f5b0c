// The pixel comparison behind `koho diff`: which pixels of two renders of a
// page differ, and where the changes lie as a few boxes a person can find.
#pragma once

#include <cairo.h>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace koho::proof {

// Pixels [x0, x1) × [y0, y1).
struct PixelBox {
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

struct PixelDiff {
    int width = 0, height = 0;       // the larger of the two renders in each direction
    uint64_t changed = 0;            // pixels that differ beyond the threshold
    std::vector<uint8_t> mask;       // width × height, 1 where changed
    std::vector<PixelBox> boxes;     // the changed regions, top to bottom, then left to right

    bool is_changed(int x, int y) const { return mask[static_cast<std::size_t>(y) * width + x] != 0; }
};

// Compares two opaque ARGB32/RGB24 surfaces aligned at their top-left
// corners; where one is smaller the other is compared with white paper.
// A pixel has changed when any of R, G, B differs by more than
// `threshold` (0–255: anti-aliasing that moved by a hair stays below a few
// dozen). Changed pixels closer than `group_px` to each other fall in one
// box, so a changed line of text is one box, not one per glyph.
PixelDiff compare_pixels(cairo_surface_t* old_page, cairo_surface_t* new_page, int threshold, int group_px);

}  // namespace koho::proof
