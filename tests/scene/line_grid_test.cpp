// The line grid (行取り) through compose with the real typesetter: body lines
// of two frames side by side line up although one starts with a heading.
#include <gtest/gtest.h>

#include <cmath>

#include "recording_setter.h"
#include "scene/compose_pages.h"

namespace koho::scene {
namespace {

using testing::RecordingSetter;

model::Style style(const std::string& name, double size, double leading) {
    model::Style s;
    s.name = name;
    s.font_family = "Noto Sans CJK JP";
    s.size_pt = size;
    s.leading_pt = leading;
    return s;
}

model::Frame frame_with(model::Box box, std::vector<std::pair<const model::Style*, std::string>> paragraphs,
                        const model::Style* grid) {
    model::Frame frame;
    frame.loc = {"layout.json", 1, 1, "/pages/0/frames/0"};
    frame.box = box;
    model::TextContent content;
    for (const auto& [style, text] : paragraphs) {
        model::Paragraph p;
        p.style = style;
        p.spans.push_back({.text = text});
        content.story.paragraphs.push_back(p);
    }
    content.grid = grid;
    frame.content = std::move(content);
    return frame;
}

// Baselines (em-box tops, as both frames share a top) of the body lines.
std::vector<double> body_tops(const text::FrameFill& fill, double body_em) {
    std::vector<double> tops;
    for (const auto& line : fill.lines)
        if (std::abs(line.em_pt - body_em) < 1e-9) tops.push_back(line.block_pt);
    return tops;
}

std::vector<std::vector<double>> set_side_by_side(bool with_grid) {
    static const model::Style body = style("body", 10, 17);
    static const model::Style head = style("head", 16, 22);
    model::Document document;
    document.file = "layout.json";
    document.page.trim_w_pt = 300;
    document.page.trim_h_pt = 300;
    document.pages.resize(1);
    const std::string text = "子どもと家庭を支える仕事です。相談を受け、調査し、援助の方針を立てます。";
    document.pages[0].frames.push_back(
        frame_with({10, 10, 120, 200}, {{&head, "見出し"}, {&body, text}}, with_grid ? &body : nullptr));
    document.pages[0].frames.push_back(
        frame_with({150, 10, 120, 200}, {{&body, text + text}}, with_grid ? &body : nullptr));
    RecordingSetter setter;
    compose_pages(document, setter, [](const std::filesystem::path&, const SourceLoc&) {
        return std::shared_ptr<const Image>();
    });
    EXPECT_EQ(setter.fills.size(), 2u);
    if (setter.fills.size() != 2) return {};
    EXPECT_EQ(setter.fills[0].lines.at(0).em_pt, 16);  // the heading came first
    return {body_tops(setter.fills[0], 10), body_tops(setter.fills[1], 10)};
}

TEST(LineGrid, BodyLinesOfAdjacentFramesLineUpUnderAHeading) {
    auto tops = set_side_by_side(true);
    ASSERT_EQ(tops.size(), 2u);
    ASSERT_GE(tops[0].size(), 2u);
    ASSERT_GE(tops[1].size(), tops[0].size() + 1);
    // The heading takes whole body lines: every body line of the first frame
    // sits on a line of the second, which starts at the top.
    EXPECT_DOUBLE_EQ(tops[1][0], 0);
    for (double top : tops[0]) {
        const double lines = top / 17;
        EXPECT_NEAR(lines, std::round(lines), 1e-9) << top;
        EXPECT_GE(lines, 2 - 1e-9);  // a 16 pt heading on 17 pt lines takes two
    }
}

TEST(LineGrid, WithoutTheGridTheHeadingShiftsTheBody) {
    // The same frames without the key: the body under the heading is off the
    // grid, which is what the key exists to prevent.
    auto tops = set_side_by_side(false);
    ASSERT_EQ(tops.size(), 2u);
    ASSERT_FALSE(tops[0].empty());
    const double lines = tops[0][0] / 17;
    EXPECT_GT(std::abs(lines - std::round(lines)), 0.01);
}

}  // namespace
}  // namespace koho::scene
