// Frame-break rules: orphans, widows and keep_with_next, as pure decisions
// and through Typesetter::fill in both writing modes.
#include <gtest/gtest.h>

#include "text/keep_rules.h"
#include "text_fixtures.h"

namespace koho::text {
namespace {

using namespace koho::text::testing;

TEST(LinesToKeep, OrphansAndWidows) {
    EXPECT_EQ(lines_to_keep(5, 5, 2, 2, false), 5u);  // all fit
    EXPECT_EQ(lines_to_keep(3, 5, 1, 1, false), 3u);
    EXPECT_EQ(lines_to_keep(1, 5, 2, 1, false), 0u);  // an orphan: all move on
    EXPECT_EQ(lines_to_keep(4, 5, 1, 2, false), 3u);  // a widow: one more line moves on
    EXPECT_EQ(lines_to_keep(2, 3, 2, 2, false), 0u);  // widows leave fewer than orphans
    EXPECT_EQ(lines_to_keep(1, 5, 2, 1, true), 1u);   // first in the frame: moving gains nothing
    EXPECT_EQ(lines_to_keep(4, 5, 1, 2, true), 3u);   // …but widows still apply when lines stay
    EXPECT_EQ(lines_to_keep(0, 5, 1, 1, true), 0u);   // nothing fits
}

TEST(KeepWithNextCut, TrailingKeepsMoveExceptTheFrameHead) {
    EXPECT_EQ(keep_with_next_cut({}), 0u);
    EXPECT_EQ(keep_with_next_cut({{false, true}, {true, false}}), 1u);
    EXPECT_EQ(keep_with_next_cut({{false, true}, {true, false}, {true, false}}), 1u);
    EXPECT_EQ(keep_with_next_cut({{false, true}, {false, false}}), 2u);
    EXPECT_EQ(keep_with_next_cut({{true, true}}), 1u);
    EXPECT_EQ(keep_with_next_cut({{true, true}, {true, false}}), 1u);
}

// A frame 50 pt high holds three 10 pt lines on 17 pt (0, 17, 34).
const FrameGeometry kThreeLines{100, 50};

TEST(KeepWithNext, AHeadingAtTheFrameEndMovesOnWithItsText) {
    model::Style body = body_style();
    model::Style heading = body_style();
    heading.keep_with_next = true;
    model::Story story = story_of(body, {"あ", "い"});
    story.paragraphs.push_back(paragraph_of(heading, "見出し"));
    story.paragraphs.push_back(paragraph_of(body, "本文"));
    Typesetter t(project_fonts());
    FrameFill fill = t.fill(story, {}, kThreeLines);
    EXPECT_EQ(line_texts(fill), (std::vector<std::string>{"あ", "い"}));
    EXPECT_EQ(fill.end, (StoryPosition{2, 0}));
    EXPECT_FALSE(fill.story_done);
    EXPECT_DOUBLE_EQ(fill.used_extent_pt, 27);
    // Not marked: the heading stays at the bottom.
    heading.keep_with_next = false;
    fill = t.fill(story, {}, kThreeLines);
    EXPECT_EQ(fill.lines.size(), 3u);
    EXPECT_EQ(fill.end, (StoryPosition{3, 0}));
    // The next frame starts with the heading: there it stays, even alone.
    heading.keep_with_next = true;
    fill = t.fill(story, {2, 0}, {100, 20});
    EXPECT_EQ(line_texts(fill), (std::vector<std::string>{"見出し"}));
    EXPECT_EQ(fill.end, (StoryPosition{3, 0}));
}

TEST(KeepWithNext, ARunOfKeptParagraphsMovesTogether) {
    model::Style body = body_style();
    model::Style heading = body_style();
    heading.keep_with_next = true;
    model::Story story = story_of(body, {"あ"});
    story.paragraphs.push_back(paragraph_of(heading, "章"));
    story.paragraphs.push_back(paragraph_of(heading, "節"));
    story.paragraphs.push_back(paragraph_of(body, "本文"));
    Typesetter t(project_fonts());
    FrameFill fill = t.fill(story, {}, {50, 100, model::Writing::Vertical});  // three columns
    EXPECT_EQ(line_texts(fill), (std::vector<std::string>{"あ"}));
    EXPECT_EQ(fill.end, (StoryPosition{1, 0}));
    ASSERT_FALSE(fill.text.runs.empty());
    EXPECT_EQ(fill.text.runs.back().utf8, "あ");  // the moved headings' glyphs are gone
}

TEST(Orphans, AParagraphWithTooFewLinesBeforeTheBreakMovesOn) {
    model::Style body = body_style();
    model::Style para = body_style();
    para.orphans = 3;
    model::Story story = story_of(body, {"あ"});
    story.paragraphs.push_back(paragraph_of(para, "あいうえおかきくけこさしすせそたちつてと"));
    Typesetter t(project_fonts());
    FrameFill fill = t.fill(story, {}, {50, 50});
    EXPECT_EQ(line_texts(fill), (std::vector<std::string>{"あ"}));
    EXPECT_EQ(fill.end, (StoryPosition{1, 0}));
    para.orphans = 2;
    fill = t.fill(story, {}, {50, 50});
    EXPECT_EQ(line_texts(fill), (std::vector<std::string>{"あ", "あいうえお", "かきくけこ"}));
    EXPECT_EQ(fill.end, (StoryPosition{1, 30}));
}

TEST(Widows, EnoughLinesGoOnToTheNextFrame) {
    model::Style para = body_style();
    para.widows = 2;
    // Five lines; four fit (0, 17, 34, 51 in 61 pt): one more goes on.
    model::Story story = story_of(para, {"あいうえおかきくけこさしすせそたちつてとなにぬねの"});
    Typesetter t(project_fonts());
    FrameFill fill = t.fill(story, {}, {50, 61});
    EXPECT_EQ(fill.lines.size(), 3u);
    EXPECT_EQ(fill.end, (StoryPosition{0, 45}));
    FrameFill next = t.fill(story, fill.end, {50, 61});
    EXPECT_EQ(line_texts(next), (std::vector<std::string>{"たちつてと", "なにぬねの"}));
    EXPECT_TRUE(next.story_done);
    para.widows = 1;
    fill = t.fill(story, {}, {50, 61});
    EXPECT_EQ(fill.lines.size(), 4u);
}

TEST(Widows, WhenWidowsLeaveFewerThanOrphansTheParagraphMovesOn) {
    model::Style body = body_style();
    model::Style para = body_style();
    para.orphans = 2;
    para.widows = 2;
    model::Story story = story_of(body, {"あ"});
    story.paragraphs.push_back(paragraph_of(para, "あいうえおかきくけこさしすせそ"));  // three lines
    Typesetter t(project_fonts());
    FrameFill fill = t.fill(story, {}, {50, 50});
    EXPECT_EQ(line_texts(fill), (std::vector<std::string>{"あ"}));
    EXPECT_EQ(fill.end, (StoryPosition{1, 0}));
}

}  // namespace
}  // namespace koho::text
