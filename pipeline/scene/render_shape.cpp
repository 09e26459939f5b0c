// Shapes: rectangles (square or rounded corners), ellipses, lines and the
// many rectangles of a QR code, filled (flat colour or gradient) and/or
// stroked; and their silhouettes for shadows.
#include <algorithm>
#include <cmath>
#include <numeric>

#include "scene/cairo_ptr.h"
#include "scene/render_parts.h"

namespace koho::scene::detail {
namespace {

void rounded_rect_path(cairo_t* cr, const Rect& r, double radius) {
    radius = std::clamp(radius, 0.0, std::min(r.w, r.h) / 2);
    if (radius <= 0) {
        cairo_rectangle(cr, r.x, r.y, r.w, r.h);
        return;
    }
    const double quarter = M_PI / 2;
    cairo_new_sub_path(cr);
    cairo_arc(cr, r.x + r.w - radius, r.y + radius, radius, -quarter, 0);
    cairo_arc(cr, r.x + r.w - radius, r.y + r.h - radius, radius, 0, quarter);
    cairo_arc(cr, r.x + radius, r.y + r.h - radius, radius, quarter, 2 * quarter);
    cairo_arc(cr, r.x + radius, r.y + radius, radius, 2 * quarter, 3 * quarter);
    cairo_close_path(cr);
}

void ellipse_path(cairo_t* cr, const Rect& r) {
    if (r.w <= 0 || r.h <= 0) return;
    // Scale a unit circle; restore before stroking so the pen stays round.
    SavedState saved(cr);
    cairo_translate(cr, r.x + r.w / 2, r.y + r.h / 2);
    cairo_scale(cr, r.w / 2, r.h / 2);
    cairo_new_sub_path(cr);
    cairo_arc(cr, 0, 0, 1, 0, 2 * M_PI);
    cairo_close_path(cr);
}

void shape_path(cairo_t* cr, const ShapeItem& shape) {
    cairo_new_path(cr);
    switch (shape.kind) {
    // Box-shaped shapes take the same path as a clip outline of that kind.
    case ShapeKind::Rect:
        outline_path(cr, {OutlineKind::Rect, shape.bounds, shape.radius_pt});
        break;
    case ShapeKind::RoundedRect:
        outline_path(cr, {OutlineKind::RoundedRect, shape.bounds, shape.radius_pt});
        break;
    case ShapeKind::Ellipse:
        outline_path(cr, {OutlineKind::Ellipse, shape.bounds, shape.radius_pt});
        break;
    case ShapeKind::Line:
        cairo_move_to(cr, shape.x1, shape.y1);
        cairo_line_to(cr, shape.x2, shape.y2);
        break;
    case ShapeKind::Rects:
        // One path for all modules: filled at once, abutting rectangles
        // leave no anti-aliasing seams between them.
        for (const Rect& r : shape.rects) cairo_rectangle(cr, r.x, r.y, r.w, r.h);
        break;
    }
}

bool has_fill(const ShapeItem& shape) { return (shape.fill || shape.gradient) && shape.kind != ShapeKind::Line; }

// The fill paint: the gradient when there is one, else the flat colour.
void set_fill_source(cairo_t* cr, const ShapeItem& shape, double alpha) {
    if (shape.gradient) {
        PatternPtr pattern(gradient_pattern(*shape.gradient, alpha));
        cairo_set_source(cr, pattern.get());
    } else {
        set_source_color(cr, *shape.fill, alpha);
    }
}



void apply_stroke_style(cairo_t* cr, const StrokeStyle& stroke) {
    cairo_set_line_width(cr, stroke.width_pt);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
    double total = std::accumulate(stroke.dash_pt.begin(), stroke.dash_pt.end(), 0.0);
    bool valid = total > 0 && std::none_of(stroke.dash_pt.begin(), stroke.dash_pt.end(),
                                           [](double d) { return d < 0; });
    if (valid)
        cairo_set_dash(cr, stroke.dash_pt.data(), static_cast<int>(stroke.dash_pt.size()), 0);
    else
        cairo_set_dash(cr, nullptr, 0, 0);
}

// Everything the shape paints, in one colour.
void paint_in(cairo_t* cr, const ShapeItem& shape, const Color& color, double alpha) {
    if (shape.kind == ShapeKind::Rects && shape.backdrop) {
        cairo_rectangle(cr, shape.bounds.x, shape.bounds.y, shape.bounds.w, shape.bounds.h);
        set_source_color(cr, color, alpha);
        cairo_fill(cr);
    }
    shape_path(cr, shape);
    set_source_color(cr, color, alpha);
    if (has_fill(shape)) cairo_fill_preserve(cr);
    if (shape.stroke && shape.stroke->width_pt > 0) {
        apply_stroke_style(cr, *shape.stroke);
        cairo_stroke_preserve(cr);
    }
    cairo_new_path(cr);
}

}  // namespace

void set_source_color(cairo_t* cr, const Color& color, double alpha) {
    cairo_set_source_rgba(cr, color.rgb.r, color.rgb.g, color.rgb.b, color.alpha * alpha);
}

void outline_path(cairo_t* cr, const ClipPath& outline) {
    cairo_new_path(cr);
    switch (outline.kind) {
    case OutlineKind::Rect:
        cairo_rectangle(cr, outline.box.x, outline.box.y, outline.box.w, outline.box.h);
        break;
    case OutlineKind::Ellipse:
        ellipse_path(cr, outline.box);
        break;
    case OutlineKind::RoundedRect:
        rounded_rect_path(cr, outline.box, outline.radius_pt);
        break;
    }
}

cairo_pattern_t* gradient_pattern(const GradientPaint& gradient, double alpha) {
    cairo_pattern_t* pattern =
        gradient.kind == GradientPaint::Kind::Linear
            ? cairo_pattern_create_linear(gradient.x0, gradient.y0, gradient.x1, gradient.y1)
            : cairo_pattern_create_radial(gradient.cx, gradient.cy, 0, gradient.cx, gradient.cy,
                                          std::max(gradient.radius, 1e-6));
    for (const auto& [offset, color] : gradient.stops)
        cairo_pattern_add_color_stop_rgba(pattern, std::clamp(offset, 0.0, 1.0), color.rgb.r, color.rgb.g,
                                          color.rgb.b, color.alpha * alpha);
    // Beyond the ends the end colours continue (as CSS gradients do).
    cairo_pattern_set_extend(pattern, CAIRO_EXTEND_PAD);
    return pattern;
}

void shape_silhouette(cairo_t* cr, const ShapeItem& shape, const Color& color, double alpha) {
    SavedState saved(cr);
    double a = color.alpha * alpha;
    if (a <= 0) return;
    if (!paints_over_itself(shape) || a >= 1) {
        paint_in(cr, shape, color, alpha);
        return;
    }
    // Fill and stroke overlap: paint both opaque in a group, fade it once,
    // or the overlap would come out darker.
    Color opaque = color;
    opaque.alpha = 1;
    cairo_push_group(cr);
    paint_in(cr, shape, opaque, 1);
    cairo_pop_group_to_source(cr);
    cairo_paint_with_alpha(cr, a);
}

bool paints_over_itself(const ShapeItem& shape) {
    int paints = (has_fill(shape) ? 1 : 0) + (shape.stroke ? 1 : 0) +
                 (shape.kind == ShapeKind::Rects && shape.backdrop ? 1 : 0);
    return paints > 1;
}

void draw_shape(cairo_t* cr, const ShapeItem& shape, double alpha) {
    SavedState saved(cr);
    if (shape.kind == ShapeKind::Rects && shape.backdrop) {
        cairo_rectangle(cr, shape.bounds.x, shape.bounds.y, shape.bounds.w, shape.bounds.h);
        set_source_color(cr, *shape.backdrop, alpha);
        cairo_fill(cr);
    }
    shape_path(cr, shape);
    if (has_fill(shape)) {
        set_fill_source(cr, shape, alpha);
        if (shape.stroke)
            cairo_fill_preserve(cr);
        else
            cairo_fill(cr);
    }
    if (shape.stroke && shape.stroke->width_pt > 0) {
        apply_stroke_style(cr, *shape.stroke);
        set_source_color(cr, shape.stroke->color, alpha);
        cairo_stroke(cr);
    }
    cairo_new_path(cr);
}

}  // namespace koho::scene::detail
