#include "print/pdfx_transparency.h"

#include <optional>
#include <string>

#include "core/units.h"
#include "scene/color_walk.h"

namespace koho::print {
namespace {

constexpr const char* kAdvice = "PDF/X-1a allows no transparency; use --pdfx 4 or remove it";

// Alpha strictly between 0 and 1: a partly transparent paint. Alpha 0
// paints nothing (Cairo drops the operation), alpha 1 is opaque.
bool partly_transparent(double alpha) {
    return alpha > 0 && alpha < 1;
}

std::string alpha_text(double alpha) {
    return format_number(alpha, 3);
}

// What about one colour is transparent, or nothing.
std::optional<std::string> colour_issue(const Color& colour, const char* role) {
    if (!partly_transparent(colour.alpha)) return std::nullopt;
    return std::string(role) + " has alpha " + alpha_text(colour.alpha);
}

std::optional<std::string> gradient_issue(const scene::GradientPaint& gradient) {
    bool any_visible = false;
    for (const auto& [offset, colour] : gradient.stops)
        if (colour.alpha > 0) any_visible = true;
    if (!any_visible) return std::nullopt;  // a clear gradient paints nothing
    for (const auto& [offset, colour] : gradient.stops) {
        if (colour.alpha < 1) {
            return "its gradient has a stop at " + format_number(offset * 100, 1) + "% with alpha " +
                   alpha_text(colour.alpha);
        }
    }
    return std::nullopt;
}

std::optional<std::string> shape_issue(const scene::ShapeItem& shape) {
    if (shape.gradient) {
        if (auto issue = gradient_issue(*shape.gradient)) return issue;
    } else if (shape.fill) {
        if (auto issue = colour_issue(*shape.fill, "its fill colour")) return issue;
    }
    if (shape.stroke)
        if (auto issue = colour_issue(shape.stroke->color, "its stroke colour")) return issue;
    if (shape.backdrop)
        if (auto issue = colour_issue(*shape.backdrop, "its backdrop colour")) return issue;
    return std::nullopt;
}

std::optional<std::string> text_issue(const scene::TextItem& text) {
    if (text.background)
        if (auto issue = colour_issue(*text.background, "its background colour")) return issue;
    for (const text::GlyphRun& run : text.text.runs) {
        if (run.outline)
            if (auto issue = colour_issue(run.outline->color, "its text outline colour")) return issue;
        if (auto issue = colour_issue(run.color, "its text colour")) return issue;
    }
    for (const text::TextRule& rule : text.text.rules)
        if (auto issue = colour_issue(rule.color, "the colour of a rule in its text")) return issue;
    return std::nullopt;
}

std::optional<std::string> image_issue(const scene::ImageItem& image) {
    // has_alpha is set by the decoders only when some pixel is not opaque:
    // an RGBA file whose pixels are all opaque passes.
    if (image.image && image.image->has_alpha)
        return "its image '" + image.image->source.string() + "' has transparent pixels";
    return std::nullopt;
}

// The first transparent thing about one item, in the order it is drawn:
// the item's own opacity (a group), its shadow (drawn first), then its
// content. SVG art is checked in the PDF (its content is opaque here).
std::optional<std::string> item_issue(const scene::Item& item) {
    if (partly_transparent(item.opacity)) return "its opacity is " + alpha_text(item.opacity);
    if (item.shadow) {
        if (auto issue = colour_issue(item.shadow->color, "its shadow colour")) return issue;
        // SVG art casts its shadow through a soft mask made of its paths.
        if (item.shadow->color.alpha > 0 && std::holds_alternative<scene::SvgItem>(item.what))
            return std::string("its shadow takes the shape of its SVG art through a soft mask");
    }
    std::optional<std::string> issue = std::visit(
        [](const auto& what) -> std::optional<std::string> {
            using T = std::decay_t<decltype(what)>;
            if constexpr (std::is_same_v<T, scene::ShapeItem>) return shape_issue(what);
            if constexpr (std::is_same_v<T, scene::TextItem>) return text_issue(what);
            if constexpr (std::is_same_v<T, scene::ImageItem>) return image_issue(what);
            return std::nullopt;
        },
        item.what);
    if (issue) return issue;
    // The colour walk the print stage relies on reaches every colour, also
    // kinds added after this check was written: none may slip through.
    scene::for_each_color(item, [&](const Color& colour) {
        if (!issue) issue = colour_issue(colour, "a colour in it");
    });
    return issue;
}

std::string frame_name(const scene::Item& item) {
    return item.frame_id.empty() ? std::string("a frame without an id") : "frame '" + item.frame_id + "'";
}

}  // namespace

void refuse_transparency_for_x1a(const std::vector<scene::PageScene>& pages) {
    for (size_t p = 0; p < pages.size(); ++p) {
        for (const scene::Item& item : pages[p].items) {
            if (item.opacity <= 0) continue;  // not drawn at all
            if (auto issue = item_issue(item)) {
                fail_input(item.where, "page " + std::to_string(p + 1) + ", " + frame_name(item) + ": " + *issue +
                                           "; " + kAdvice);
            }
        }
    }
}

void refuse_leftover_transparency_for_x1a(const std::vector<TransparencyUse>& uses,
                                          const std::vector<scene::PageScene>& pages,
                                          const SourceLoc& document) {
    if (uses.empty()) return;
    // Whatever the scenes show is named at its own frame first; what is
    // left can only come from inside SVG art.
    refuse_transparency_for_x1a(pages);
    const TransparencyUse& use = uses.front();
    std::vector<const scene::Item*> svg_items;
    if (use.page >= 1 && static_cast<size_t>(use.page) <= pages.size()) {
        for (const scene::Item& item : pages[use.page - 1].items)
            if (item.opacity > 0 && std::holds_alternative<scene::SvgItem>(item.what)) svg_items.push_back(&item);
    }
    const std::string head = "page " + std::to_string(use.page) + " uses transparency (" + use.what + ")";
    if (svg_items.size() == 1) {
        fail_input(svg_items.front()->where,
                   head + ", from the SVG art of " + frame_name(*svg_items.front()) + "; " + kAdvice);
    }
    std::string where;
    if (!svg_items.empty()) {
        where = ", from the SVG art of one of its frames:";
        for (size_t i = 0; i < svg_items.size(); ++i)
            where += (i == 0 ? " '" : ", '") + svg_items[i]->frame_id + "'";
    }
    fail_input(document, head + where + "; " + kAdvice);
}

}  // namespace koho::print
