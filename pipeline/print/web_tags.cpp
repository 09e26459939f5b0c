#include "print/web_tags.h"

#include <cairo-pdf.h>
#include <cairo.h>

#include <algorithm>

#include "core/diagnostic.h"
#include "core/units.h"
#include "print/cairo_pdf_surface.h"
#include "print/web_links.h"
#include "scene/cairo_ptr.h"
#include "scene/render.h"

namespace koho::print::detail {
namespace {

std::string item_name(const scene::Item& item) {
    return item.frame_id.empty() ? std::string("a frame") : "frame '" + item.frame_id + "'";
}

// Where an item lies on the page, for a link over the whole item.
scene::Rect item_bounds(const scene::Item& item) {
    return std::visit(
        [](const auto& what) -> scene::Rect {
            using T = std::decay_t<decltype(what)>;
            if constexpr (std::is_same_v<T, scene::ShapeItem>) {
                if (what.kind != scene::ShapeKind::Line) return what.bounds;
                double x0 = std::min(what.x1, what.x2), y0 = std::min(what.y1, what.y2);
                return {x0, y0, std::max(what.x1, what.x2) - x0, std::max(what.y1, what.y2) - y0};
            } else if constexpr (std::is_same_v<T, scene::TextItem>) {
                if (what.background && what.background_box.w > 0 && what.background_box.h > 0)
                    return what.background_box;
                return text_bounds(what);
            } else {
                return what.clip;
            }
        },
        item.what);
}

std::string rect_attribute(const std::vector<scene::Rect>& rects) {
    std::string out = "rect=[";
    for (size_t i = 0; i < rects.size(); ++i) {
        const scene::Rect& r = rects[i];
        if (i) out += ' ';
        out += format_number(r.x) + ' ' + format_number(r.y) + ' ' + format_number(r.w) + ' ' +
               format_number(r.h);
    }
    return out + "]";
}

std::string link_attributes(const std::string& uri, const std::vector<scene::Rect>& rects) {
    return "uri='" + ascii_uri(uri) + "' " + rect_attribute(rects);
}

// Whether drawing the item leaves no mark (render() skips it): such an
// item gets no structure element, which would have no content.
bool draws_nothing(const scene::Item& item) {
    if (!(item.opacity > 0)) return true;
    return std::visit(
        [](const auto& what) -> bool {
            using T = std::decay_t<decltype(what)>;
            if constexpr (std::is_same_v<T, scene::ShapeItem>) {
                return !what.fill && !what.gradient && !what.stroke && !what.backdrop;
            } else if constexpr (std::is_same_v<T, scene::TextItem>) {
                return what.text.runs.empty() && what.text.rules.empty() && !what.background;
            } else if constexpr (std::is_same_v<T, scene::ImageItem>) {
                return !what.image || what.image->width <= 0 || what.image->height <= 0 ||
                       what.placed.w <= 0 || what.placed.h <= 0 || what.clip.w <= 0 || what.clip.h <= 0;
            } else {
                return !what.art || what.placed.w <= 0 || what.placed.h <= 0 || what.clip.w <= 0 ||
                       what.clip.h <= 0;
            }
        },
        item.what);
}

// The element the item's role (or, without one, its kind) asks for.
std::string tag_for_role(const scene::Item& item) {
    const std::string& role = item.role;
    if (role.empty()) {
        if (std::holds_alternative<scene::TextItem>(item.what)) {
            const auto& text = std::get<scene::TextItem>(item.what);
            return text.text.runs.empty() ? "" : "P";  // a background without words is decoration
        }
        // Shapes are decoration: rules, boxes, a table's fills. (A QR code is
        // a figure because compose gives it that role.)
        if (std::holds_alternative<scene::ShapeItem>(item.what)) return "";
        return "Figure";
    }
    if (role == "artifact") return "";
    if (role == "figure") return "Figure";
    std::string tag;
    if (role == "p") tag = "P";
    if (role.size() == 2 && role[0] == 'h' && role[1] >= '1' && role[1] <= '6') tag = std::string{'H', role[1]};
    if (!tag.empty()) {
        // A text or table frame's rules, fills and borders carry its role
        // too: they are decoration, not part of the heading or paragraph.
        return std::holds_alternative<scene::ShapeItem>(item.what) ? "" : tag;
    }
    fail_input(item.where, item_name(item) + " has the role '" + role +
                               "'; the web PDF knows h1 to h6, p, figure and artifact");
}

void draw_item_tagged(cairo_t* cr, const scene::Item& item, std::vector<TaggedElement>& elements) {
    std::string tag = tag_for_role(item);  // checks the role even when nothing is drawn
    if (draws_nothing(item)) tag.clear();
    std::vector<LinkArea> links;
    if (const auto* text = std::get_if<scene::TextItem>(&item.what); text && item.link.empty())
        links = text_links(*text);
    const bool own_link = !item.link.empty() && !draws_nothing(item);
    if (tag.empty() && !own_link) {
        scene::render_item(cr, item);
        return;
    }
    // Cairo 1.16 makes a Link element only inside a structure element (and
    // writes dangling references without one): decoration that links gets
    // a plain Div around its Link.
    if (tag.empty()) tag = "Div";
    if (!tag.empty()) cairo_tag_begin(cr, tag.c_str(), "");
    if (own_link) {
        scene::Rect bounds = item_bounds(item);
        if (bounds.w <= 0 || bounds.h <= 0)
            fail_input(item.where, item_name(item) + " has a link but no area to put it on");
        cairo_tag_begin(cr, CAIRO_TAG_LINK, link_attributes(item.link, {bounds}).c_str());
        scene::render_item(cr, item);
        cairo_tag_end(cr, CAIRO_TAG_LINK);
    } else if (!links.empty()) {
        cairo_tag_begin(cr, "Span", "");
        scene::render_item(cr, item);
        cairo_tag_end(cr, "Span");
        for (const LinkArea& link : links) {
            cairo_tag_begin(cr, CAIRO_TAG_LINK, link_attributes(link.uri, link.rects).c_str());
            cairo_tag_end(cr, CAIRO_TAG_LINK);
        }
    } else {
        scene::render_item(cr, item);
    }
    if (!tag.empty()) cairo_tag_end(cr, tag.c_str());
    check_cairo(cairo_status(cr), "tagging " + item_name(item));
    // A picture, art given a heading role, or a text frame set as a figure
    // is read by its alt text; other text by its words.
    const bool words = std::holds_alternative<scene::TextItem>(item.what) && tag != "Figure";
    elements.push_back({tag, words ? std::string() : item.alt});
}

// A frame set as a figure as a whole (a text or table frame given the role
// "figure") draws as several items: they form one Figure, read once by
// the frame's alt text.
void draw_figure_group(cairo_t* cr, const std::vector<scene::Item>& items, size_t begin, size_t end,
                       std::vector<TaggedElement>& elements) {
    bool draws = false;
    for (size_t i = begin; i < end; ++i) draws = draws || !draws_nothing(items[i]);
    if (draws) cairo_tag_begin(cr, "Figure", "");
    for (size_t i = begin; i < end; ++i) scene::render_item(cr, items[i]);
    if (!draws) return;
    cairo_tag_end(cr, "Figure");
    check_cairo(cairo_status(cr), "tagging " + item_name(items[begin]));
    elements.push_back({"Figure", items[begin].alt});
}

bool same_figure(const scene::Item& a, const scene::Item& b) {
    return a.role == "figure" && b.role == "figure" && !a.frame_id.empty() && a.frame_id == b.frame_id &&
           a.where.pointer == b.where.pointer && a.link.empty() && b.link.empty();
}

void draw_page_tagged(cairo_t* cr, const scene::PageScene& page, std::vector<TaggedElement>& elements) {
    const std::vector<scene::Item>& items = page.items;
    for (size_t i = 0; i < items.size();) {
        size_t end = i + 1;
        while (end < items.size() && same_figure(items[i], items[end])) ++end;
        if (end - i == 1) {
            draw_item_tagged(cr, items[i], elements);
        } else {
            draw_figure_group(cr, items, i, end, elements);
        }
        i = end;
    }
}

}  // namespace

std::string structure_tag(const scene::Item& item) {
    const std::string tag = tag_for_role(item);  // checks the role even when nothing is drawn
    return draws_nothing(item) ? "" : tag;
}

TaggedPdf draw_tagged(const std::vector<scene::PageScene>& pages, const WebPdfOptions& options) {
    TaggedPdf out;
    {
        const scene::PageScene& first = pages.front();
        scene::SurfacePtr surface = create_pdf_surface(out.bytes, first.trim_w_pt, first.trim_h_pt, options.title,
                                                       options.creator, options.date_epoch);
        scene::CairoPtr cr(cairo_create(surface.get()));
        // No Document element here: Cairo 1.16 refuses content drawn in a
        // structure element that has children (an artifact between two
        // paragraphs), so every element sits at the root and the finishing
        // stage puts them under one Document.
        for (const scene::PageScene& page : pages) {
            if (!(page.trim_w_pt > 0 && page.trim_h_pt > 0)) fail_system({}, "a page has no size");
            cairo_pdf_surface_set_size(surface.get(), page.trim_w_pt, page.trim_h_pt);
            {
                scene::SavedState saved(cr.get());
                cairo_rectangle(cr.get(), 0, 0, page.trim_w_pt, page.trim_h_pt);
                cairo_clip(cr.get());
                draw_page_tagged(cr.get(), page, out.elements);
            }
            cairo_show_page(cr.get());
            check_cairo(cairo_status(cr.get()), "drawing a page");
        }
        cr.reset();
        cairo_surface_finish(surface.get());
        check_cairo(cairo_surface_status(surface.get()), "writing the web PDF");
    }
    return out;
}

}  // namespace koho::print::detail
