// The scene::ImageLoader that the renderer uses during a run: it decodes
// each file once and hands out the same shared image to every frame that
// places it (a photo used on three pages is decoded once). JPEGs that a
// PDF embeds as they are decode their pixels only when a raster needs them
// (decode_image_deferred).
#pragma once

#include "raster/decode.h"
#include "scene/image.h"

namespace koho::raster {

// Thread-safe. Failures are not cached: each request that names a bad file
// gets its own error at its own location.
scene::ImageLoader make_cached_image_loader(DecodeLimits limits = {});

}  // namespace koho::raster
