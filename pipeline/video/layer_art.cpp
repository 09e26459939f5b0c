// The compositor's cache of static layers: rendered once into bitmaps
// cropped to their ink (canvas_compose.cpp composes them).
#include "video/layer_art.h"

#include <cairo.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <numbers>
#include <string>

#include "core/diagnostic.h"
#include "scene/render.h"

namespace koho::video::detail {
namespace {

void check(cairo_t* cr, const char* what) {
    if (cairo_status(cr) != CAIRO_STATUS_SUCCESS)
        fail_system({}, std::string("video: ") + what + " failed: " + cairo_status_to_string(cairo_status(cr)));
}

scene::SurfacePtr new_surface(cairo_format_t format, int w, int h) {
    scene::SurfacePtr surface(cairo_image_surface_create(format, w, h));
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
        fail_system({}, "video: cannot allocate a " + std::to_string(w) + "x" + std::to_string(h) +
                            " layer bitmap: " + cairo_status_to_string(cairo_surface_status(surface.get())));
    return surface;
}

// The layer's pose carries its opacity (animate.h multiplies the layer's
// own opacity into it), so the cached pixels are drawn fully opaque.
void render_opaque(cairo_t* cr, const scene::Item& item) {
    if (item.opacity == 1) {
        scene::render_item(cr, item);
        return;
    }
    scene::Item copy = item;
    copy.opacity = 1;
    scene::render_item(cr, copy);
}

// Crops the bitmap to the pixels that have any ink: the margin left for
// antialiasing goes again where nothing was drawn in it (a photo filling
// the frame comes out exactly frame-sized, and opaque).
void trim_transparent(Bitmap& bitmap) {
    cairo_surface_t* from = bitmap.surface.get();
    cairo_surface_flush(from);
    const unsigned char* data = cairo_image_surface_get_data(from);
    int w = cairo_image_surface_get_width(from), h = cairo_image_surface_get_height(from);
    int stride = cairo_image_surface_get_stride(from);
    int x0 = w, y0 = h, x1 = -1, y1 = -1;
    for (int y = 0; y < h; ++y) {
        auto* row = reinterpret_cast<const uint32_t*>(data + static_cast<size_t>(y) * stride);
        for (int x = 0; x < w; ++x)
            if (row[x] >> 24) {
                x0 = std::min(x0, x);
                x1 = std::max(x1, x);
                y0 = std::min(y0, y);
                y1 = y;
            }
    }
    if (x1 < 0) {
        bitmap = Bitmap{};
        return;
    }
    if (x0 == 0 && y0 == 0 && x1 == w - 1 && y1 == h - 1) return;
    int cw = x1 - x0 + 1, ch = y1 - y0 + 1;
    scene::SurfacePtr to = new_surface(CAIRO_FORMAT_ARGB32, cw, ch);
    cairo_surface_flush(to.get());
    int to_stride = cairo_image_surface_get_stride(to.get());
    for (int y = 0; y < ch; ++y)
        std::memcpy(cairo_image_surface_get_data(to.get()) + static_cast<size_t>(y) * to_stride,
                    data + static_cast<size_t>(y + y0) * stride + static_cast<size_t>(x0) * 4,
                    static_cast<size_t>(cw) * 4);
    cairo_surface_mark_dirty(to.get());
    bitmap.surface = std::move(to);
    bitmap.x += x0;
    bitmap.y += y0;
    bitmap.w = cw;
    bitmap.h = ch;
}

bool all_opaque(cairo_surface_t* surface) {
    cairo_surface_flush(surface);
    const unsigned char* data = cairo_image_surface_get_data(surface);
    int w = cairo_image_surface_get_width(surface), h = cairo_image_surface_get_height(surface);
    int stride = cairo_image_surface_get_stride(surface);
    for (int y = 0; y < h; ++y) {
        auto* row = reinterpret_cast<const uint32_t*>(data + static_cast<size_t>(y) * stride);
        for (int x = 0; x < w; ++x)
            if ((row[x] >> 24) != 0xff) return false;
    }
    return true;
}

// Opaque pixels as RGB24: Cairo then copies them instead of blending.
void mark_opaque(Bitmap& bitmap) {
    bitmap.opaque = all_opaque(bitmap.surface.get());
    if (!bitmap.opaque) return;
    cairo_surface_t* from = bitmap.surface.get();
    int w = cairo_image_surface_get_width(from), h = cairo_image_surface_get_height(from);
    scene::SurfacePtr to = new_surface(CAIRO_FORMAT_RGB24, w, h);
    cairo_surface_flush(to.get());
    int from_stride = cairo_image_surface_get_stride(from), to_stride = cairo_image_surface_get_stride(to.get());
    for (int y = 0; y < h; ++y)
        std::memcpy(cairo_image_surface_get_data(to.get()) + static_cast<size_t>(y) * to_stride,
                    cairo_image_surface_get_data(from) + static_cast<size_t>(y) * from_stride,
                    static_cast<size_t>(w) * 4);
    cairo_surface_mark_dirty(to.get());
    bitmap.surface = std::move(to);
}

}  // namespace

size_t Bitmap::bytes() const {
    size_t total = deflated ? deflated->bytes.size() : 0;
    if (surface)
        total += static_cast<size_t>(cairo_image_surface_get_stride(surface.get())) *
                 cairo_image_surface_get_height(surface.get());
    return total;
}

void Bitmap::park() {
    if (!surface) return;
    if (!deflated) {
        const size_t raw = static_cast<size_t>(cairo_image_surface_get_stride(surface.get())) *
                           cairo_image_surface_get_height(surface.get());
        if (raw < kDeflateFromBytes) return;
        deflated = deflate_surface(surface.get());
    }
    surface.reset();
}

void Bitmap::wake() {
    if (!surface && deflated) surface = inflate_surface(*deflated);
}

Bitmap render_still(const std::vector<scene::Item>& items) {
    Bitmap bitmap;
    if (items.empty()) return bitmap;
    // Record once at the video's resolution to learn where the ink is.
    scene::SurfacePtr recording(cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, nullptr));
    {
        scene::CairoPtr cr(cairo_create(recording.get()));
        cairo_scale(cr.get(), px(1), px(1));
        for (const auto& item : items) render_opaque(cr.get(), item);
        check(cr.get(), "recording a layer");
    }
    double ix = 0, iy = 0, iw = 0, ih = 0;
    cairo_recording_surface_ink_extents(recording.get(), &ix, &iy, &iw, &ih);
    if (iw <= 0 || ih <= 0) return bitmap;
    // Whole pixels, one more on each side for antialiased edges.
    int x0 = static_cast<int>(std::floor(ix)) - 1, y0 = static_cast<int>(std::floor(iy)) - 1;
    int x1 = static_cast<int>(std::ceil(ix + iw)) + 1, y1 = static_cast<int>(std::ceil(iy + ih)) + 1;
    // Drawn again, for real, on pixels: scene/ draws images differently on
    // a raster target (edges padded, not faded), so the recording is only
    // the measure.
    bitmap.surface = new_surface(CAIRO_FORMAT_ARGB32, x1 - x0, y1 - y0);
    {
        scene::CairoPtr cr(cairo_create(bitmap.surface.get()));
        cairo_translate(cr.get(), -x0, -y0);
        cairo_scale(cr.get(), px(1), px(1));
        for (const auto& item : items) render_opaque(cr.get(), item);
        check(cr.get(), "rendering a layer");
    }
    bitmap.x = x0;
    bitmap.y = y0;
    bitmap.w = x1 - x0;
    bitmap.h = y1 - y0;
    trim_transparent(bitmap);
    if (bitmap.surface) mark_opaque(bitmap);
    return bitmap;
}

