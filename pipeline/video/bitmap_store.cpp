#include "video/bitmap_store.h"

#include <zlib.h>

#include <string>

#include "core/diagnostic.h"

namespace koho::video::detail {

DeflatedPixels deflate_surface(cairo_surface_t* surface) {
    cairo_surface_flush(surface);
    DeflatedPixels out;
    out.format = cairo_image_surface_get_format(surface);
    out.width = cairo_image_surface_get_width(surface);
    out.height = cairo_image_surface_get_height(surface);
    out.stride = cairo_image_surface_get_stride(surface);
    const uLong size = static_cast<uLong>(out.stride) * out.height;
    uLongf packed = compressBound(size);
    out.bytes.resize(packed);
    const int status = compress2(out.bytes.data(), &packed, cairo_image_surface_get_data(surface), size, Z_BEST_SPEED);
    if (status != Z_OK) fail_system({}, "video: cannot deflate a layer bitmap (zlib " + std::to_string(status) + ")");
    out.bytes.resize(packed);
    out.bytes.shrink_to_fit();
    return out;
}

scene::SurfacePtr inflate_surface(const DeflatedPixels& pixels) {
    scene::SurfacePtr surface(cairo_image_surface_create(pixels.format, pixels.width, pixels.height));
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS ||
        cairo_image_surface_get_stride(surface.get()) != pixels.stride)
        fail_system({}, "video: cannot allocate a layer bitmap of " + std::to_string(pixels.width) + "x" +
                            std::to_string(pixels.height));
    cairo_surface_flush(surface.get());
    uLongf size = static_cast<uLongf>(pixels.stride) * pixels.height;
    const int status = uncompress(cairo_image_surface_get_data(surface.get()), &size, pixels.bytes.data(),
                                  static_cast<uLong>(pixels.bytes.size()));
    if (status != Z_OK || size != static_cast<uLongf>(pixels.stride) * pixels.height)
        fail_system({}, "video: a deflated layer bitmap is damaged (zlib " + std::to_string(status) + ")");
    cairo_surface_mark_dirty(surface.get());
    return surface;
}

}  // namespace koho::video::detail
