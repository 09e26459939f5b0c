// The typesetter with the project's fonts: hermetic font lookup, glyph
// positions (horizontal and vertical), chained frames and overset counts.
#include <gtest/gtest.h>

#include <cmath>

#include "core/diagnostic.h"
#include "text/typesetter.h"
#include "text_fixtures.h"

namespace koho::text {
namespace {

using testing::body_style;
using testing::project_fonts;
using testing::story_of;

std::string all_text(const FrameFill& fill) {
    std::string s;
    for (const auto& l : fill.lines) s += l.text;
    return s;
}

TEST(FontContext, SeesOnlyTheGivenDirectories) {
    auto fonts = project_fonts();
    EXPECT_TRUE(fonts->has_family("Noto Sans CJK JP"));
    EXPECT_TRUE(fonts->has_family("Noto Serif CJK JP"));
    EXPECT_FALSE(fonts->has_family("DejaVu Sans"));  // a system font, not in fonts/
    const auto file = fonts->file_for("Noto Sans CJK JP", 700);
    EXPECT_EQ(file.filename(), "NotoSansCJK-Bold.ttc");
    EXPECT_EQ(fonts->file_for("Noto Sans CJK JP", 400).filename(), "NotoSansCJK-Regular.ttc");
}

TEST(FontContext, NoReadableDirectoryIsAFailure) {
    EXPECT_THROW(FontContext::create({"/nonexistent/koho-fonts"}), Error);
}

TEST(Typesetter, MissingFamilyIsBadInputAtTheStyleNamingFamilyAndDirs) {
    model::Style style = body_style();
    style.font_family = "Hiragino Mincho";
    Typesetter t(project_fonts());
    try {
        t.fill(story_of(style, {"あ"}), {}, {100, 100});
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::BadInput);
        EXPECT_EQ(e.loc().line, 3);
        EXPECT_EQ(e.loc().pointer, "/styles/body/font");
        EXPECT_NE(e.message().find("Hiragino Mincho"), std::string::npos);
        EXPECT_NE(e.message().find("fonts"), std::string::npos);
    }
}

TEST(Typesetter, FirstLineEmBoxTopsTheFrameAndLinesFollowTheLeading) {
    model::Style style = body_style();
    Typesetter t(project_fonts());
    FrameFill fill = t.fill(story_of(style, {"児童相談所で働く専門職です。"}), {}, {50, 100});
    ASSERT_EQ(fill.lines.size(), 3u);
    EXPECT_TRUE(fill.story_done);
    EXPECT_DOUBLE_EQ(fill.lines[0].block_pt, 0);
    EXPECT_DOUBLE_EQ(fill.lines[1].block_pt, 17);
    EXPECT_DOUBLE_EQ(fill.used_extent_pt, 2 * 17 + 10);
    // Baseline of the first line: the em box top (0.88 em above it in Noto) at y = 0.
    ASSERT_FALSE(fill.text.runs.empty());
    const auto& g0 = fill.text.runs[0].glyphs.at(0);
    EXPECT_NEAR(g0.y, 8.8, 0.05);
    EXPECT_NEAR(g0.x, 0, 1e-9);
    // Unicode text for PDF extraction covers every character set.
    std::string utf8;
    for (const auto& r : fill.text.runs) utf8 += r.utf8;
    EXPECT_EQ(utf8, "児童相談所で働く専門職です。");
}

TEST(Typesetter, ASmallerLineAfterABiggerOneKeepsItsOwnLineGap) {
    model::Style heading = body_style();
    heading.size_pt = 20;
    heading.leading_pt = 26;
    model::Style body = body_style();  // 10 pt on 17 pt: a 7 pt gap between lines
    model::Story story = story_of(heading, {"見出し"});
    story.paragraphs.push_back(story_of(body, {"本文"}).paragraphs[0]);
    story.paragraphs.push_back(story_of(heading, {"次の見出し"}).paragraphs[0]);
    Typesetter t(project_fonts());
    FrameFill fill = t.fill(story, {}, {100, 200});
    ASSERT_EQ(fill.lines.size(), 3u);
    // Below the 20 pt heading, the body line starts 7 pt under its em box
    // (not 17 pt under its top, which would overlap the heading).
    EXPECT_DOUBLE_EQ(fill.lines[1].block_pt, 20 + 7);
    // Above the next heading: its own gap, 26 - 20 = 6 pt.
    EXPECT_DOUBLE_EQ(fill.lines[2].block_pt, 27 + 10 + 6);
}

TEST(Typesetter, VerticalLinesRunRightToLeftWithUprightRotatedAndTcyGlyphs) {
    model::Style style = body_style();
    Typesetter t(project_fonts());
    FrameGeometry frame{100, 120, model::Writing::Vertical};
    FrameFill fill = t.fill(story_of(style, {"第12回はWebで説明会を開きます"}), {}, frame);
    ASSERT_EQ(fill.lines.size(), 2u);
    bool saw_rotated = false, saw_tcy = false;
    for (const auto& run : fill.text.runs) {
        if (run.rotation_deg == 90) {
            saw_rotated = true;
            EXPECT_EQ(run.utf8, "Web");
            // Rotated Latin sits inside the first (rightmost) column 90..100.
            for (const auto& g : run.glyphs) {
                EXPECT_GT(g.x, 90 - 1e-6);
                EXPECT_LT(g.x, 100);
            }
        } else if (run.utf8 == "12") {
            saw_tcy = true;
            ASSERT_EQ(run.glyphs.size(), 2u);
            EXPECT_NEAR(run.glyphs[0].y, run.glyphs[1].y, 1e-9);  // set across the column
            EXPECT_LT(run.glyphs[0].x, run.glyphs[1].x);
            EXPECT_GT(run.glyphs[0].y, 10);  // in the second cell (after 第)
            EXPECT_LT(run.glyphs[0].y, 20);
        }
    }
    EXPECT_TRUE(saw_rotated);
    EXPECT_TRUE(saw_tcy);
    // Upright 第: its horizontal origin half an em left of the column centre 95.
    const auto& first = fill.text.runs[0];
    EXPECT_EQ(first.rotation_deg, 0);
    EXPECT_NEAR(first.glyphs[0].x, 90, 0.5);
    EXPECT_GT(first.glyphs[0].y, 0);
    EXPECT_LT(first.glyphs[0].y, 10);
    // The second column lies one leading to the left.
    EXPECT_DOUBLE_EQ(fill.lines[1].block_pt, 17);
}

TEST(Typesetter, MarkedTateChuYokoRunTakesOneEmCentredAcrossTheColumn) {
    model::Style style = body_style();
    style.align = model::Align::Start;
    Typesetter t(project_fonts());
    FrameGeometry frame{100, 120, model::Writing::Vertical};
    auto set = [&](const std::string& run) {
        model::Story story = story_of(style, {"本当"});
        model::Span marked{run};
        marked.tcy = true;
        story.paragraphs[0].spans.push_back(marked);
        story.paragraphs[0].spans.push_back({"だ"});
        return t.fill(story, {}, frame);
    };
    for (const std::string run : {"!?", "AB", "2019"}) {
        SCOPED_TRACE(run);
        FrameFill fill = set(run);
        ASSERT_EQ(fill.lines.size(), 1u);
        EXPECT_EQ(fill.lines[0].text, "本当" + run + "だ");
        // 本 当 [run] だ: four ems down the column.
        EXPECT_NEAR(fill.lines[0].width_pt, 40, 1e-6);
        double left = 1e9, right = -1e9;
        bool saw_run = false;
        for (const auto& r : fill.text.runs) {
            if (r.utf8 != run) continue;
            saw_run = true;
            EXPECT_EQ(r.rotation_deg, 0);
            EXPECT_LE(r.size_pt, 10 + 1e-9);
            ASSERT_EQ(r.glyphs.size(), run.size());
            for (const auto& g : r.glyphs) {
                EXPECT_NEAR(g.y, r.glyphs[0].y, 1e-9);  // set across the column
                EXPECT_GT(g.y, 20);                      // in the third cell
                EXPECT_LT(g.y, 30);
                left = std::min(left, g.x);
                right = std::max(right, g.x);
            }
        }
        ASSERT_TRUE(saw_run);
        // Inside the first column (90..100), around its centre 95.
        EXPECT_GE(left, 90 - 1e-6);
        EXPECT_LT(right, 100);
        EXPECT_LT(left, 95);
        EXPECT_GT(right, 92.5);
    }
    // Wider than an em: scaled down to fit it.
    FrameFill wide = set("2019");
    for (const auto& r : wide.text.runs) {
        if (r.utf8 == "2019") {
            EXPECT_LT(r.size_pt, 10);
        }
    }
}

TEST(Typesetter, ChainedFillResumesWhereTheFrameStopped) {
    model::Style style = body_style();
    Typesetter t(project_fonts());
    const std::vector<std::string> texts = {"児童福祉司は、児童相談所に配置される専門職です。",
                                            "子どもと家庭の相談に応じます。"};
    model::Story story = story_of(style, texts);
    FrameGeometry small{80, 30};  // two lines of 8 em
    FrameFill a = t.fill(story, {}, small);
    ASSERT_EQ(a.lines.size(), 2u);
    EXPECT_FALSE(a.story_done);
    EXPECT_EQ(a.end.paragraph, 0u);
    EXPECT_EQ(a.end.offset, a.lines[1].source_end);
    FrameFill b = t.fill(story, a.end, {80, 1000});
    EXPECT_TRUE(b.story_done);
    EXPECT_EQ(all_text(a) + all_text(b), texts[0] + texts[1]);
    // The continuation line is not indented again and starts flush.
    EXPECT_EQ(b.lines[0].paragraph, 0u);
    EXPECT_EQ(b.lines[0].source_begin, a.end.offset);
}

TEST(Typesetter, OversetCountsTheCharactersNotSet) {
    model::Style style = body_style();
    Typesetter t(project_fonts());
    model::Story story = story_of(style, {"あいうえおかきくけこ", "さしすせそ"});
    FrameFill fill = t.fill(story, {}, {50, 10});  // one line of 5 em
    ASSERT_EQ(fill.lines.size(), 1u);
    EXPECT_FALSE(fill.story_done);
    EXPECT_EQ(Typesetter::count_characters(story, fill.end), 10u);
    EXPECT_EQ(Typesetter::count_characters(story, {}), 15u);
    // A frame too small for one line sets nothing and loses nothing.
    FrameFill none = t.fill(story, {}, {50, 5});
    EXPECT_TRUE(none.lines.empty());
    EXPECT_EQ(Typesetter::count_characters(story, none.end), 15u);
}

TEST(Typesetter, RubySitsAboveItsBaseAtHalfSize) {
    model::Style style = body_style();
    model::Story story;
    model::Paragraph p;
    p.style = &style;
    p.spans.push_back({"児童", "じどう", false});
    story.paragraphs.push_back(p);
    Typesetter t(project_fonts());
    FrameFill fill = t.fill(story, {}, {100, 100});
    const GlyphRun* ruby = nullptr;
    for (const auto& r : fill.text.runs)
        if (r.utf8 == "じどう") ruby = &r;
    ASSERT_NE(ruby, nullptr);
    EXPECT_DOUBLE_EQ(ruby->size_pt, 5);
    ASSERT_EQ(ruby->glyphs.size(), 3u);
    // 1.5 em of ruby over a 2 em base: spread, first and last inside the base.
    EXPECT_GT(ruby->glyphs[0].x, 0);
    EXPECT_LT(ruby->glyphs[2].x + 5, 20 + 1e-6);
    // Baseline above the base's em box top (y = 0).
    EXPECT_LT(ruby->glyphs[0].y, 0);
    EXPECT_GT(ruby->glyphs[0].y, -5);
}

TEST(Typesetter, BoutenPutsOneDotOverEachCharacter) {
    model::Style style = body_style();
    model::Story story;
    model::Paragraph p;
    p.style = &style;
    model::Span span{"大切"};
    span.bouten = true;
    p.spans.push_back(span);
    story.paragraphs.push_back(p);
    Typesetter t(project_fonts());
    FrameFill fill = t.fill(story, {}, {100, 100});
    int dots = 0;
    for (const auto& r : fill.text.runs)
        if (r.size_pt == 5) {
            for (const auto& g : r.glyphs) {
                EXPECT_LT(g.y, 0);
                ++dots;
            }
        }
    EXPECT_EQ(dots, 2);
}

}  // namespace
}  // namespace koho::text

