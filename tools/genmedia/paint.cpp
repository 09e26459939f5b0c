#include "paint.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace koho::genmedia {

Rgb hex(uint32_t v) {
    return {((v >> 16) & 0xFF) / 255.0, ((v >> 8) & 0xFF) / 255.0, (v & 0xFF) / 255.0};
}

Rgb mix(Rgb a, Rgb b, double t) {
    return {a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t};
}

Rgb lighter(Rgb c, double t) { return mix(c, {1, 1, 1}, t); }
Rgb darker(Rgb c, double t) { return mix(c, {0, 0, 0}, t); }

Canvas::Canvas(double logical_w, double logical_h, double scale)
    : w_(logical_w), h_(logical_h), scale_(scale),
      surface_(cairo_image_surface_create(CAIRO_FORMAT_RGB24, static_cast<int>(std::lround(logical_w * scale)),
                                          static_cast<int>(std::lround(logical_h * scale))),
               cairo_surface_destroy),
      cr_(cairo_create(surface_.get()), cairo_destroy) {
    if (cairo_surface_status(surface_.get()) != CAIRO_STATUS_SUCCESS)
        throw std::runtime_error("cannot create the drawing surface");
    cairo_scale(cr_.get(), scale, scale);
    cairo_set_line_cap(cr_.get(), CAIRO_LINE_CAP_ROUND);
    cairo_set_line_join(cr_.get(), CAIRO_LINE_JOIN_ROUND);
}

uint64_t Rng::next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

double Rng::unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

void set_colour(cairo_t* cr, Rgb c, double alpha) { cairo_set_source_rgba(cr, c.r, c.g, c.b, alpha); }

void fill_colour(cairo_t* cr, Rgb c, double alpha) {
    set_colour(cr, c, alpha);
    cairo_fill(cr);
}

PatternPtr linear(double x0, double y0, double x1, double y1, const Stops& stops, double alpha) {
    PatternPtr p(cairo_pattern_create_linear(x0, y0, x1, y1), cairo_pattern_destroy);
    for (const auto& [at, c] : stops) cairo_pattern_add_color_stop_rgba(p.get(), at, c.r, c.g, c.b, alpha);
    return p;
}

void fill_vertical(cairo_t* cr, double y0, double y1, const Stops& stops, double alpha) {
    PatternPtr p = linear(0, y0, 0, y1, stops, alpha);
    cairo_set_source(cr, p.get());
    cairo_fill(cr);
}

void glow(cairo_t* cr, double cx, double cy, double radius, Rgb c, double alpha) {
    PatternPtr p(cairo_pattern_create_radial(cx, cy, 0, cx, cy, radius), cairo_pattern_destroy);
    // A few stops approximate a smooth (roughly Gaussian) fall-off.
    for (double t : {0.0, 0.25, 0.5, 0.75, 1.0}) {
        double a = alpha * std::pow(1 - t, 2.2);
        cairo_pattern_add_color_stop_rgba(p.get(), t, c.r, c.g, c.b, a);
    }
    cairo_save(cr);
    cairo_set_source(cr, p.get());
    cairo_arc(cr, cx, cy, radius, 0, 2 * M_PI);
    cairo_fill(cr);
    cairo_restore(cr);
}

void rounded_rect(cairo_t* cr, double x, double y, double w, double h, double r) {
    r = std::min({r, w / 2, h / 2});
    cairo_new_sub_path(cr);
    cairo_arc(cr, x + w - r, y + r, r, -M_PI / 2, 0);
    cairo_arc(cr, x + w - r, y + h - r, r, 0, M_PI / 2);
    cairo_arc(cr, x + r, y + h - r, r, M_PI / 2, M_PI);
    cairo_arc(cr, x + r, y + r, r, M_PI, 3 * M_PI / 2);
    cairo_close_path(cr);
}

void ellipse(cairo_t* cr, double cx, double cy, double rx, double ry) {
    cairo_save(cr);
    cairo_translate(cr, cx, cy);
    cairo_scale(cr, rx, ry);
    cairo_new_sub_path(cr);
    cairo_arc(cr, 0, 0, 1, 0, 2 * M_PI);
    cairo_restore(cr);
}

