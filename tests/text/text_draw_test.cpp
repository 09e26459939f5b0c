// scene/render_text.cpp draws what the text engine asks for: 長体/平体 as
// narrower/wider glyphs, 縁取り as a stroke under the fill. Checked on
// pixels of a typeset black square (■).
#include <gtest/gtest.h>

#include "scene/pixels.h"
#include "text_fixtures.h"

namespace koho::text {
namespace {

using namespace koho::text::testing;
using scene::testing::Canvas;

struct Ink {
    int left = 1 << 20, right = -1, top = 1 << 20, bottom = -1;
    int width() const { return right - left + 1; }
    int height() const { return bottom - top + 1; }
};

// Typesets "■" at 40 pt and draws it at 4 pixels per point.
class Square {
public:
    explicit Square(model::Style style) : style_(std::move(style)), canvas_(400, 400, 4) {
        Typesetter t(project_fonts());
        FrameFill fill = t.fill(story_of(style_, {"■"}), {}, {100, 100});
        scene::TextItem text;
        text.x = 20, text.y = 20;
        text.text = fill.text;
        scene::Item item;
        item.what = text;
        canvas_.draw(scene::testing::page_with(item));
    }
    scene::testing::Rgba at(int x, int y) const { return canvas_.at(x, y); }
    // Pixels that are mostly black.
    Ink ink() const {
        Ink ink;
        for (int y = 0; y < 400; ++y)
            for (int x = 0; x < 400; ++x) {
                const auto p = canvas_.at(x, y);
                if (p.a > 200 && p.r < 60 && p.g < 60 && p.b < 60) {
                    ink.left = std::min(ink.left, x), ink.right = std::max(ink.right, x);
                    ink.top = std::min(ink.top, y), ink.bottom = std::max(ink.bottom, y);
                }
            }
        return ink;
    }

private:
    model::Style style_;
    Canvas canvas_;
};

model::Style square_style() {
    model::Style s = body_style();
    s.size_pt = 40;
    s.leading_pt = 60;
    s.align = model::Align::Start;
    return s;
}

TEST(DrawText, HorizontalScaleNarrowsTheGlyphItself) {
    const Ink plain = Square(square_style()).ink();
    ASSERT_GT(plain.width(), 40);
    model::Style narrow = square_style();
    narrow.horizontal_scale = 0.5;
    const Ink half = Square(narrow).ink();
    EXPECT_NEAR(half.width(), plain.width() / 2.0, 2);
    EXPECT_NEAR(half.height(), plain.height(), 1);
    EXPECT_NEAR(half.left, plain.left / 2.0 + 40, 2);  // x scaled about the glyph origin (x = 80 px)
}

TEST(DrawText, OutlineIsStrokedUnderTheFill) {
    const Ink plain = Square(square_style()).ink();
    model::Style outlined = square_style();
    outlined.outline = model::TextOutline{Color::from_rgb(255, 0, 0), 4};  // 2 pt outside: 8 px
    const Square square(outlined);
    const int mid_y = (plain.top + plain.bottom) / 2, mid_x = (plain.left + plain.right) / 2;
    // Outside the glyph, within half the stroke: red.
    const auto outside = square.at(plain.left - 4, mid_y);
    EXPECT_EQ(outside.a, 255);
    EXPECT_GT(outside.r, 200);
    EXPECT_LT(outside.g, 50);
    // Inside, the fill covers the stroke's inner half: black at the edge and centre.
    const auto edge = square.at(plain.left + 3, mid_y);
    EXPECT_LT(edge.r, 60);
    const auto centre = square.at(mid_x, mid_y);
    EXPECT_LT(centre.r, 60);
    // Beyond the stroke: nothing.
    EXPECT_EQ(square.at(plain.left - 12, mid_y).a, 0);
    // Without the outline the same pixel is empty.
    EXPECT_EQ(Square(square_style()).at(plain.left - 4, mid_y).a, 0);
}

}  // namespace
}  // namespace koho::text
