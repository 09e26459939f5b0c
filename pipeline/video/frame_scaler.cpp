#include "video/frame_scaler.h"

#include <cairo.h>

#include "core/diagnostic.h"

namespace koho::video {

FrameScaler::FrameScaler(int from_width, int from_height, int to_width, int to_height)
    : from_w_(from_width), from_h_(from_height), to_w_(to_width), to_h_(to_height) {
    if (from_w_ == to_w_ && from_h_ == to_h_) return;
    target_ = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, to_w_, to_h_);
    if (cairo_surface_status(target_) != CAIRO_STATUS_SUCCESS)
        fail_system({}, "cannot allocate a " + std::to_string(to_w_) + "x" + std::to_string(to_h_) + " frame");
}

FrameScaler::~FrameScaler() {
    if (target_) cairo_surface_destroy(target_);
}

FrameView FrameScaler::scale(const uint8_t* argb, int stride) {
    if (!target_) return {argb, stride};
    cairo_surface_t* source = cairo_image_surface_create_for_data(const_cast<uint8_t*>(argb), CAIRO_FORMAT_ARGB32,
                                                                  from_w_, from_h_, stride);
    cairo_t* cr = cairo_create(target_);
    cairo_scale(cr, static_cast<double>(to_w_) / from_w_, static_cast<double>(to_h_) / from_h_);
    cairo_set_source_surface(cr, source, 0, 0);
    // GOOD is a box filter when shrinking: no aliasing on thin text strokes.
    cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
    cairo_set_operator(cr, CAIRO_OPERATOR_SOURCE);
    cairo_paint(cr);
    const cairo_status_t status = cairo_status(cr);
    cairo_destroy(cr);
    cairo_surface_destroy(source);
    if (status != CAIRO_STATUS_SUCCESS) fail_system({}, std::string("scaling a frame failed: ") + cairo_status_to_string(status));
    cairo_surface_flush(target_);
    return {cairo_image_surface_get_data(target_), cairo_image_surface_get_stride(target_)};
}

}  // namespace koho::video