namespace koho::text {
namespace {

TEST(Typesetter, VerticalUsesVertFormsForBracketsAndLongVowel) {
    model::Style style = body_style();
    Typesetter t(project_fonts());
    model::Story story = story_of(style, {"「ー」"});
    FrameFill h = t.fill(story, {}, {100, 100});
    FrameFill v = t.fill(story, {}, {100, 100, model::Writing::Vertical});
    ASSERT_EQ(h.text.runs.size(), 1u);
    ASSERT_EQ(v.text.runs.size(), 1u);
    ASSERT_EQ(v.text.runs[0].glyphs.size(), 3u);
    for (int i = 0; i < 3; ++i) EXPECT_NE(h.text.runs[0].glyphs[i].id, v.text.runs[0].glyphs[i].id) << i;
    // 「 (vhal) takes half an em down the column: ー starts half an em below 「.
    EXPECT_NEAR(v.lines[0].width_pt, 0.5 * 10 + 10 + 0.5 * 10, 1e-6);
}

}  // namespace
}  // namespace koho::text

namespace koho::text {
namespace {

TEST(Typesetter, VerticalAlignMovesTheBlockWithinTheFrame) {
    model::Style style = body_style();
    Typesetter t(project_fonts());
    model::Story story = story_of(style, {"あいう"});
    FrameFill top = t.fill(story, {}, {100, 100});
    FrameGeometry centred{100, 100};
    centred.vertical_align = model::VerticalAlign::Center;
    FrameFill mid = t.fill(story, {}, centred);
    EXPECT_NEAR(mid.text.runs[0].glyphs[0].y - top.text.runs[0].glyphs[0].y, 45, 1e-9);
    EXPECT_NEAR(mid.lines[0].block_pt, 45, 1e-9);
    FrameGeometry bottom_left{100, 100, model::Writing::Vertical, model::VerticalAlign::End};
    FrameFill v = t.fill(story, {}, bottom_left);
    EXPECT_NEAR(v.text.runs[0].glyphs[0].x, 0, 0.5);  // the one column at the frame's left edge
}

}  // namespace
}  // namespace koho::text

