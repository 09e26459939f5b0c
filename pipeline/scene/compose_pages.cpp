#include "scene/compose_pages.h"

#include "scene/columns.h"
#include "scene/frame_items.h"
#include "scene/masters.h"
#include "scene/table_flow.h"
#include "scene/text_flow.h"
#include "scene/wrap.h"

namespace koho::scene {
namespace {

// A text frame's item: its background and whatever text reached it. None
// when there is nothing to draw.
std::optional<Item> text_item(const model::Frame& frame, FramePiece piece) {
    const auto& content = std::get<model::TextContent>(frame.content);
    if (piece.text.runs.empty() && piece.text.rules.empty() && !content.fill) return std::nullopt;
    Rect inner = inner_box(frame, content);
    TextItem item;
    item.x = inner.x + piece.dx;
    item.y = inner.y + piece.dy;
    item.text = std::move(piece.text);
    item.background = content.fill;
    item.background_box = {frame.box.x, frame.box.y, frame.box.w, frame.box.h};
    Item result = item_of_frame(frame);
    result.what = std::move(item);
    return result;
}

void append(std::vector<Item>& to, std::vector<Item> items) {
    for (auto& item : items) to.push_back(std::move(item));
}

// A text frame: its text item, then its column rules (over its background).
void add_text_frame(std::vector<Item>& items, const model::Frame& frame, FramePiece piece) {
    if (auto item = text_item(frame, std::move(piece))) items.push_back(std::move(*item));
    const auto& content = std::get<model::TextContent>(frame.content);
    for (auto& rule : column_rules(inner_box(frame, content), content)) {
        Item item = item_of_frame(frame);
        item.what = std::move(rule);
        items.push_back(std::move(item));
    }
}

}  // namespace

std::vector<PageScene> compose_pages(const model::Document& document, TextSetter& setter,
                                     const ImageLoader& load_image) {
    ImageCache images(load_image);
    // Contour wrap looks at the same pixels the page draws.
    WrapMedia media;
    media.image = [&images](const model::ImageContent& content) { return images.get(content); };
    media.svg = [&images](const model::SvgContent& content) {
        std::shared_ptr<const SvgArt> art = images.svgs().get(content);
        return WrapArt{art->width_pt(), art->height_pt(),
                       [art](cairo_t* cr, const Rect& viewport) { art->draw(cr, viewport); }};
    };
    PageWraps wraps(document, media);
    // Chains may run from one page to a later one: set every story first.
    auto page_texts = flow_page_stories(document, setter, &wraps);
    // Tables, too, may continue on later pages: lay every table out first.
    auto page_tables = lay_out_page_tables(document, setter);

    std::vector<PageScene> scenes;
    scenes.reserve(document.pages.size());
    for (size_t p = 0; p < document.pages.size(); ++p) {
        const model::Page& page = document.pages[p];
        PageScene scene;
        scene.trim_w_pt = document.page.trim_w_pt;
        scene.trim_h_pt = document.page.trim_h_pt;
        scene.bleed_pt = document.page.bleed_pt;

        for (const MasterFrame& master : master_frames(document, p)) {
            const model::Frame& frame = *master.frame;
            if (std::holds_alternative<model::TextContent>(frame.content))
                add_text_frame(scene.items, frame,
                               set_master_text(document, p, frame, master.index, setter, &wraps, master.part));
            else
                append(scene.items, frame_items(frame, images));
            append(scene.items, master_table_items(document, p, frame, master.index, setter, master.part));
        }
        for (size_t f = 0; f < page.frames.size(); ++f) {
            const model::Frame& frame = page.frames[f];
            if (std::holds_alternative<model::TextContent>(frame.content)) {
                FramePiece piece;
                if (auto found = page_texts.find({p, f}); found != page_texts.end()) piece = std::move(found->second);
                add_text_frame(scene.items, frame, std::move(piece));
            } else {
                append(scene.items, frame_items(frame, images));
            }
            if (auto table = page_tables.find({p, f}); table != page_tables.end())
                append(scene.items, std::move(table->second));
        }
        scenes.push_back(std::move(scene));
    }
    return scenes;
}

}  // namespace koho::scene
