// Tables built by hand for scene tests (what model/ would load from JSON).
#pragma once

#include <initializer_list>
#include <string>
#include <vector>

#include "model/document.h"
#include "scene/display_list.h"

namespace koho::scene::testing {

inline model::Story story_text(const model::Style* style, const std::string& text) {
    model::Story story;
    if (text.empty()) return story;
    model::Paragraph paragraph;
    paragraph.style = style;
    paragraph.spans.push_back({.text = text});
    story.paragraphs.push_back(paragraph);
    return story;
}

inline model::TableCell cell(const model::Style* style, const std::string& text, size_t column, int col_span = 1,
                             int row_span = 1) {
    model::TableCell c;
    c.story = story_text(style, text);
    c.column = column;
    c.col_span = col_span;
    c.row_span = row_span;
    return c;
}

// A row of single-column cells in consecutive columns.
inline model::TableRow row(const model::Style* style, std::initializer_list<std::string> texts, bool header = false,
                           int line = 0) {
    model::TableRow r;
    r.header = header;
    r.loc = {"layout.json", line, 7, "/pages/0/frames/0/rows"};
    size_t column = 0;
    for (const auto& text : texts) {
        r.cells.push_back(cell(style, text, column));
        r.cells.back().loc = {"layout.json", line, 9, "/pages/0/frames/0/rows/cells"};
        ++column;
    }
    return r;
}

inline model::TableColumn fixed(double pt) { return {model::TableColumn::Kind::Fixed, pt}; }
inline model::TableColumn fraction(double fr) { return {model::TableColumn::Kind::Fraction, fr}; }
inline model::TableColumn automatic() { return {model::TableColumn::Kind::Auto, 0}; }

inline model::Frame table_frame(std::string id, model::Box box, model::TableContent table) {
    model::Frame frame;
    frame.id = std::move(id);
    frame.loc = {"layout.json", 10, 5, "/pages/0/frames/0"};
    frame.box = box;
    frame.content = std::move(table);
    return frame;
}

// A solid border line of `width` points.
inline model::Stroke stroke(Color color, double width) {
    model::Stroke s;
    s.color = color;
    s.width_pt = width;
    return s;
}

// The text items of a composed page, in paint order.
inline std::vector<const TextItem*> texts(const PageScene& page) {
    std::vector<const TextItem*> found;
    for (const Item& item : page.items)
        if (auto* text = std::get_if<TextItem>(&item.what)) found.push_back(text);
    return found;
}

}  // namespace koho::scene::testing
