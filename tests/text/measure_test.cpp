// Typesetter::measure: minimum (widest unbreakable unit) and maximum (one
// line) content widths with tracking, indents and list markers.
#include <gtest/gtest.h>

#include "text_fixtures.h"

namespace koho::text {
namespace {

using namespace koho::text::testing;

TEST(Measure, PlainKanaBreaksAnywhere) {
    model::Style style = body_style();
    Typesetter t(project_fonts());
    ContentWidths w = t.measure(story_of(style, {"あいう", "え"}), model::Writing::Horizontal);
    EXPECT_NEAR(w.min_pt, 10, 1e-6);
    EXPECT_NEAR(w.max_pt, 30, 1e-6);
    w = t.measure(story_of(style, {"あいう"}), model::Writing::Vertical);
    EXPECT_NEAR(w.max_pt, 30, 1e-6);
}

TEST(Measure, KinsokuAndWordsAreUnbreakableUnits) {
    model::Style style = body_style();
    Typesetter t(project_fonts());
    // 。 may not start a line: あ。 is one unit (10 + a half-em full stop).
    ContentWidths w = t.measure(story_of(style, {"あ。い"}), model::Writing::Horizontal);
    EXPECT_NEAR(w.min_pt, 15, 1e-6);
    const double word = t.measure(story_of(style, {"koho"}), model::Writing::Horizontal).min_pt;
    const double letter = t.measure(story_of(style, {"k"}), model::Writing::Horizontal).min_pt;
    EXPECT_GT(word, 3 * letter);
    EXPECT_NEAR(t.measure(story_of(style, {"koho koho"}), model::Writing::Horizontal).min_pt, word, 1e-6);
}

TEST(Measure, TrackingCountsBetweenCharactersNotAfterTheLast) {
    model::Style style = body_style();
    style.tracking_em = 0.1;
    Typesetter t(project_fonts());
    ContentWidths w = t.measure(story_of(style, {"あいう"}), model::Writing::Horizontal);
    EXPECT_NEAR(w.max_pt, 32, 1e-6);
    EXPECT_NEAR(w.min_pt, 10, 1e-6);
}

TEST(Measure, IndentsAndMarkersAddToTheLines) {
    model::Style style = body_style();
    style.start_indent_pt = 20;
    style.indent_em = 1;
    Typesetter t(project_fonts());
    ContentWidths w = t.measure(story_of(style, {"あいう"}), model::Writing::Horizontal);
    EXPECT_NEAR(w.max_pt, 60, 1e-6);  // 20 + 10 + 30
    EXPECT_NEAR(w.min_pt, 40, 1e-6);  // the first character carries both indents

    model::Style list = body_style();
    list.list.kind = model::ListKind::Number;  // 2 em marker box
    model::Story story = story_of(list, {"あいう"});
    story.paragraphs[0].marker = "①";
    w = t.measure(story, model::Writing::Horizontal);
    EXPECT_NEAR(w.max_pt, 50, 1e-6);
    EXPECT_NEAR(w.min_pt, 30, 1e-6);
    story.paragraphs[0].marker = "（１２）";  // 40 pt: wider than its box
    w = t.measure(story, model::Writing::Horizontal);
    EXPECT_NEAR(w.max_pt, 70, 1e-6);
    EXPECT_NEAR(w.min_pt, 50, 1e-6);
}

}  // namespace
}  // namespace koho::text
