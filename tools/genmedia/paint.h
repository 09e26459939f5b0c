// Drawing helpers for the generated illustrations: colours, gradients, soft
// light, smooth curves, a seeded random source and a blurred layer. Every
// scene draws on a logical canvas (e.g. 1200 × 800) that Canvas scales to
// print size, so shapes are designed once whatever the output resolution.
#pragma once

#include <cairo.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <utility>
#include <vector>

namespace koho::genmedia {

struct Rgb {
    double r = 0, g = 0, b = 0;
};
Rgb hex(uint32_t rrggbb);
Rgb mix(Rgb a, Rgb b, double t);
Rgb lighter(Rgb c, double t);  // towards white
Rgb darker(Rgb c, double t);   // towards black

struct Point {
    double x = 0, y = 0;
};

using SurfacePtr = std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)>;
using ContextPtr = std::unique_ptr<cairo_t, decltype(&cairo_destroy)>;
using PatternPtr = std::unique_ptr<cairo_pattern_t, decltype(&cairo_pattern_destroy)>;

// An RGB24 image surface of pixel size (logical × scale) and a context whose
// user space is the logical canvas.
class Canvas {
public:
    Canvas(double logical_w, double logical_h, double scale);
    cairo_t* cr() const { return cr_.get(); }
    cairo_surface_t* surface() const { return surface_.get(); }
    double w() const { return w_; }
    double h() const { return h_; }
    double scale() const { return scale_; }

private:
    double w_, h_, scale_;
    SurfacePtr surface_;
    ContextPtr cr_;
};

// splitmix64: the same numbers on every machine and compiler.
class Rng {
public:
    explicit Rng(uint64_t seed) : state_(seed) {}
    uint64_t next();
    double unit();  // [0, 1)
    double range(double lo, double hi) { return lo + (hi - lo) * unit(); }

private:
    uint64_t state_;
};

void set_colour(cairo_t* cr, Rgb c, double alpha = 1);
void fill_colour(cairo_t* cr, Rgb c, double alpha = 1);  // fills the current path

using Stops = std::vector<std::pair<double, Rgb>>;
PatternPtr linear(double x0, double y0, double x1, double y1, const Stops& stops, double alpha = 1);
// Fills the current path with a vertical gradient from y0 to y1.
void fill_vertical(cairo_t* cr, double y0, double y1, const Stops& stops, double alpha = 1);
// A radial glow: colour at `alpha` in the centre fading to nothing at `radius`.
void glow(cairo_t* cr, double cx, double cy, double radius, Rgb c, double alpha);

void rounded_rect(cairo_t* cr, double x, double y, double w, double h, double r);
void ellipse(cairo_t* cr, double cx, double cy, double rx, double ry);
// A smooth curve through the points (Catmull-Rom as cubic Béziers).
void smooth_through(cairo_t* cr, const std::vector<Point>& pts, bool move_to_first = true);
// A filled band from a smooth ridge line down to y = bottom.
void ridge(cairo_t* cr, const std::vector<Point>& pts, double bottom, Rgb c, double alpha = 1);
// A soft cast shadow under an object standing at (cx, y).
void ground_shadow(cairo_t* cr, double cx, double y, double rx, double alpha = 0.18);

// Draws `paint` (in logical coordinates) on a quarter-resolution layer,
// blurs it and composites it: out-of-focus backgrounds and soft light.
void blurred_layer(const Canvas& canvas, double blur_logical,
                   const std::function<void(cairo_t*)>& paint, double opacity = 1);

}  // namespace koho::genmedia
