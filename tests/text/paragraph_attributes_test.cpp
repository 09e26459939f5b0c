// Paragraph attributes: start indent, list markers in the hanging indent
// (bullet and number, wider markers, colour), the gap between list items,
// in horizontal and vertical text.
#include <gtest/gtest.h>

#include "text_fixtures.h"

namespace koho::text {
namespace {

using namespace koho::text::testing;

model::Paragraph item(const model::Style& style, const std::string& marker, const std::string& text,
                      bool continues = false) {
    model::Paragraph p = paragraph_of(style, text);
    p.marker = marker;
    p.list_continues = continues;
    return p;
}

TEST(StartIndent, EveryLineStartsInAndTheMeasureShrinks) {
    model::Style style = body_style();
    style.start_indent_pt = 20;
    Typesetter t(project_fonts());
    FrameFill fill = t.fill(story_of(style, {"あいうえおかきくけこさしす"}), {}, {70, 100});
    ASSERT_EQ(line_texts(fill), (std::vector<std::string>{"あいうえお", "かきくけこ", "さしす"}));
    for (const auto& line : fill.lines) EXPECT_DOUBLE_EQ(line.inline_pt, 20);
    EXPECT_NEAR(glyph_of(fill, "あ").x, 20, 1e-6);
    EXPECT_NEAR(glyph_of(fill, "か").x, 20, 1e-6);
    EXPECT_NEAR(glyph_of(fill, "お").x, 60, 1e-6);
}

TEST(StartIndent, VerticalLinesStartDownTheColumn) {
    model::Style style = body_style();
    style.start_indent_pt = 20;
    style.indent_em = 1;  // the first-line indent comes on top
    Typesetter t(project_fonts());
    FrameFill fill = t.fill(story_of(style, {"あいうえおかき"}), {}, {100, 80, model::Writing::Vertical});
    ASSERT_EQ(line_texts(fill), (std::vector<std::string>{"あいうえお", "かき"}));
    EXPECT_NEAR(glyph_of(fill, "い").y - glyph_of(fill, "あ").y, 10, 1e-6);
    EXPECT_NEAR(glyph_of(fill, "か").y - glyph_of(fill, "あ").y, -10, 1e-6);  // 30 vs 20
}

model::Style bullet_style() {
    model::Style s = body_style();
    s.list.kind = model::ListKind::Bullet;
    return s;
}

TEST(ListMarker, BulletHangsInAOneEmIndentOnTheFirstLineOnly) {
    model::Style style = bullet_style();
    model::Story story;
    story.paragraphs.push_back(item(style, "・", "あいうえおかきくけこ"));
    Typesetter t(project_fonts());
    FrameFill fill = t.fill(story, {}, {60, 100});
    ASSERT_EQ(line_texts(fill), (std::vector<std::string>{"あいうえお", "かきくけこ"}));
    const GlyphRun* marker = run_with(fill, "・");
    ASSERT_NE(marker, nullptr);
    EXPECT_EQ(marker->utf8, "・");
    EXPECT_NEAR(marker->glyphs.at(0).x, 0, 1e-6);
    EXPECT_NEAR(marker->glyphs.at(0).y, glyph_of(fill, "あ").y, 1e-6);  // on the line's baseline
    EXPECT_NEAR(glyph_of(fill, "あ").x, 10, 1e-6);
    EXPECT_NEAR(glyph_of(fill, "か").x, 10, 1e-6);
    EXPECT_DOUBLE_EQ(fill.lines[0].inline_pt, 10);
    EXPECT_EQ(fill.text.runs.size(), 3u);  // marker + one run per line: one marker only
}

TEST(ListMarker, StartIndentBeyondTheMarkerBoxMovesTheMarkerIn) {
    model::Style style = bullet_style();
    style.start_indent_pt = 30;        // level 2: marker at 20
    style.list.color = Color::from_rgb(230, 0, 18);
    model::Story story;
    story.paragraphs.push_back(item(style, "●", "あい"));
    Typesetter t(project_fonts());
    FrameFill fill = t.fill(story, {}, {100, 100});
    const GlyphRun* marker = run_with(fill, "●");
    ASSERT_NE(marker, nullptr);
    EXPECT_NEAR(marker->glyphs.at(0).x, 20, 1e-6);
    EXPECT_TRUE(marker->color == Color::from_rgb(230, 0, 18));
    EXPECT_TRUE(run_with(fill, "あ")->color == style.color);
    EXPECT_NEAR(glyph_of(fill, "あ").x, 30, 1e-6);
}

TEST(ListMarker, NumberGetsTwoEmAndAWiderNumberPushesTheFirstLineOn) {
    model::Style style = body_style();
    style.list.kind = model::ListKind::Number;
    model::Story story;
    story.paragraphs.push_back(item(style, "③", "あいうえおかきくけこ"));
    story.paragraphs.push_back(item(style, "（１２）", "あいうえおかきくけこ", true));
    Typesetter t(project_fonts());
    FrameFill fill = t.fill(story, {}, {70, 200});
    // "③" fits its 2 em box: text at 20 on every line.
    EXPECT_NEAR(glyph_of(fill, "③").x, 0, 1e-6);
    EXPECT_DOUBLE_EQ(fill.lines.at(0).inline_pt, 20);
    EXPECT_NEAR(fill.text.runs.at(1).glyphs.at(0).x, 20, 1e-6);
    // "（１２）" (four full-width characters, 40 pt) is wider than 2 em: the
    // first line's text starts after it, the next lines at 20.
    const GlyphRun* wide = run_with(fill, "（１２）");
    ASSERT_NE(wide, nullptr);
    EXPECT_NEAR(wide->glyphs.at(0).x, 0, 1e-6);
    const size_t second_item = 2;  // lines 0-1: the first item (5 + 5 characters)
    ASSERT_EQ(fill.lines.at(second_item).paragraph, 1u);
    EXPECT_EQ(fill.lines.at(second_item).text, "あいう");  // 70 - 40 = 30: three characters
    EXPECT_EQ(fill.lines.at(second_item + 1).text, "えおかきく");
    const GlyphRun& text_run = fill.text.runs.at(fill.text.runs.size() - 3);
    EXPECT_EQ(text_run.utf8, "あいう");
    EXPECT_NEAR(text_run.glyphs.at(0).x, 40, 1e-6);
    EXPECT_NEAR(fill.text.runs.at(fill.text.runs.size() - 2).glyphs.at(0).x, 20, 1e-6);
}

TEST(ListMarker, TheMarkerTakesTheParagraphsScaleAndShift) {
    model::Style style = bullet_style();
    style.horizontal_scale = 0.5;
    style.baseline_shift_pt = 2;
    style.list.width_pt = 4;  // narrower than a full-width marker at 100 %
    model::Story story;
    story.paragraphs.push_back(item(style, "■", "あい"));
    Typesetter t(project_fonts());
    FrameFill fill = t.fill(story, {}, {100, 100});
    const GlyphRun* marker = run_with(fill, "■");
    ASSERT_NE(marker, nullptr);
    EXPECT_DOUBLE_EQ(marker->scale_x, 0.5);
    EXPECT_NEAR(marker->glyphs.at(0).y, glyph_of(fill, "あ").y, 1e-6);  // both shifted 2 pt up
    EXPECT_NEAR(glyph_of(fill, "あ").y, 8.8 - 2, 0.05);
    EXPECT_NEAR(glyph_of(fill, "あ").x, 5, 1e-6);  // after the 5 pt (scaled) marker, wider than its box
}

TEST(ListMarker, VerticalMarkerIsSetDownTheColumnBeforeTheText) {
    model::Style style = bullet_style();
    model::Story story;
    story.paragraphs.push_back(item(style, "・", "あいう"));
    Typesetter t(project_fonts());
    FrameFill fill = t.fill(story, {}, {100, 100, model::Writing::Vertical});
    const GlyphRun* marker = run_with(fill, "・");
    ASSERT_NE(marker, nullptr);
    // The marker takes the column's first em, the text starts 1 em below,
    // both upright full-width glyphs on the same centre line.
    EXPECT_NEAR(glyph_of(fill, "あ").y - marker->glyphs.at(0).y, 10, 0.01);
    EXPECT_NEAR(glyph_of(fill, "い").y - glyph_of(fill, "あ").y, 10, 1e-6);
    EXPECT_DOUBLE_EQ(fill.lines.at(0).inline_pt, 10);
    EXPECT_NEAR(marker->glyphs.at(0).x, glyph_of(fill, "あ").x, 0.05);
}

TEST(ListMarker, AnEmptyItemStillShowsItsMarker) {
    model::Style style = bullet_style();
    model::Story story;
    story.paragraphs.push_back(item(style, "・", "あ"));
    story.paragraphs.push_back(item(style, "●", "", true));
    Typesetter t(project_fonts());
    FrameFill fill = t.fill(story, {}, {100, 100});
    const GlyphRun* marker = run_with(fill, "●");
    ASSERT_NE(marker, nullptr);
    EXPECT_NEAR(marker->glyphs.at(0).x, 0, 1e-6);
    EXPECT_NEAR(marker->glyphs.at(0).y, glyph_of(fill, "あ").y + 17, 1e-6);
}

TEST(ListMarker, ItemsOfOneListAreApartByTheItemGap) {
    model::Style style = bullet_style();
    style.space_before_pt = 5;
    style.space_after_pt = 5;
    style.list.item_gap_pt = 2;
    model::Story story;
    story.paragraphs.push_back(item(style, "・", "あ"));
    story.paragraphs.push_back(item(style, "・", "い", true));
    story.paragraphs.push_back(item(style, "・", "う", false));  // a new list
    Typesetter t(project_fonts());
    FrameFill fill = t.fill(story, {}, {100, 200});
    ASSERT_EQ(fill.lines.size(), 3u);
    EXPECT_DOUBLE_EQ(fill.lines[1].block_pt, 17 + 2);
    EXPECT_DOUBLE_EQ(fill.lines[2].block_pt, 19 + 17 + 5 + 5);
}

}  // namespace
}  // namespace koho::text
