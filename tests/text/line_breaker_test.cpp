// The breaker and justifier on hand-made atoms: no fonts involved.
#include <gtest/gtest.h>

#include "break_fixtures.h"
#include "text/line_breaker.h"

namespace koho::text {
namespace {

using testing::uniform;

BreakOptions measure(double m) {
    BreakOptions o;
    o.measure = m;
    o.hanging = false;
    return o;
}

double set_width(const BreakParagraph& p, const BreakLine& line, double indent = 0) {
    double w = indent;
    uint32_t end = line.hanging ? line.end - 1 : line.end;
    for (uint32_t i = line.begin; i < end; ++i) {
        if (i > line.begin) w += adjusted_gap(p.gaps[i], line);
        w += p.atoms[i].width;
    }
    return w;
}

TEST(LineBreaker, FillsGreedilyAndMarksTheLastLine) {
    BreakParagraph p = uniform(25, 10);
    auto lines = break_paragraph(p, 0, measure(100));
    ASSERT_EQ(lines.size(), 3u);
    EXPECT_EQ(lines[0].end, 10u);
    EXPECT_EQ(lines[1].end, 20u);
    EXPECT_EQ(lines[2].end, 25u);
    EXPECT_TRUE(lines[2].last);
    EXPECT_FALSE(lines[0].last);
    EXPECT_DOUBLE_EQ(lines[2].width, 50);
}

TEST(LineBreaker, PushOutExpandsEvenlyOverInterCharacterGaps) {
    BreakParagraph p = uniform(12, 10);
    p.gaps[9].breakable = false;  // atoms 8 and 9 must stay together
    p.gaps[10].breakable = false;
    auto lines = break_paragraph(p, 0, measure(95));
    ASSERT_GE(lines.size(), 2u);
    EXPECT_EQ(lines[0].end, 8u);
    EXPECT_NEAR(set_width(p, lines[0]), 95, 1e-9);
    EXPECT_NEAR(adjusted_gap(p.gaps[1], lines[0]), 15.0 / 7, 1e-9);
    EXPECT_NEAR(adjusted_gap(p.gaps[7], lines[0]), 15.0 / 7, 1e-9);
}

TEST(LineBreaker, ReducesInJlreqOrderBeforePushingOut) {
    BreakParagraph p = uniform(4, 10);
    // gap 1: word space 4 (shrink 2); gap 2: bracket aki 5 (shrink 5).
    p.gaps[1] = {4, 0, 2, 4, kShrinkWordSpace, kStretchWordSpace, true};
    p.gaps[2] = {5, 0, 5, 1, kShrinkBracketComma, kStretchAki, true};
    // natural = 40 + 4 + 5 = 49; measure 45 needs 4: word space gives 2, aki 2 of 5.
    auto lines = break_paragraph(p, 0, measure(45));
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_EQ(lines[0].end, 4u);
    EXPECT_DOUBLE_EQ(lines[0].shrink_ratio[kShrinkWordSpace], 1.0);
    EXPECT_NEAR(lines[0].shrink_ratio[kShrinkBracketComma], 0.4, 1e-9);
    EXPECT_NEAR(set_width(p, lines[0]), 45, 1e-9);
}

TEST(LineBreaker, SpaceAfterAMidLineFullStopIsReducedLast) {
    BreakParagraph p = uniform(4, 10);
    p.gaps[1] = {5, 0, 5, 1, kShrinkAfterFullStop, kStretchAki, true};
    p.gaps[2] = {2.5, 0, 1.25, 2.5, kShrinkJapaneseLatin, kStretchJapaneseLatin, true};
    p.gaps[3] = {5, 0, 5, 1, kShrinkBracketComma, kStretchAki, true};
    // natural 52.5; measure 46 needs 6.5: bracket 5, J-L 1.25, full stop 0.25.
    auto lines = break_paragraph(p, 0, measure(46));
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_NEAR(adjusted_gap(p.gaps[3], lines[0]), 0, 1e-9);
    EXPECT_NEAR(adjusted_gap(p.gaps[2], lines[0]), 1.25, 1e-9);
    EXPECT_NEAR(adjusted_gap(p.gaps[1], lines[0]), 4.75, 1e-9);
}

TEST(LineBreaker, ExpandsJapaneseLatinSpacesFirstUpToTheirCap) {
    BreakParagraph p = uniform(6, 10);
    p.gaps[2] = {2.5, 0, 1.25, 2.5, kShrinkJapaneseLatin, kStretchJapaneseLatin, true};
    p.gaps[6].breakable = true;
    p.atoms.push_back({30, 6, 7, false});  // does not fit: forces a justified line 1
    p.gaps.push_back({});
    p.gaps[6].stretch = 1;
    p.gaps[6].stretch_priority = kStretchInterCharacter;
    // Line 1: 60 + 2.5 = 62.5 natural; measure 64 -> 1.5 on the J-L gap alone.
    auto lines = break_paragraph(p, 0, measure(64));
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_NEAR(adjusted_gap(p.gaps[2], lines[0]), 4.0, 1e-9);
    EXPECT_NEAR(adjusted_gap(p.gaps[1], lines[0]), 0.0, 1e-9);
    // measure 66: J-L capped at +2.5, the other 1 spread over 4 ordinary gaps.
    lines = break_paragraph(p, 0, measure(66));
    EXPECT_NEAR(adjusted_gap(p.gaps[2], lines[0]), 5.0, 1e-9);
    EXPECT_NEAR(adjusted_gap(p.gaps[1], lines[0]), 0.25, 1e-9);
    EXPECT_NEAR(set_width(p, lines[0]), 66, 1e-9);
}

TEST(LineBreaker, HangsAFullStopThatDoesNotFit) {
    BreakParagraph p = uniform(5, 10);
    p.atoms.push_back({5, 5, 6, true});  // 。
    p.gaps.push_back({});
    p.gaps[5].breakable = false;  // 。 may not start a line
    BreakOptions o = measure(50);
    o.hanging = true;
    auto lines = break_paragraph(p, 0, o);
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_TRUE(lines[0].hanging);
    EXPECT_EQ(lines[0].end, 6u);
    EXPECT_DOUBLE_EQ(lines[0].width, 50);
    // Without hanging the last kanji goes down with it.
    lines = break_paragraph(p, 0, measure(50));
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(lines[0].end, 4u);
    EXPECT_EQ(lines[1].end, 6u);
    // Never hang what fits.
    o.measure = 55;
    lines = break_paragraph(p, 0, o);
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_FALSE(lines[0].hanging);
}

TEST(LineBreaker, FirstLineIndentAndAlignment) {
    BreakParagraph p = uniform(3, 10);
    BreakOptions o = measure(100);
    o.first_indent = 10;
    o.align = model::Align::Center;
    o.last_line_align = model::Align::Center;
    auto lines = break_paragraph(p, 0, o);
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_DOUBLE_EQ(lines[0].natural, 40);
    EXPECT_DOUBLE_EQ(lines[0].offset, 30);
    o.align = o.last_line_align = model::Align::End;
    EXPECT_DOUBLE_EQ(break_paragraph(p, 0, o)[0].offset, 60);
}

TEST(LineBreaker, EmergencyBreaksRelaxWeakRulesBeforeStrongOnes) {
    BreakParagraph p = uniform(6, 10);
    for (auto& g : p.gaps) g.breakable = false, g.violation = 2;
    p.gaps[2].violation = 1;  // e.g. before a small kana
    auto lines = break_paragraph(p, 0, measure(35));
    ASSERT_GE(lines.size(), 2u);
    EXPECT_EQ(lines[0].end, 2u);  // not 3, where only a strong rule could be broken
    p.gaps[2].violation = 2;
    EXPECT_EQ(break_paragraph(p, 0, measure(35))[0].end, 3u);
}

TEST(LineBreaker, AUnitWiderThanTheMeasureIsSetAloneNotLost) {
    BreakParagraph p = uniform(3, 10);
    p.atoms[1].width = 200;
    auto lines = break_paragraph(p, 0, measure(50));
    ASSERT_EQ(lines.size(), 3u);
    EXPECT_EQ(lines[1].begin, 1u);
    EXPECT_EQ(lines[1].end, 2u);
    EXPECT_GT(lines[1].width, 50);
}

TEST(LineBreaker, KeepAtEndStaysOnTheLine) {
    BreakParagraph p = uniform(3, 10);
    p.gaps[2].keep_at_end = 2.5;  // e.g. the quarter em after ・ at a line end
    p.gaps[2].natural = 2.5;
    auto lines = break_paragraph(p, 0, measure(23));
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(lines[0].end, 2u);
    EXPECT_NEAR(lines[0].natural, 22.5, 1e-9);
}

}  // namespace
}  // namespace koho::text
