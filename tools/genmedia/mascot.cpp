#include "mascot.h"

#include <librsvg/rsvg.h>

#include <cmath>
#include <memory>
#include <stdexcept>
#include <string>

#include "paint.h"
#include "raster/encode.h"

namespace koho::genmedia {

namespace {

struct GErrorFree {
    void operator()(GError* e) const { g_error_free(e); }
};
struct GObjectUnref {
    void operator()(void* o) const { g_object_unref(o); }
};

std::string take_message(GError* raw) {
    std::unique_ptr<GError, GErrorFree> error(raw);
    return error ? error->message : "unknown error";
}

}  // namespace

void render_svg_to_png(const std::filesystem::path& svg, const std::filesystem::path& png, int height_px) {
    GError* raw = nullptr;
    std::unique_ptr<RsvgHandle, GObjectUnref> handle(rsvg_handle_new_from_file(svg.c_str(), &raw));
    if (!handle) throw std::runtime_error("cannot read " + svg.string() + ": " + take_message(raw));

    double w = 0, h = 0;
    if (!rsvg_handle_get_intrinsic_size_in_pixels(handle.get(), &w, &h) || w <= 0 || h <= 0)
        throw std::runtime_error(svg.string() + " must give its width and height (or a viewBox)");
    int width_px = static_cast<int>(std::lround(height_px * w / h));

    SurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width_px, height_px), cairo_surface_destroy);
    ContextPtr cr(cairo_create(surface.get()), cairo_destroy);
    RsvgRectangle viewport{0, 0, static_cast<double>(width_px), static_cast<double>(height_px)};
    if (!rsvg_handle_render_document(handle.get(), cr.get(), &viewport, &raw))
        throw std::runtime_error("cannot render " + svg.string() + ": " + take_message(raw));
    raster::write_png(png, surface.get(), 300);
}

}  // namespace koho::genmedia
