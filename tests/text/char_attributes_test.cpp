// Character attributes (paragraph style and [[name:…]] character styles):
// font, weight, size on the paragraph's baseline, colour, tracking,
// horizontal scale, baseline shift, underline and outline, in horizontal and
// vertical text — checked by glyph and rule positions.
#include <gtest/gtest.h>
#include <pango/pango.h>

#include <memory>

#include "core/diagnostic.h"
#include "text_fixtures.h"

namespace koho::text {
namespace {

using namespace koho::text::testing;

model::Paragraph mixed(const model::Style& style, const std::string& before, const std::string& inside,
                       const model::CharStyle& cs, const std::string& after) {
    model::Paragraph p;
    p.style = &style;
    if (!before.empty()) p.spans.push_back({before});
    p.spans.push_back(styled(inside, cs));
    if (!after.empty()) p.spans.push_back({after});
    return p;
}

model::Story one(model::Paragraph p) {
    model::Story s;
    s.paragraphs.push_back(std::move(p));
    return s;
}

model::Style start_aligned() {
    model::Style s = body_style();
    s.align = model::Align::Start;
    return s;
}

const FrameGeometry kWide{200, 100};
const FrameGeometry kTall{100, 200, model::Writing::Vertical};

TEST(CharAttributes, BiggerSpanSitsOnTheParagraphBaselineAndKeepsTheLeading) {
    model::Style style = start_aligned();
    model::CharStyle big;
    big.size_pt = 20;
    model::Story story = one(mixed(style, "あ", "い", big, "う"));
    story.paragraphs.push_back(paragraph_of(style, "え"));
    Typesetter t(project_fonts());
    FrameFill fill = t.fill(story, {}, kWide);
    ASSERT_EQ(fill.lines.size(), 2u);
    EXPECT_NEAR(glyph_of(fill, "あ").x, 0, 1e-6);
    EXPECT_NEAR(glyph_of(fill, "い").x, 10, 1e-6);
    EXPECT_NEAR(glyph_of(fill, "う").x, 30, 1e-6);  // the big character advances 20 pt
    EXPECT_NEAR(glyph_of(fill, "い").y, glyph_of(fill, "あ").y, 1e-6);
    EXPECT_NEAR(glyph_of(fill, "あ").y, 8.8, 0.05);
    EXPECT_DOUBLE_EQ(run_with(fill, "い")->size_pt, 20);
    EXPECT_DOUBLE_EQ(run_with(fill, "あ")->size_pt, 10);
    EXPECT_DOUBLE_EQ(fill.lines[1].block_pt, 17);  // leading unchanged
}

TEST(CharAttributes, BiggerSpanInVerticalTextIsCentredOnTheColumn) {
    model::Style style = start_aligned();
    model::CharStyle big;
    big.size_pt = 20;
    Typesetter t(project_fonts());
    FrameFill fill = t.fill(one(mixed(style, "あ", "い", big, "う")), {}, kTall);
    ASSERT_EQ(fill.lines.size(), 1u);
    // Full-width glyphs: origin half their size left of the centre line (x = 95).
    EXPECT_NEAR(glyph_of(fill, "あ").x, 90, 0.05);
    EXPECT_NEAR(glyph_of(fill, "い").x, 85, 0.05);
    EXPECT_NEAR(glyph_of(fill, "う").y - glyph_of(fill, "あ").y, 30, 1e-6);
}

std::string family_of(const GlyphRun& run, int* weight) {
    PangoFontDescription* d = pango_font_describe(run.font.get());
    std::string family = pango_font_description_get_family(d);
    *weight = pango_font_description_get_weight(d);
    pango_font_description_free(d);
    return family;
}

TEST(CharAttributes, FontWeightAndColourComeFromTheCharacterStyle) {
    model::Style style = start_aligned();
    model::CharStyle cs;
    cs.font_family = "Noto Serif CJK JP";
    cs.weight = 700;
    cs.color = Color::from_rgb(200, 0, 0);
    Typesetter t(project_fonts());
    FrameFill fill = t.fill(one(mixed(style, "あ", "い", cs, "")), {}, kWide);
    int w_plain = 0, w_styled = 0;
    EXPECT_EQ(family_of(*run_with(fill, "あ"), &w_plain), "Noto Sans CJK JP");
    EXPECT_EQ(family_of(*run_with(fill, "い"), &w_styled), "Noto Serif CJK JP");
    EXPECT_EQ(w_plain, 400);
    EXPECT_EQ(w_styled, 700);
    EXPECT_TRUE(run_with(fill, "い")->color == Color::from_rgb(200, 0, 0));
    EXPECT_TRUE(run_with(fill, "あ")->color == style.color);
}

TEST(CharAttributes, CharacterStyleColourWinsOverTheStrongColour) {
    model::Style style = start_aligned();
    style.strong_color = Color::from_rgb(0, 0, 200);
    model::CharStyle cs;
    cs.color = Color::from_rgb(0, 150, 0);
    model::Paragraph p = mixed(style, "あ", "い", cs, "");
    p.spans[1].strong = true;
    model::Span strong_only{"う"};
    strong_only.strong = true;
    p.spans.push_back(strong_only);
    Typesetter t(project_fonts());
    FrameFill fill = t.fill(one(p), {}, kWide);
    EXPECT_TRUE(run_with(fill, "い")->color == Color::from_rgb(0, 150, 0));
    EXPECT_TRUE(run_with(fill, "う")->color == Color::from_rgb(0, 0, 200));
}

TEST(CharAttributes, MissingCharacterStyleFamilyIsBadInputAtTheCharacterStyle) {
    model::Style style = start_aligned();
    model::CharStyle cs;
    cs.font_family = "Hiragino Mincho";
    cs.font_loc = {"layout.json", 9, 20, "/character_styles/accent/font"};
    Typesetter t(project_fonts());
    try {
        t.fill(one(mixed(style, "あ", "い", cs, "")), {}, kWide);
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::BadInput);
        EXPECT_EQ(e.loc().pointer, "/character_styles/accent/font");
    }
}

TEST(CharAttributes, MissingStrongFamilyIsBadInputWhereTheStrongFamilyIsNamed) {
    model::Style style = start_aligned();
    style.strong_font_family = "Hiragino Mincho";
    style.strong_font_loc = {"layout.json", 5, 30, "/styles/body/strong/font"};
    model::Paragraph p = paragraph_of(style, "あ");
    model::Span strong{"い"};
    strong.strong = true;
    p.spans.push_back(strong);
    Typesetter t(project_fonts());
    try {
        t.fill(one(p), {}, kWide);
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::BadInput);
        EXPECT_EQ(e.loc().pointer, "/styles/body/strong/font");
    }
}

