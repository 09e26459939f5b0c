// last_line_min_chars: the breaker pushes characters on so the last line is
// not a lone character, within the push-out limits; and through fill.
#include <gtest/gtest.h>

#include "break_fixtures.h"
#include "text/line_breaker.h"
#include "text_fixtures.h"

namespace koho::text {
namespace {

using namespace koho::text::testing;

BreakOptions justified(double m) {
    BreakOptions o;
    o.measure = m;
    o.hanging = false;
    o.align = model::Align::Justify;
    return o;
}

TEST(ShortLastLine, PushesOnOneCharacterWithinTheSpreadLimit) {
    BreakParagraph p = uniform(11, 10);
    auto lines = break_paragraph(p, 0, justified(100));
    ASSERT_EQ(lines.size(), 2u);
    ASSERT_EQ(lines[1].begin, 10u);
    BreakLine prev = lines[0], last = lines[1];
    // 9 atoms in 100 pt: 10 pt over 8 gaps, 1.25 pt each (limit 2.5).
    EXPECT_EQ(fix_short_last_line(p, prev, justified(100), last, justified(100), 2, 2.5), ShortLastLine::PushedOn);
    EXPECT_EQ(prev.end, 9u);
    EXPECT_EQ(last.begin, 9u);
    EXPECT_EQ(last.end, 11u);
    EXPECT_TRUE(last.last);
    EXPECT_NEAR(prev.width, 100, 1e-9);
    EXPECT_NEAR(adjusted_gap(p.gaps[1], prev), 1.25, 1e-9);
    // Three characters wanted: two move on, 20 pt over 7 gaps (2.86 pt each).
    prev = lines[0], last = lines[1];
    EXPECT_EQ(fix_short_last_line(p, prev, justified(100), last, justified(100), 3, 2.5), ShortLastLine::Unchanged);
    EXPECT_EQ(prev.end, 10u);
    EXPECT_EQ(fix_short_last_line(p, prev, justified(100), last, justified(100), 3, 3), ShortLastLine::PushedOn);
    EXPECT_EQ(prev.end, 8u);
    EXPECT_EQ(last.begin, 8u);
}

TEST(ShortLastLine, RefusesBeyondTheSpreadLimitAndRespectsKinsoku) {
    BreakParagraph p = uniform(11, 10);
    auto lines = break_paragraph(p, 0, justified(100));
    BreakLine prev = lines[0], last = lines[1];
    EXPECT_EQ(fix_short_last_line(p, prev, justified(100), last, justified(100), 2, 1.0), ShortLastLine::Unchanged);
    EXPECT_EQ(prev.end, 10u);
    // No legal break before the last two atoms: the one before is used.
    p.gaps[9].breakable = false;
    prev = lines[0], last = lines[1];
    EXPECT_EQ(fix_short_last_line(p, prev, justified(100), last, justified(100), 2, 3), ShortLastLine::PushedOn);
    EXPECT_EQ(prev.end, 8u);
    EXPECT_EQ(last.end - last.begin, 3u);
    // A ragged line may simply get shorter.
    BreakOptions ragged = justified(100);
    ragged.align = model::Align::Start;
    BreakParagraph q = uniform(11, 10);
    lines = break_paragraph(q, 0, ragged);
    prev = lines[0], last = lines[1];
    EXPECT_EQ(fix_short_last_line(q, prev, ragged, last, ragged, 4, 0), ShortLastLine::PushedOn);
    EXPECT_EQ(prev.end, 7u);
    EXPECT_NEAR(prev.width, 70, 1e-9);
}

TEST(ShortLastLine, FillAvoidsALoneLastCharacter) {
    model::Style style = body_style();
    style.last_line_min_chars = 2;
    Typesetter t(project_fonts());
    const std::string text = "あいうえおかきくけこさしすせそたちつてとな";  // 21 characters
    FrameFill fill = t.fill(story_of(style, {text}), {}, {100, 100});
    EXPECT_EQ(line_texts(fill), (std::vector<std::string>{"あいうえおかきくけこ", "さしすせそたちつて", "とな"}));
    // Still justified: 9 characters over 100 pt, 1.25 pt more per space (≤ 1/4 em).
    EXPECT_NEAR(glyph_of(fill, "て").x + 10, 100, 1e-6);
    EXPECT_NEAR(glyph_of(fill, "し").x - glyph_of(fill, "さ").x, 11.25, 1e-6);
    style.last_line_min_chars = 1;
    fill = t.fill(story_of(style, {text}), {}, {100, 100});
    EXPECT_EQ(line_texts(fill), (std::vector<std::string>{"あいうえおかきくけこ", "さしすせそたちつてと", "な"}));
    // A measure of 5 characters: moving one on would open the 3 spaces of
    // the line before by 3.3 pt each, more than 1/4 em: it stays.
    style.last_line_min_chars = 2;
    fill = t.fill(story_of(style, {"あいうえおかきくけこさ"}), {}, {50, 100});
    EXPECT_EQ(line_texts(fill), (std::vector<std::string>{"あいうえお", "かきくけこ", "さ"}));
}

TEST(ShortLastLine, VerticalAndTooNarrowToHelp) {
    model::Style style = body_style();
    style.last_line_min_chars = 2;
    Typesetter t(project_fonts());
    FrameFill fill = t.fill(story_of(style, {"あいうえおかきくけこさしすせそたちつてとな"}), {},
                            {100, 100, model::Writing::Vertical});
    EXPECT_EQ(line_texts(fill), (std::vector<std::string>{"あいうえおかきくけこ", "さしすせそたちつて", "とな"}));
    EXPECT_NEAR(glyph_of(fill, "て").y - glyph_of(fill, "さ").y, 90, 1e-6);
    // Two characters a line: the line before would keep one character and
    // could not be justified (no space to open), so the lone one stays.
    fill = t.fill(story_of(style, {"あいうえお"}), {}, {20, 100});
    EXPECT_EQ(line_texts(fill), (std::vector<std::string>{"あい", "うえ", "お"}));
}

}  // namespace
}  // namespace koho::text
