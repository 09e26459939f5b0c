// Inside the renderer: one drawing function per kind of item. Each draws
// its item with every colour's alpha multiplied by `alpha`; render() decides
// whether an item's opacity can be folded into its colours that way or needs
// a transparency group (only when the item paints over itself).
#pragma once

#include <cairo.h>

#include "scene/display_list.h"

namespace koho::scene::detail {

void set_source_color(cairo_t* cr, const Color& color, double alpha);

void draw_shape(cairo_t* cr, const ShapeItem& shape, double alpha);
void draw_image(cairo_t* cr, const ImageItem& image, double alpha);
void draw_text(cairo_t* cr, const TextItem& text, double alpha);
void draw_svg(cairo_t* cr, const SvgItem& svg, double alpha);

// The path of a clip or silhouette outline (a box, its inscribed ellipse,
// or the box with rounded corners; the radius clamped to half the shorter side).
void outline_path(cairo_t* cr, const ClipPath& outline);

// A gradient as a Cairo pattern, every stop's alpha multiplied by `alpha`.
cairo_pattern_t* gradient_pattern(const GradientPaint& gradient, double alpha);

// Silhouettes for shadows: the area the item covers, filled with `color`
// (its alpha multiplied by `alpha`), each point painted once.
void shape_silhouette(cairo_t* cr, const ShapeItem& shape, const Color& color, double alpha);
void image_silhouette(cairo_t* cr, const ImageItem& image, const Color& color, double alpha);
void svg_silhouette(cairo_t* cr, const SvgItem& svg, const Color& color, double alpha);

// Whether drawing the item paints some area more than once (fill and
// stroke, background under text): then opacity needs a group.
bool paints_over_itself(const ShapeItem& shape);
bool paints_over_itself(const TextItem& text);

}  // namespace koho::scene::detail