TEST(CharAttributes, TrackingFollowsEveryCharacterButTheLastOnALine) {
    model::Style style = body_style();  // justified
    style.tracking_em = 0.1;
    Typesetter t(project_fonts());
    FrameFill fill = t.fill(story_of(style, {"あいうえおかきくけこ"}), {}, {55, 100});
    ASSERT_EQ(line_texts(fill), (std::vector<std::string>{"あいうえお", "かきくけこ"}));
    // 5 × 10 + 4 × 1 = 54: the last pt is spread, the line ends at the measure.
    EXPECT_NEAR(glyph_of(fill, "い").x, 11.25, 1e-6);
    EXPECT_NEAR(glyph_of(fill, "お").x + 10, 55, 1e-6);
    EXPECT_NEAR(glyph_of(fill, "か").x, 0, 1e-6);

    model::Style ragged = start_aligned();
    ragged.tracking_em = 0.1;
    fill = t.fill(story_of(ragged, {"あいう"}), {}, kWide);
    EXPECT_NEAR(glyph_of(fill, "う").x, 22, 1e-6);
    EXPECT_NEAR(fill.lines[0].width_pt, 32, 1e-6);  // no tracking after the last character
}

TEST(CharAttributes, CharacterStyleTrackingAppliesToItsSpanOnly) {
    model::Style style = start_aligned();
    model::CharStyle cs;
    cs.tracking_em = 0.5;
    Typesetter t(project_fonts());
    FrameFill fill = t.fill(one(mixed(style, "あ", "いう", cs, "え")), {}, kWide);
    EXPECT_NEAR(glyph_of(fill, "い").x, 10, 1e-6);
    EXPECT_NEAR(glyph_of(fill, "う").x, 25, 1e-6);
    EXPECT_NEAR(glyph_of(fill, "え").x, 40, 1e-6);
}

