// for_each_color reaches every colour of every kind of item.
#include "scene/color_walk.h"

#include <gtest/gtest.h>

#include <set>

#include "print/ink_palette.h"

namespace koho::scene {
namespace {

// Colour number n: distinct for every n, on the 8-bit grid.
Color numbered(int n) { return Color::from_rgb(n / 255.0, (255 - n) / 255.0, 0.5); }

// A scene with one of each colour slot the display list has, each with its
// own colour; returns how many it used.
int fill_every_slot(PageScene& page) {
    int n = 0;
    auto next = [&] { return numbered(++n); };

    Item shape_item;
    ShapeItem shape;
    shape.kind = ShapeKind::Rects;
    shape.fill = next();
    shape.backdrop = next();
    shape.stroke = StrokeStyle{next(), 1, {}};
    shape_item.what = shape;
    shape_item.shadow = ShadowPaint{2, 2, next()};
    page.items.push_back(shape_item);

    Item gradient_item;
    ShapeItem gradient_shape;
    GradientPaint gradient;
    gradient.stops = {{0.0, next()}, {0.5, next()}, {1.0, next()}};
    gradient_shape.gradient = gradient;
    gradient_item.what = gradient_shape;
    page.items.push_back(gradient_item);

    Item text_item;
    TextItem text;
    text.background = next();
    for (int r = 0; r < 2; ++r) {
        text::GlyphRun run;
        run.color = next();
        run.outline = text::GlyphOutline{next(), 2};
        text.text.runs.push_back(run);
    }
    text::GlyphRun plain;
    plain.color = next();
    text.text.runs.push_back(plain);
    text.text.rules.push_back({0, 0, 10, 1, next()});
    text.text.rules.push_back({0, 5, 10, 1, next()});
    text_item.what = text;
    text_item.shadow = ShadowPaint{1, 1, next()};
    page.items.push_back(text_item);

    Item image_item;
    image_item.what = ImageItem{};
    image_item.shadow = ShadowPaint{1, 1, next()};
    page.items.push_back(image_item);

    Item svg_item;
    svg_item.what = SvgItem{};
    svg_item.shadow = ShadowPaint{1, 1, next()};
    page.items.push_back(svg_item);
    return n;
}

TEST(ColorWalk, VisitsEveryColourOnce) {
    PageScene page;
    const int count = fill_every_slot(page);
    std::multiset<uint32_t> seen;
    for_each_color(page, [&](Color& c) { seen.insert(print::rgb_code_of(c.rgb.r, c.rgb.g, c.rgb.b)); });
    EXPECT_EQ(seen.size(), size_t(count));
    for (int n = 1; n <= count; ++n) {
        const Color c = numbered(n);
        EXPECT_EQ(seen.count(print::rgb_code_of(c.rgb.r, c.rgb.g, c.rgb.b)), 1u) << "colour " << n;
    }
}

TEST(ColorWalk, ChangesReachTheScene) {
    PageScene page;
    const int count = fill_every_slot(page);
    for_each_color(page, [](Color& c) { c = Color::from_cmyk(1, 2, 3, 4); });
    // Read each slot back directly, not through the walk.
    int cmyk = 0;
    auto check = [&](const Color& c) { cmyk += c.space == Color::Space::Cmyk && c.cmyk[3] == 4; };
    for (const Item& item : page.items) {
        if (item.shadow) check(item.shadow->color);
        if (auto* s = std::get_if<ShapeItem>(&item.what)) {
            if (s->fill) check(*s->fill);
            if (s->backdrop) check(*s->backdrop);
            if (s->stroke) check(s->stroke->color);
            if (s->gradient)
                for (auto& stop : s->gradient->stops) check(stop.second);
        }
        if (auto* t = std::get_if<TextItem>(&item.what)) {
            if (t->background) check(*t->background);
            for (auto& run : t->text.runs) {
                check(run.color);
                if (run.outline) check(run.outline->color);
            }
            for (auto& rule : t->text.rules) check(rule.color);
        }
    }
    EXPECT_EQ(cmyk, count);
}

TEST(ColorWalk, PaletteRewritesEveryColourToItsCode) {
    std::vector<PageScene> pages(2);
    const int count = fill_every_slot(pages[0]);
    fill_every_slot(pages[1]);
    // Make the second page's colours CMYK intents that look like the first
    // page's: every one must be moved to a code of its own.
    for_each_color(pages[1], [](Color& c) {
        const Rgb shown = c.rgb;
        c = Color::from_cmyk(10, 20, 30, 40);
        c.rgb = shown;
    });
    const print::InkPalette palette = print::InkPalette::assign(pages);
    EXPECT_EQ(palette.size(), size_t(count) + 2);  // page 1's, one CMYK intent, registration
    std::set<uint32_t> first, second;
    for_each_color(pages[0], [&](Color& c) {
        const uint32_t code = print::rgb_code_of(c.rgb.r, c.rgb.g, c.rgb.b);
        first.insert(code);
        ASSERT_NE(palette.intent(code), nullptr);
        EXPECT_EQ(palette.intent(code)->space, Color::Space::Rgb);
    });
    for_each_color(pages[1], [&](Color& c) { second.insert(print::rgb_code_of(c.rgb.r, c.rgb.g, c.rgb.b)); });
    EXPECT_EQ(first.size(), size_t(count));
    ASSERT_EQ(second.size(), 1u);
    EXPECT_EQ(first.count(*second.begin()), 0u);
}

}  // namespace
}  // namespace koho::scene
