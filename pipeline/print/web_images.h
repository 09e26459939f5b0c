// Pictures for the screen edition: no more pixels than a screen can use.
#pragma once

#include <vector>

#include "scene/display_list.h"

namespace koho::print::detail {

struct WebImageLimits {
    double max_ppi = 150;  // at the largest size the picture is placed
    int jpeg_quality = 82;
};

// The pages with every picture replaced by the part of it that shows
// (inside its clip and the trim) at no more than `max_ppi` at its placed
// size, resampled by area (Cairo's GOOD filter, box-averaging when it
// shrinks), and carrying JPEG bytes when it is opaque so Cairo embeds it as
// DCTDecode (alpha pictures stay pixels: Flate with a soft mask). A picture
// on several pages or frames becomes one new picture (the union of what
// shows, at the finest placement), so the PDF still embeds it once. A
// picture already small enough keeps its pixels; an opaque one keeps its
// own JPEG bytes. A JPEG whose pixels were never decoded is decoded at a
// fraction of its size (libjpeg's DCT scaling, never below what is kept)
// and so keeps no full-size pixels. Placed rectangles are moved to where
// the kept part lands, so every page looks the same.
std::vector<scene::PageScene> web_images(const std::vector<scene::PageScene>& pages,
                                         const WebImageLimits& limits);

}  // namespace koho::print::detail