TEST(CharAttributes, TrackingInVerticalTextCountsATateChuYokoRunOnce) {
    model::Style style = start_aligned();
    style.tracking_em = 0.1;
    Typesetter t(project_fonts());
    FrameFill fill = t.fill(story_of(style, {"第12回"}), {}, kTall);
    ASSERT_EQ(fill.lines.size(), 1u);
    EXPECT_NEAR(glyph_of(fill, "回").y - glyph_of(fill, "第").y, 22, 1e-6);
}

TEST(CharAttributes, HorizontalScaleNarrowsAdvancesAlongAHorizontalLine) {
    model::Style style = start_aligned();
    style.horizontal_scale = 0.5;
    Typesetter t(project_fonts());
    FrameFill fill = t.fill(story_of(style, {"あいう"}), {}, kWide);
    EXPECT_NEAR(glyph_of(fill, "い").x, 5, 1e-6);
    EXPECT_NEAR(glyph_of(fill, "う").x, 10, 1e-6);
    EXPECT_DOUBLE_EQ(run_with(fill, "あ")->scale_x, 0.5);

    model::Style plain = start_aligned();
    model::CharStyle wide;
    wide.horizontal_scale = 1.5;  // 平体 on one character
    fill = t.fill(one(mixed(plain, "あ", "い", wide, "う")), {}, kWide);
    EXPECT_NEAR(glyph_of(fill, "う").x, 25, 1e-6);
    EXPECT_DOUBLE_EQ(run_with(fill, "い")->scale_x, 1.5);
    EXPECT_DOUBLE_EQ(run_with(fill, "あ")->scale_x, 1);
}

TEST(CharAttributes, HorizontalScaleInVerticalTextNarrowsAcrossTheColumnOnly) {
    model::Style style = start_aligned();
    style.horizontal_scale = 0.5;
    Typesetter t(project_fonts());
    FrameFill fill = t.fill(story_of(style, {"あいう"}), {}, kTall);
    EXPECT_NEAR(glyph_of(fill, "う").y - glyph_of(fill, "あ").y, 20, 1e-6);  // advances unchanged
    EXPECT_NEAR(glyph_of(fill, "あ").x, 95 - 2.5, 0.05);                     // half as wide, still centred
    EXPECT_DOUBLE_EQ(run_with(fill, "あ")->scale_x, 0.5);
}

TEST(CharAttributes, HorizontalScaleOfSidewaysLatinInVerticalTextRunsAlongTheColumn) {
    // Sideways Latin is horizontal text turned: scaled along its own
    // baseline, which runs down the column, so its advances shrink.
    model::Style style = start_aligned();
    Typesetter t(project_fonts());
    FrameFill plain = t.fill(story_of(style, {"あWWWあ"}), {}, kTall);
    style.horizontal_scale = 0.5;
    FrameFill half = t.fill(story_of(style, {"あWWWあ"}), {}, kTall);
    const double plain_len = plain.text.runs.back().glyphs.back().y - plain.text.runs.front().glyphs.front().y;
    const double half_len = half.text.runs.back().glyphs.back().y - half.text.runs.front().glyphs.front().y;
    const double latin = plain_len - 10 - 2 * 2.5;  // less あ and the two quarter-em Japanese-Latin spaces
    EXPECT_NEAR(half_len, 10 + 5 + latin / 2, 1e-6);
    EXPECT_DOUBLE_EQ(run_with(half, "W")->rotation_deg, 90);
    EXPECT_DOUBLE_EQ(run_with(half, "W")->scale_x, 0.5);
}

