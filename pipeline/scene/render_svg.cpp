// SVG art: librsvg draws the document's paths straight onto the target, so
// a PDF gets vectors (no image), a proof or video frame gets pixels at its
// own resolution. Clipped to the item's outline.
#include "scene/cairo_ptr.h"
#include "scene/render_parts.h"
#include "scene/svg_art.h"

namespace koho::scene::detail {

void draw_svg(cairo_t* cr, const SvgItem& item, double alpha) {
    if (!item.art || alpha <= 0) return;
    if (item.placed.w <= 0 || item.placed.h <= 0 || item.clip.w <= 0 || item.clip.h <= 0) return;
    SavedState saved(cr);
    outline_path(cr, {item.clip_kind, item.clip, item.clip_radius_pt});
    cairo_clip(cr);
    if (alpha >= 1) {
        item.art->draw(cr, item.placed);
        return;
    }
    // The art overlaps itself (shapes over shapes): fading each shape on its
    // own would show the lower ones through the upper ones.
    cairo_push_group(cr);
    item.art->draw(cr, item.placed);
    cairo_pop_group_to_source(cr);
    cairo_paint_with_alpha(cr, alpha);
}

void svg_silhouette(cairo_t* cr, const SvgItem& item, const Color& color, double alpha) {
    if (!item.art || alpha <= 0) return;
    if (item.placed.w <= 0 || item.placed.h <= 0 || item.clip.w <= 0 || item.clip.h <= 0) return;
    SavedState saved(cr);
    outline_path(cr, {item.clip_kind, item.clip, item.clip_radius_pt});
    cairo_clip(cr);
    // The art's coverage as a mask. The group is recorded, not rasterised:
    // cairo-pdf writes it as a soft mask made of the same vector paths.
    cairo_push_group(cr);
    item.art->draw(cr, item.placed);
    PatternPtr art(cairo_pop_group(cr));
    set_source_color(cr, color, alpha);
    cairo_mask(cr, art.get());
}

}  // namespace koho::scene::detail