Picture render_picture(const std::vector<scene::Item>& items, double max_scale, const SourceLoc& where) {
    const scene::Item* found = nullptr;
    for (const auto& item : items)
        if (std::holds_alternative<scene::ImageItem>(item.what) || std::holds_alternative<scene::SvgItem>(item.what))
            found = &item;
    if (!found) fail_system(where, "video: a layer with motion has no picture to move");

    scene::Item whole = *found;
    whole.opacity = 1;
    whole.shadow.reset();  // a moving picture casts no shadow outside its box
    Picture picture;
    scene::Rect placed;
    double cap = std::numeric_limits<double>::infinity();  // pixels per point the source holds
    std::visit(
        [&](auto& what) {
            using T = std::decay_t<decltype(what)>;
            if constexpr (std::is_same_v<T, scene::ImageItem> || std::is_same_v<T, scene::SvgItem>) {
                picture.clip = {what.clip_kind, what.clip, what.clip_radius_pt};
                placed = what.placed;
                what.clip = what.placed;
                what.clip_kind = scene::OutlineKind::Rect;
                if constexpr (std::is_same_v<T, scene::ImageItem>)
                    cap = std::min(what.image->width / what.placed.w, what.image->height / what.placed.h);
            }
        },
        whole.what);
    if (!(placed.w > 0) || !(placed.h > 0)) return picture;

    double per_pt = std::min(px(std::max(max_scale, 1.0)), cap);
    int w = std::max(1, static_cast<int>(std::ceil(placed.w * per_pt)));
    int h = std::max(1, static_cast<int>(std::ceil(placed.h * per_pt)));
    picture.bitmap.surface = new_surface(CAIRO_FORMAT_ARGB32, w, h);
    {
        scene::CairoPtr cr(cairo_create(picture.bitmap.surface.get()));
        cairo_scale(cr.get(), w / placed.w, h / placed.h);
        cairo_translate(cr.get(), -placed.x, -placed.y);
        scene::render_item(cr.get(), whole);
        check(cr.get(), "rendering a moving picture");
    }
    picture.bitmap.x = px(placed.x);
    picture.bitmap.y = px(placed.y);
    picture.bitmap.w = px(placed.w);
    picture.bitmap.h = px(placed.h);
    // Stays ARGB32 even when opaque: it is resampled every frame, and
    // pixman's fast bilinear paths take ARGB32 sources (not RGB24).
    picture.bitmap.opaque = all_opaque(picture.bitmap.surface.get());
    return picture;
}