TEST(CharAttributes, BaselineShiftMovesUpInHorizontalAndRightInVerticalText) {
    model::Style style = start_aligned();
    model::CharStyle up;
    up.baseline_shift_pt = 3;
    Typesetter t(project_fonts());
    FrameFill fill = t.fill(one(mixed(style, "あ", "い", up, "")), {}, kWide);
    EXPECT_NEAR(glyph_of(fill, "い").y, glyph_of(fill, "あ").y - 3, 1e-6);
    EXPECT_NEAR(glyph_of(fill, "い").x, 10, 1e-6);
    fill = t.fill(one(mixed(style, "あ", "い", up, "")), {}, kTall);
    EXPECT_NEAR(glyph_of(fill, "い").x, glyph_of(fill, "あ").x + 3, 1e-6);
    EXPECT_NEAR(glyph_of(fill, "い").y - glyph_of(fill, "あ").y, 10, 1e-6);
}

TEST(CharAttributes, UnderlineIsARuleUnderTheSpanOrASideLineRightOfTheColumn) {
    model::Style style = start_aligned();
    model::CharStyle cs;
    cs.underline = model::Underline{};
    Typesetter t(project_fonts());
    FrameFill fill = t.fill(one(mixed(style, "あ", "いう", cs, "え")), {}, kWide);
    ASSERT_EQ(fill.text.rules.size(), 1u);
    const TextRule& r = fill.text.rules[0];
    const double baseline = glyph_of(fill, "あ").y;
    EXPECT_NEAR(r.x, 10, 1e-6);
    EXPECT_NEAR(r.w, 20, 1e-6);
    EXPECT_NEAR(r.y, baseline + 1.2, 1e-6);  // 0.12 em below the baseline
    EXPECT_NEAR(r.h, 0.5, 1e-6);             // 1/20 em
    EXPECT_TRUE(r.color == style.color);

    cs.underline = model::Underline{Color::from_rgb(0, 0, 255), 1, 2};
    fill = t.fill(one(mixed(style, "あ", "いう", cs, "え")), {}, kTall);
    ASSERT_EQ(fill.text.rules.size(), 1u);
    const TextRule& v = fill.text.rules[0];
    EXPECT_NEAR(v.x, 100 + 2, 1e-6);  // column centre 95 + half an em + offset
    EXPECT_NEAR(v.w, 1, 1e-6);
    EXPECT_NEAR(v.y, 10, 1e-6);
    EXPECT_NEAR(v.h, 20, 1e-6);
    EXPECT_TRUE(v.color == Color::from_rgb(0, 0, 255));
}

TEST(CharAttributes, UnderlinedParagraphGetsOneRulePerLine) {
    model::Style style = body_style();
    style.underline = model::Underline{};
    Typesetter t(project_fonts());
    FrameFill fill = t.fill(story_of(style, {"あいうえおかきくけこさ"}), {}, {50, 100});
    ASSERT_EQ(fill.lines.size(), 3u);
    ASSERT_EQ(fill.text.rules.size(), 3u);
    EXPECT_NEAR(fill.text.rules[0].w, 50, 1e-6);
    EXPECT_NEAR(fill.text.rules[2].w, 10, 1e-6);
    EXPECT_NEAR(fill.text.rules[1].y - fill.text.rules[0].y, 17, 1e-6);
}

TEST(CharAttributes, OutlineIsCarriedOnTheRunsItCovers) {
    model::Style style = start_aligned();
    model::CharStyle cs;
    cs.outline = model::TextOutline{Color::from_rgb(255, 255, 255), 2};
    Typesetter t(project_fonts());
    FrameFill fill = t.fill(one(mixed(style, "あ", "い", cs, "")), {}, kWide);
    ASSERT_TRUE(run_with(fill, "い")->outline.has_value());
    EXPECT_DOUBLE_EQ(run_with(fill, "い")->outline->width_pt, 2);
    EXPECT_TRUE(run_with(fill, "い")->outline->color == Color::from_rgb(255, 255, 255));
    EXPECT_FALSE(run_with(fill, "あ")->outline.has_value());
}

}  // namespace
}  // namespace koho::text