namespace koho::text {
namespace {

TEST(Typesetter, ACharacterTheFontCannotDrawIsBadInputAtTheParagraph) {
    model::Style style = body_style();
    model::Story story = story_of(style, {"絵文字😀です"});
    story.paragraphs[0].loc = {"layout.json", 9, 21, "/pages/0/frames/1/text"};
    Typesetter t(project_fonts());
    try {
        t.fill(story, {}, {100, 100});
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::BadInput);
        EXPECT_EQ(e.loc().line, 9);
        EXPECT_EQ(e.message(), "character U+1F600 \"😀\" is not in font \"Noto Sans CJK JP\"");
    }
}

}  // namespace
}  // namespace koho::text

namespace koho::text {
namespace {

TEST(Typesetter, RubyDoesNotOverhangTheLineStart) {
    model::Style style = body_style();
    model::Story story;
    model::Paragraph p;
    p.style = &style;
    p.spans = {model::Span{"ああ"}, model::Span{"鑑", "かんがみ", true}, model::Span{"る"}};
    story.paragraphs.push_back(p);
    Typesetter t(project_fonts());
    FrameFill fill = t.fill(story, {}, {30, 100});
    ASSERT_EQ(fill.lines.size(), 2u);
    EXPECT_EQ(fill.lines[1].text, "鑑る");
    const GlyphRun* ruby = nullptr;
    for (const auto& r : fill.text.runs)
        if (r.utf8 == "かんがみ") ruby = &r;
    ASSERT_NE(ruby, nullptr);
    EXPECT_GE(ruby->glyphs.front().x, -1e-9);               // not into the margin
    EXPECT_NEAR(ruby->glyphs.back().x, 15, 1e-6);            // 2 em of ruby from x = 0: last at 1.5 em
}

}  // namespace
}  // namespace koho::text

