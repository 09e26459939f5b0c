// Flow with the real typesetter: the columns of a balanced frame end within
// one line of each other, and text wrap keeps glyphs out of a wrap object,
// in both writing modes.
#include <gtest/gtest.h>

#include <cmath>

#include "flow_fixtures.h"
#include "recording_setter.h"
#include "scene/compose_pages.h"

namespace koho::scene {
namespace {

using testing::RecordingSetter;

model::Style body_style() {
    model::Style style;
    style.name = "body";
    style.font_family = "Noto Sans CJK JP";
    style.size_pt = 10;
    style.leading_pt = 17;
    return style;
}

// The used extents of the two columns of the frame's final setting.
std::pair<double, double> column_extents(model::Writing writing, bool balance, const model::Style& style,
                                         RecordingSetter& setter, PageScene* scene = nullptr) {
    std::string sentence = "児童相談所では、子どもと家庭を支える仕事をしています。";
    std::string text;
    for (int i = 0; i < 16; ++i) text += sentence;
    auto document = testing::document_with_pages(1);
    auto frame = testing::text_frame("body", {20, 30, 300, 410}, testing::story_of({text, sentence}));
    auto& content = testing::text_of(frame);
    content.story.paragraphs[0].style = &style;
    content.story.paragraphs[1].style = &style;
    content.columns = 2;
    content.gutter_pt = 10;
    content.balance = balance;
    content.writing = writing;
    document.pages[0].frames.push_back(frame);
    auto pages = compose_pages(document, setter, testing::no_images());
    if (scene) *scene = pages[0];
    EXPECT_GE(setter.fills.size(), 2u);
    const auto& a = setter.fills[setter.fills.size() - 2];
    const auto& b = setter.fills.back();
    EXPECT_TRUE(b.story_done);
    return {a.used_extent_pt, b.used_extent_pt};
}

TEST(Balance, HorizontalColumnsEndWithinALine) {
    model::Style style = body_style();
    RecordingSetter plain;
    auto [full, rest] = column_extents(model::Writing::Horizontal, false, style, plain);
    EXPECT_GT(full - rest, 2 * style.leading_pt);  // unbalanced: the second column is much shorter

    RecordingSetter setter;
    auto [first, second] = column_extents(model::Writing::Horizontal, true, style, setter);
    EXPECT_GT(setter.fills.size(), 4u);  // it searched
    EXPECT_LE(std::abs(first - second), style.leading_pt);
    EXPECT_LT(first, full);
}

TEST(Balance, VerticalTiersEndWithinALine) {
    model::Style style = body_style();
    RecordingSetter plain;
    auto [full, rest] = column_extents(model::Writing::Vertical, false, style, plain);
    EXPECT_GT(full - rest, 2 * style.leading_pt);

    RecordingSetter setter;
    PageScene scene;
    auto [first, second] = column_extents(model::Writing::Vertical, true, style, setter, &scene);
    EXPECT_LE(std::abs(first - second), style.leading_pt);
    EXPECT_LT(first, full);
    // Both tiers still start at the frame's right edge (x 320): lines run right to left.
    const auto& item = std::get<TextItem>(scene.items.at(0).what);
    double top_tier_right = 0, bottom_tier_right = 0;
    for (const auto& run : item.text.runs)
        for (const auto& glyph : run.glyphs) {
            double x = item.x + glyph.x, y = item.y + glyph.y;
            (y < 30 + 200 ? top_tier_right : bottom_tier_right) =
                std::max(y < 30 + 200 ? top_tier_right : bottom_tier_right, x);
        }
    EXPECT_GT(top_tier_right, 320 - 2 * style.size_pt);
    EXPECT_LE(top_tier_right, 320);
    EXPECT_GT(bottom_tier_right, 320 - 2 * style.size_pt);
    EXPECT_LE(bottom_tier_right, 320);
}

// Every glyph's em box (approximated from its origin: a 10 pt em, 0.88 em
// above the origin) on the page, for a frame with a wrap object over it.
std::vector<Rect> glyph_boxes(model::Writing writing, const model::Style& style) {
    std::string text;
    for (int i = 0; i < 12; ++i) text += "子どもと家庭を支える仕事。";
    auto document = testing::document_with_pages(1);
    auto frame = testing::text_frame("body", {20, 30, 300, 300}, testing::story_of({text}));
    testing::text_of(frame).story.paragraphs[0].style = &style;
    testing::text_of(frame).writing = writing;
    document.pages[0].frames.push_back(frame);
    // Horizontal: the left half of rows 80..140; vertical: columns x 200..260 of the top half.
    auto photo = writing == model::Writing::Horizontal ? testing::rect_frame("photo", {20, 80, 150, 60})
                                                        : testing::rect_frame("photo", {200, 30, 60, 150});
    photo.wrap = model::Wrap{};
    document.pages[0].frames.push_back(photo);
    RecordingSetter setter;
    auto pages = compose_pages(document, setter, testing::no_images());
    EXPECT_FALSE(setter.fills.at(0).text.runs.empty());
    EXPECT_EQ(setter.fills.at(0).lines.size() > 0, true);
    std::vector<Rect> boxes;
    const auto& item = std::get<TextItem>(pages[0].items.at(0).what);
    for (const auto& run : item.text.runs)
        for (const auto& glyph : run.glyphs)
            boxes.push_back({item.x + glyph.x, item.y + glyph.y - 0.88 * style.size_pt, style.size_pt, style.size_pt});
    return boxes;
}

bool meets(const Rect& a, const Rect& b) {
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

TEST(TypesetWrap, HorizontalLinesGoRoundTheObject) {
    model::Style style = body_style();
    auto boxes = glyph_boxes(model::Writing::Horizontal, style);
    Rect photo{20 + 1, 80 + 1, 150 - 2, 60 - 2};
    size_t beside = 0;
    for (const auto& box : boxes) {
        EXPECT_FALSE(meets(box, photo)) << box.x << "," << box.y;
        if (box.y > 85 && box.y < 130 && box.x >= 170) ++beside;
    }
    EXPECT_GT(beside, 20u);  // the rows beside the photo still hold text
}

TEST(TypesetWrap, VerticalLinesGoRoundTheObject) {
    model::Style style = body_style();
    auto boxes = glyph_boxes(model::Writing::Vertical, style);
    Rect photo{200 + 1, 30 + 1, 60 - 2, 150 - 2};
    size_t below = 0;
    for (const auto& box : boxes) {
        EXPECT_FALSE(meets(box, photo)) << box.x << "," << box.y;
        if (box.x > 205 && box.x < 250 && box.y >= 180) ++below;
    }
    EXPECT_GT(below, 20u);  // the columns under the photo still hold text
}

}  // namespace
}  // namespace koho::scene
