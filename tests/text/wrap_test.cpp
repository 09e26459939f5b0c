// Text wrap inside the typesetter: lines split into the free segments the
// frame's exclusions leave, narrow segments skipped, blocked lines moved on,
// in horizontal and vertical text; a frame wholly excluded takes nothing and
// does not loop.
#include <gtest/gtest.h>

#include <cmath>

#include "text/exclusions.h"
#include "text_fixtures.h"

namespace koho::text {
namespace {

using namespace koho::text::testing;

const std::string kLong = "あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよ";

TEST(FreeSegments, SubtractsOverlappingExclusionsOnly) {
    const std::vector<Exclusion> ex{{0, 30, 40, 60}, {30, 50, 0, 20}};
    auto s = free_segments(ex, 0, 10, 100, 0, 30);
    ASSERT_EQ(s.size(), 2u);
    EXPECT_DOUBLE_EQ(s[0].begin, 0);
    EXPECT_DOUBLE_EQ(s[0].end, 40);
    EXPECT_DOUBLE_EQ(s[1].begin, 60);
    EXPECT_DOUBLE_EQ(s[1].end, 100);
    // [20, 30] touches the first exclusion's end only; the second meets it.
    s = free_segments(ex, 30, 10, 100, 0, 30);
    ASSERT_EQ(s.size(), 1u);
    EXPECT_DOUBLE_EQ(s[0].begin, 20);
    // A segment narrower than the minimum (after the start indent) does not count.
    s = free_segments(ex, 0, 10, 100, 15, 30);
    ASSERT_EQ(s.size(), 1u);
    EXPECT_DOUBLE_EQ(s[0].begin, 60);
    EXPECT_DOUBLE_EQ(next_block_after(ex, 25, 10), 30);
    EXPECT_TRUE(std::isinf(next_block_after(ex, 60, 10)));
}

TEST(Wrap, ALineIsSetInEachFreeSegmentInOrder) {
    model::Style style = body_style();
    FrameGeometry frame{100, 100};
    frame.exclusions = {{0, 30, 40, 60}};  // a 20 pt box in the middle of the first two lines
    Typesetter t(project_fonts());
    FrameFill fill = t.fill(story_of(style, {kLong}), {}, frame);
    ASSERT_GE(fill.lines.size(), 5u);
    // Lines at 0 and 17 meet the box: two segments of four characters each.
    EXPECT_EQ(line_texts(fill)[0], "あいうえ");
    EXPECT_EQ(line_texts(fill)[1], "おかきく");
    EXPECT_EQ(line_texts(fill)[2], "けこさし");
    EXPECT_EQ(line_texts(fill)[3], "すせそた");
    EXPECT_DOUBLE_EQ(fill.lines[0].inline_pt, 0);
    EXPECT_DOUBLE_EQ(fill.lines[1].inline_pt, 60);
    EXPECT_DOUBLE_EQ(fill.lines[1].block_pt, 0);
    EXPECT_DOUBLE_EQ(fill.lines[2].block_pt, 17);
    EXPECT_NEAR(glyph_of(fill, "お").x, 60, 1e-6);
    EXPECT_NEAR(glyph_of(fill, "く").x, 90, 1e-6);
    // The line at 34 is clear: the whole measure, ten characters.
    EXPECT_EQ(line_texts(fill)[4], "ちつてとなにぬねのは");
    EXPECT_DOUBLE_EQ(fill.lines[4].block_pt, 34);
    EXPECT_DOUBLE_EQ(fill.lines[4].inline_pt, 0);
    EXPECT_TRUE(fill.story_done);
}

TEST(Wrap, ANarrowSegmentIsSkippedAndABlockedLineMovesDown) {
    model::Style style = body_style();
    FrameGeometry frame{100, 100};
    // The first line's free part is 25 pt (< 3 em): the line moves below the box.
    frame.exclusions = {{0, 12, 0, 75}};
    Typesetter t(project_fonts());
    FrameFill fill = t.fill(story_of(style, {"あいう"}), {}, frame);
    ASSERT_EQ(fill.lines.size(), 1u);
    EXPECT_DOUBLE_EQ(fill.lines[0].block_pt, 12);
    EXPECT_DOUBLE_EQ(fill.lines[0].inline_pt, 0);
    EXPECT_NEAR(glyph_of(fill, "あ").y, 12 + 8.8, 0.05);
    // A free part of 3 em is enough.
    frame.exclusions = {{0, 12, 0, 70}};
    fill = t.fill(story_of(style, {"あいう"}), {}, frame);
    EXPECT_DOUBLE_EQ(fill.lines.at(0).block_pt, 0);
    EXPECT_DOUBLE_EQ(fill.lines.at(0).inline_pt, 70);
    EXPECT_NEAR(glyph_of(fill, "あ").x, 70, 1e-6);
}

TEST(Wrap, AFrameWhollyExcludedTakesNothingAndReturns) {
    model::Style style = body_style();
    FrameGeometry frame{100, 100};
    frame.exclusions = {{0, 100, 0, 100}};
    Typesetter t(project_fonts());
    FrameFill fill = t.fill(story_of(style, {"あいう", "えお"}), {}, frame);
    EXPECT_FALSE(fill.story_done);
    EXPECT_TRUE(fill.lines.empty());
    EXPECT_EQ(fill.end, (StoryPosition{0, 0}));
    // Many thin bands (a contour) covering everything: still no loop.
    frame.exclusions.clear();
    for (int i = 0; i < 100; ++i) frame.exclusions.push_back({double(i), double(i + 1), 0, 100});
    fill = t.fill(story_of(style, {"あいう"}), {}, frame);
    EXPECT_FALSE(fill.story_done);
    EXPECT_TRUE(fill.lines.empty());
}

TEST(Wrap, VerticalLinesMoveLeftAndSplitDownTheColumn) {
    model::Style style = body_style();
    FrameGeometry frame{100, 100, model::Writing::Vertical};
    // Block: from the right edge leftwards; inline: down from the top.
    frame.exclusions = {{0, 20, 0, 100}, {20, 40, 30, 60}};
    Typesetter t(project_fonts());
    FrameFill fill = t.fill(story_of(style, {kLong}), {}, frame);
    ASSERT_GE(fill.lines.size(), 4u);
    // The first line cannot stand in the right 20 pt: it moves to block 20,
    // where the middle of the column is taken: segments [0,30] and [60,100].
    EXPECT_DOUBLE_EQ(fill.lines[0].block_pt, 20);
    EXPECT_EQ(fill.lines[0].text, "あいう");
    EXPECT_DOUBLE_EQ(fill.lines[1].block_pt, 20);
    EXPECT_DOUBLE_EQ(fill.lines[1].inline_pt, 60);
    EXPECT_EQ(fill.lines[1].text, "えおかき");
    EXPECT_DOUBLE_EQ(fill.lines[2].block_pt, 37);
    EXPECT_EQ(fill.lines[2].text, "くけこ");  // 37..47 still meets [20,40]
    EXPECT_EQ(fill.lines[3].text, "さしすせ");
    EXPECT_DOUBLE_EQ(fill.lines[3].inline_pt, 60);
    EXPECT_NEAR(glyph_of(fill, "あ").x, 100 - 20 - 10, 0.05);
    EXPECT_NEAR(glyph_of(fill, "え").y - glyph_of(fill, "あ").y, 60, 1e-6);
}

TEST(Wrap, LineGridMovesBlockedLinesByWholeGridLines) {
    model::Style style = body_style();
    FrameGeometry frame{100, 100};
    frame.grid_pitch_pt = 17;
    frame.exclusions = {{0, 20, 0, 100}};
    Typesetter t(project_fonts());
    FrameFill fill = t.fill(story_of(style, {"あいう"}), {}, frame);
    ASSERT_EQ(fill.lines.size(), 1u);
    EXPECT_DOUBLE_EQ(fill.lines[0].block_pt, 34);  // 17 still meets [0, 20]
    // An exclusion ending a hair below the line's top still moves it a whole grid line.
    frame.exclusions = {{0, 1e-5, 0, 100}};
    fill = t.fill(story_of(style, {"あいう"}), {}, frame);
    ASSERT_EQ(fill.lines.size(), 1u);
    EXPECT_DOUBLE_EQ(fill.lines[0].block_pt, 17);
}

}  // namespace
}  // namespace koho::text

namespace koho::text {
namespace {

using namespace koho::text::testing;

TEST(Wrap, VerticalAlignDoesNotMoveLinesFittedAroundExclusions) {
    model::Style style = body_style();
    FrameGeometry frame{100, 100};
    frame.vertical_align = model::VerticalAlign::End;
    Typesetter t(project_fonts());
    EXPECT_DOUBLE_EQ(t.fill(story_of(style, {"あ"}), {}, frame).lines.at(0).block_pt, 90);
    frame.exclusions = {{50, 100, 0, 100}};
    EXPECT_DOUBLE_EQ(t.fill(story_of(style, {"あ"}), {}, frame).lines.at(0).block_pt, 0);
}

}  // namespace
}  // namespace koho::text
