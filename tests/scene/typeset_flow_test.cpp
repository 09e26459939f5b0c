// Column balancing with the real typesetter: the columns of a balanced
// frame end within one line of each other, in both writing modes.
#include <gtest/gtest.h>

#include <cmath>

#include "flow_fixtures.h"
#include "scene/compose_pages.h"

namespace koho::scene {
namespace {

class RecordingSetter : public TextSetter {
public:
    RecordingSetter()
        : typesetter_(text::FontContext::create({std::filesystem::path(KOHO_SOURCE_DIR) / "fonts"})) {}
    text::FrameFill fill(const model::Story& story, text::StoryPosition from,
                         const text::FrameGeometry& frame) override {
        text::FrameFill fill = typesetter_.fill(story, from, frame);
        fills.push_back(fill);
        return fill;
    }
    size_t count_characters(const model::Story& story, text::StoryPosition from) override {
        return text::Typesetter::count_characters(story, from);
    }
    text::ContentWidths measure(const model::Story& story, model::Writing writing) override {
        return typesetter_.measure(story, writing);
    }
    std::vector<text::FrameFill> fills;

private:
    text::Typesetter typesetter_;
};

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

}  // namespace
}  // namespace koho::scene