namespace koho::text {
namespace {

TEST(Typesetter, LineGridGivesHeadingsWholeBodyLinesAndKeepsBodyOnTheGrid) {
    model::Style body = body_style();  // 10 pt on 17 pt
    model::Style heading = body_style();
    heading.size_pt = 20;
    heading.leading_pt = 30;
    model::Story story;
    for (const model::Style* s : {&heading, &body, &body}) {
        model::Paragraph p;
        p.style = s;
        p.spans.push_back({s == &heading ? "見出し" : "本文です。"});
        story.paragraphs.push_back(p);
    }
    FrameGeometry frame{200, 200};
    frame.grid_pitch_pt = 17;
    frame.grid_em_pt = 10;
    Typesetter t(project_fonts());
    FrameFill fill = t.fill(story, {}, frame);
    ASSERT_EQ(fill.lines.size(), 3u);
    // The 20 pt heading takes two grid lines (17 + 10 = 27 pt), centred: (27 - 20) / 2.
    EXPECT_NEAR(fill.lines[0].block_pt, 3.5, 1e-9);
    // Body lines fall on grid lines 2 and 3.
    EXPECT_NEAR(fill.lines[1].block_pt, 34, 1e-9);
    EXPECT_NEAR(fill.lines[2].block_pt, 51, 1e-9);
    // A frame that ends mid-grid stops before the line that does not fit.
    frame.height_pt = 50;
    FrameFill cut = t.fill(story, {}, frame);
    EXPECT_EQ(cut.lines.size(), 2u);
    EXPECT_EQ(cut.end.paragraph, 2u);
    EXPECT_EQ(cut.end.offset, 0u);
}

}  // namespace
}  // namespace koho::text