bool on_whole_pixels(const cairo_matrix_t& m) {
    auto whole = [](double v) { return std::abs(v - std::round(v)) < 1e-6; };
    return std::abs(m.xx - 1) < 1e-9 && std::abs(m.yy - 1) < 1e-9 && std::abs(m.xy) < 1e-9 &&
           std::abs(m.yx) < 1e-9 && whole(m.x0) && whole(m.y0);
}

bool Bitmap::covers(double x, double y, double w, double h) const {
    return surface && opaque && this->x <= x && this->y <= y && this->x + this->w >= x + w &&
           this->y + this->h >= y + h;
}

void paint_bitmap(cairo_t* cr, const Bitmap& bitmap, double alpha, bool pad) {
    if (!bitmap.surface || alpha <= 0) return;
    cairo_surface_t* surface = bitmap.surface.get();
    int sw = cairo_image_surface_get_width(surface), sh = cairo_image_surface_get_height(surface);
    scene::SavedState saved(cr);
    cairo_translate(cr, bitmap.x, bitmap.y);
    if (sw != bitmap.w || sh != bitmap.h) cairo_scale(cr, bitmap.w / sw, bitmap.h / sh);
    cairo_set_source_surface(cr, surface, 0, 0);
    // A bitmap landing on whole pixels is copied as it is; anything else
    // is resampled (bilinear, or Cairo's box filter when shrunk a lot).
    cairo_matrix_t m;
    cairo_get_matrix(cr, &m);
    cairo_filter_t filter = CAIRO_FILTER_BILINEAR;
    if (on_whole_pixels(m))
        filter = CAIRO_FILTER_FAST;
    else if (std::hypot(m.xx, m.yx) < 0.6 || std::hypot(m.xy, m.yy) < 0.6)
        filter = CAIRO_FILTER_GOOD;
    cairo_pattern_set_filter(cairo_get_source(cr), filter);
    if (pad) cairo_pattern_set_extend(cairo_get_source(cr), CAIRO_EXTEND_PAD);
    if (alpha >= 1)
        cairo_paint(cr);
    else
        cairo_paint_with_alpha(cr, alpha);
}

void apply_motion(cairo_t* cr, const model::Box& box, const LayerPose& pose) {
    double cx = px(box.x + box.w / 2), cy = px(box.y + box.h / 2);
    cairo_translate(cr, cx + px(pose.content_dx_pt), cy + px(pose.content_dy_pt));
    cairo_scale(cr, pose.content_scale, pose.content_scale);
    cairo_translate(cr, -cx, -cy);
}

void outline_path_px(cairo_t* cr, const scene::ClipPath& outline) {
    double x = px(outline.box.x), y = px(outline.box.y), w = px(outline.box.w), h = px(outline.box.h);
    switch (outline.kind) {
    case scene::OutlineKind::Rect:
        cairo_rectangle(cr, x, y, w, h);
        return;
    case scene::OutlineKind::Ellipse: {
        if (w <= 0 || h <= 0) return;
        scene::SavedState saved(cr);
        cairo_translate(cr, x + w / 2, y + h / 2);
        cairo_scale(cr, w / 2, h / 2);
        cairo_new_sub_path(cr);
        cairo_arc(cr, 0, 0, 1, 0, 2 * std::numbers::pi);
        return;
    }
    case scene::OutlineKind::RoundedRect: {
        double r = std::clamp(px(outline.radius_pt), 0.0, std::min(w, h) / 2);
        const double pi = std::numbers::pi;
        cairo_new_sub_path(cr);
        cairo_arc(cr, x + w - r, y + r, r, -pi / 2, 0);
        cairo_arc(cr, x + w - r, y + h - r, r, 0, pi / 2);
        cairo_arc(cr, x + r, y + h - r, r, pi / 2, pi);
        cairo_arc(cr, x + r, y + r, r, pi, 3 * pi / 2);
        cairo_close_path(cr);
        return;
    }
    }
}

}  // namespace koho::video::detail
