#include "scene/render.h"

#include <algorithm>
#include <string>

#include "core/diagnostic.h"
#include "scene/render_parts.h"

namespace koho::scene {
namespace {

void draw_item_itself(cairo_t* cr, const Item& item, double alpha) {
    std::visit(
        [&](const auto& what) {
            using T = std::decay_t<decltype(what)>;
            if constexpr (std::is_same_v<T, ShapeItem>)
                detail::draw_shape(cr, what, alpha);
            else if constexpr (std::is_same_v<T, ImageItem>)
                detail::draw_image(cr, what, alpha);
            else if constexpr (std::is_same_v<T, SvgItem>)
                detail::draw_svg(cr, what, alpha);
            else
                detail::draw_text(cr, what, alpha);
        },
        item.what);
}

// A hard shadow: the item's silhouette in the shadow colour, moved by the
// offset. Shapes cast their fill and stroke area; images the part of the
// picture their clip shows; SVG art its painted coverage (through a mask
// made of its own vector paths), so a character casts a character-shaped
// shadow and the PDF stays free of pixels.
void draw_shadow(cairo_t* cr, const Item& item, double alpha) {
    const ShadowPaint& shadow = *item.shadow;
    cairo_save(cr);
    cairo_translate(cr, shadow.dx_pt, shadow.dy_pt);
    std::visit(
        [&](const auto& what) {
            using T = std::decay_t<decltype(what)>;
            if constexpr (std::is_same_v<T, ShapeItem>)
                detail::shape_silhouette(cr, what, shadow.color, alpha);
            else if constexpr (std::is_same_v<T, ImageItem>)
                detail::image_silhouette(cr, what, shadow.color, alpha);
            else if constexpr (std::is_same_v<T, SvgItem>)
                detail::svg_silhouette(cr, what, shadow.color, alpha);
            // Text frames cast no shadow (the model allows none).
        },
        item.what);
    cairo_restore(cr);
}

void draw_content(cairo_t* cr, const Item& item, double alpha) {
    if (item.shadow) draw_shadow(cr, item, alpha);
    draw_item_itself(cr, item, alpha);
}

bool needs_group(const Item& item) {
    // The item over its own shadow, and SVG art (shapes over shapes).
    if (item.shadow || std::holds_alternative<SvgItem>(item.what)) return true;
    if (auto* shape = std::get_if<ShapeItem>(&item.what)) return detail::paints_over_itself(*shape);
    if (auto* text = std::get_if<TextItem>(&item.what)) return detail::paints_over_itself(*text);
    return false;  // an image is one paint: paint_with_alpha does it
}

void draw_item(cairo_t* cr, const Item& item) {
    double opacity = std::clamp(item.opacity, 0.0, 1.0);
    if (opacity <= 0) return;
    if (opacity >= 1) {
        draw_content(cr, item, 1);
        return;
    }
    // Print shops dislike needless transparency groups: fold the opacity
    // into the item's colours unless the item overlaps itself, where that
    // would show its lower layer through its upper one.
    if (!needs_group(item)) {
        draw_content(cr, item, opacity);
        return;
    }
    cairo_push_group(cr);
    draw_content(cr, item, 1);
    cairo_pop_group_to_source(cr);
    cairo_paint_with_alpha(cr, opacity);
}

}  // namespace

void render_item(cairo_t* cr, const Item& item) {
    draw_item(cr, item);
    if (cairo_status(cr) != CAIRO_STATUS_SUCCESS)
        fail_system({}, "drawing " + (item.frame_id.empty() ? std::string("a frame")
                                                             : "frame '" + item.frame_id + "'") +
                            " failed: " + cairo_status_to_string(cairo_status(cr)));
}

void render(cairo_t* cr, const PageScene& page) {
    for (const Item& item : page.items) render_item(cr, item);
}

}  // namespace koho::scene
