// Text items made by hand for print tests: a style, and a line or two set
// by the real typesetter into an item at a given place.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "core/units.h"
#include "model/document.h"
#include "scene/display_list.h"
#include "text/typesetter.h"

namespace koho::print::test_text {

inline model::Style style(const std::string& family, int weight, double size_pt) {
    model::Style s;
    s.name = family;
    s.font_family = family;
    s.weight = weight;
    s.size_pt = size_pt;
    return s;
}

inline scene::Item text_item(text::Typesetter& typesetter, const model::Style& s, const std::string& utf8,
                             double x, double y, const std::string& role = "",
                             model::Writing writing = model::Writing::Horizontal) {
    model::Story story;
    model::Paragraph paragraph;
    paragraph.style = &s;
    paragraph.spans.push_back({utf8});
    story.paragraphs.push_back(paragraph);
    text::FrameGeometry frame;
    frame.width_pt = writing == model::Writing::Vertical ? 40 * kPtPerMm : 170 * kPtPerMm;
    frame.height_pt = writing == model::Writing::Vertical ? 170 * kPtPerMm : 40 * kPtPerMm;
    frame.writing = writing;
    text::FrameFill fill = typesetter.fill(story, {}, frame);
    EXPECT_TRUE(fill.story_done) << utf8;
    scene::TextItem item;
    item.x = x;
    item.y = y;
    item.text = std::move(fill.text);
    scene::Item out;
    out.what = std::move(item);
    out.role = role;
    return out;
}

}  // namespace koho::print::test_text