void smooth_through(cairo_t* cr, const std::vector<Point>& pts, bool move_to_first) {
    if (pts.empty()) return;
    if (move_to_first) cairo_move_to(cr, pts[0].x, pts[0].y);
    else cairo_line_to(cr, pts[0].x, pts[0].y);
    for (size_t i = 0; i + 1 < pts.size(); ++i) {
        Point p0 = pts[i == 0 ? 0 : i - 1], p1 = pts[i], p2 = pts[i + 1];
        Point p3 = pts[std::min(i + 2, pts.size() - 1)];
        cairo_curve_to(cr, p1.x + (p2.x - p0.x) / 6, p1.y + (p2.y - p0.y) / 6, p2.x - (p3.x - p1.x) / 6,
                       p2.y - (p3.y - p1.y) / 6, p2.x, p2.y);
    }
}

void ridge(cairo_t* cr, const std::vector<Point>& pts, double bottom, Rgb c, double alpha) {
    smooth_through(cr, pts);
    cairo_line_to(cr, pts.back().x, bottom);
    cairo_line_to(cr, pts.front().x, bottom);
    cairo_close_path(cr);
    fill_colour(cr, c, alpha);
}

void ground_shadow(cairo_t* cr, double cx, double y, double rx, double alpha) {
    cairo_save(cr);
    cairo_translate(cr, cx, y);
    cairo_scale(cr, 1, 0.18);
    glow(cr, 0, 0, rx, {0.15, 0.1, 0.1}, alpha);
    cairo_restore(cr);
}

namespace {

// One horizontal and one vertical box-blur pass over ARGB32 premultiplied pixels.
void box_blur(uint32_t* px, int w, int h, int stride_px, int radius) {
    std::vector<uint32_t> line(static_cast<size_t>(std::max(w, h)));
    auto pass = [&](int count, int length, auto at) {
        for (int i = 0; i < count; ++i) {
            for (int j = 0; j < length; ++j) line[j] = *at(i, j);
            uint32_t sum[4] = {0, 0, 0, 0};
            auto add = [&](uint32_t p, int sign) {
                for (int c = 0; c < 4; ++c) sum[c] += sign * ((p >> (8 * c)) & 0xFF);
            };
            for (int k = -radius; k <= radius; ++k) add(line[std::clamp(k, 0, length - 1)], 1);
            int n = 2 * radius + 1;
            for (int j = 0; j < length; ++j) {
                uint32_t out = 0;
                for (int c = 0; c < 4; ++c) out |= ((sum[c] + n / 2) / n) << (8 * c);
                *at(i, j) = out;
                add(line[std::clamp(j + radius + 1, 0, length - 1)], 1);
                add(line[std::clamp(j - radius, 0, length - 1)], -1);
            }
        }
    };
    pass(h, w, [&](int y, int x) { return px + static_cast<size_t>(y) * stride_px + x; });
    pass(w, h, [&](int x, int y) { return px + static_cast<size_t>(y) * stride_px + x; });
}

}  // namespace

void blurred_layer(const Canvas& canvas, double blur_logical,
                   const std::function<void(cairo_t*)>& paint, double opacity) {
    const double down = canvas.scale() / 4;  // layer pixels per logical unit
    int lw = static_cast<int>(std::ceil(canvas.w() * down)), lh = static_cast<int>(std::ceil(canvas.h() * down));
    SurfacePtr layer(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, lw, lh), cairo_surface_destroy);
    {
        ContextPtr cr(cairo_create(layer.get()), cairo_destroy);
        cairo_scale(cr.get(), down, down);
        cairo_set_line_cap(cr.get(), CAIRO_LINE_CAP_ROUND);
        paint(cr.get());
    }
    cairo_surface_flush(layer.get());
    int radius = std::max(1, static_cast<int>(std::lround(blur_logical * down / 2)));
    auto* px = reinterpret_cast<uint32_t*>(cairo_image_surface_get_data(layer.get()));
    int stride_px = cairo_image_surface_get_stride(layer.get()) / 4;
    for (int i = 0; i < 3; ++i) box_blur(px, lw, lh, stride_px, radius);  // three boxes ≈ a Gaussian
    cairo_surface_mark_dirty(layer.get());

    cairo_t* cr = canvas.cr();
    cairo_save(cr);
    cairo_scale(cr, 1 / down, 1 / down);
    cairo_set_source_surface(cr, layer.get(), 0, 0);
    cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
    cairo_paint_with_alpha(cr, opacity);
    cairo_restore(cr);
}

}  // namespace koho::genmedia
