#include "scene/color_walk.h"

#include <type_traits>

namespace koho::scene {
namespace {

void visit_shape(ShapeItem& shape, const std::function<void(Color&)>& visit) {
    if (shape.backdrop) visit(*shape.backdrop);
    if (shape.fill) visit(*shape.fill);
    if (shape.gradient)
        for (auto& stop : shape.gradient->stops) visit(stop.second);
    if (shape.stroke) visit(shape.stroke->color);
}

void visit_text(TextItem& text, const std::function<void(Color&)>& visit) {
    if (text.background) visit(*text.background);
    for (text::GlyphRun& run : text.text.runs) {
        if (run.outline) visit(run.outline->color);
        visit(run.color);
    }
    for (text::TextRule& rule : text.text.rules) visit(rule.color);
}

}  // namespace

void for_each_color(PageScene& page, const std::function<void(Color&)>& visit) {
    for (Item& item : page.items) for_each_color(item, visit);
}

void for_each_color(const Item& item, const std::function<void(const Color&)>& visit) {
    // The mutable walk only hands out references; this visitor only reads.
    for_each_color(const_cast<Item&>(item), [&](Color& color) { visit(color); });
}

void for_each_color(Item& item, const std::function<void(Color&)>& visit) {
    {
        if (item.shadow) visit(item.shadow->color);
        std::visit(
            [&](auto& what) {
                using T = std::decay_t<decltype(what)>;
                if constexpr (std::is_same_v<T, ShapeItem>) {
                    visit_shape(what, visit);
                } else if constexpr (std::is_same_v<T, TextItem>) {
                    visit_text(what, visit);
                } else {
                    // ImageItem, SvgItem: pixels and art, converted as such.
                    static_assert(std::is_same_v<T, ImageItem> || std::is_same_v<T, SvgItem>,
                                  "a new item kind: visit its colours here");
                }
            },
            item.what);
    }
}

}  // namespace koho::scene
