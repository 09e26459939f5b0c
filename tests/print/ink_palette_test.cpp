// The ink palette: one RGB code per intended colour, and the scene walk
// that reaches every colour.
#include "print/ink_palette.h"

#include <gtest/gtest.h>

#include <cmath>
#include <set>

#include "print/trim_marks.h"
#include "scene/color_walk.h"
#include "shape_items.h"

namespace koho::print {
namespace {

using test::hex;
using scene::PageScene;
using scene::ShapeItem;

// A page of filled rectangles, one per colour, in order.
PageScene page_of(const std::vector<Color>& colors) {
    PageScene page;
    page.trim_w_pt = page.trim_h_pt = 100;
    for (const Color& c : colors) {
        ShapeItem shape;
        shape.fill = c;
        scene::Item item;
        item.what = shape;
        page.items.push_back(item);
    }
    return page;
}

const Color& fill_of(const PageScene& page, size_t i) {
    return *std::get<ShapeItem>(page.items.at(i).what).fill;
}

uint32_t code_of(const Color& c) { return rgb_code_of(c.rgb.r, c.rgb.g, c.rgb.b); }

double distance(uint32_t a, uint32_t b) {
    auto d = [&](int shift) { return double(int((a >> shift) & 0xff) - int((b >> shift) & 0xff)); };
    return std::sqrt(d(16) * d(16) + d(8) * d(8) + d(0) * d(0));
}

TEST(RgbCode, RoundsEachChannelToTheNearestStep) {
    EXPECT_EQ(rgb_code_of(0, 0, 0), 0x000000u);
    EXPECT_EQ(rgb_code_of(1, 1, 1), 0xffffffu);
    EXPECT_EQ(rgb_code_of(0.5, 0, 1), 0x8000ffu);           // 127.5 rounds up
    EXPECT_EQ(rgb_code_of(0x23 / 255.0, 0x18 / 255.0, 0x15 / 255.0), 0x231815u);
    EXPECT_EQ(rgb_code_of(0.501961, 0.25098, 0.0), 0x804000u);  // as Cairo writes 6 digits
    EXPECT_EQ(rgb_code_of(-0.2, 1.3, 0.002), 0x00ff01u);     // clamped; 0.51 rounds to 1
}

TEST(InkPalette, DistinctIntentsGetDistinctCodes) {
    // Five intents, four of which look black or red on screen.
    std::vector<Color> colors = {hex("#ff0000"), Color::from_cmyk(0, 100, 100, 0), Color::from_cmyk(40, 0, 0, 100),
                                 hex("#000000"), Color::from_cmyk(0, 0, 0, 100), hex("#ff0000"),
                                 Color::from_cmyk(40, 0, 0, 100)};
    std::vector<PageScene> pages = {page_of(colors)};
    const InkPalette palette = InkPalette::assign(pages);

    std::set<uint32_t> codes;
    for (size_t i = 0; i < 5; ++i) codes.insert(code_of(fill_of(pages[0], i)));
    EXPECT_EQ(codes.size(), 5u);
    EXPECT_EQ(palette.size(), 6u);  // and registration
    // The same intent twice: the same code.
    EXPECT_EQ(code_of(fill_of(pages[0], 5)), code_of(fill_of(pages[0], 0)));
    EXPECT_EQ(code_of(fill_of(pages[0], 6)), code_of(fill_of(pages[0], 2)));
    // Every code names the intent it was given for.
    for (size_t i = 0; i < colors.size(); ++i) {
        const Color* intent = palette.intent(code_of(fill_of(pages[0], i)));
        ASSERT_NE(intent, nullptr) << i;
        EXPECT_EQ(intent->space, colors[i].space) << i;
        for (int p = 0; p < 4; ++p) EXPECT_EQ(intent->cmyk[p], colors[i].cmyk[p]) << i;
        EXPECT_EQ(code_of(*intent), code_of(colors[i])) << "the intent keeps its display colour " << i;
    }
    EXPECT_EQ(palette.intent(0x123456), nullptr);
}

TEST(InkPalette, CodesStayOnTheirColourOrMoveToTheNearestFreeOne) {
    std::vector<PageScene> pages = {page_of({hex("#336699"), Color::from_cmyk(0, 100, 100, 0), hex("#ff0000")})};
    InkPalette::assign(pages);
    EXPECT_EQ(code_of(fill_of(pages[0], 0)), 0x336699u) << "a free code is the colour itself";
    EXPECT_EQ(code_of(fill_of(pages[0], 1)), 0xff0000u) << "first come keeps its code";
    const uint32_t nudged = code_of(fill_of(pages[0], 2));
    EXPECT_NE(nudged, 0xff0000u);
    EXPECT_DOUBLE_EQ(distance(nudged, 0xff0000), 1.0) << std::hex << nudged;
}

TEST(InkPalette, AlphaIsNotPartOfTheIntent) {
    std::vector<PageScene> pages = {page_of({hex("#ff000080"), hex("#ff0000")})};
    const InkPalette palette = InkPalette::assign(pages);
    EXPECT_EQ(palette.size(), 2u);
    EXPECT_EQ(code_of(fill_of(pages[0], 0)), code_of(fill_of(pages[0], 1)));
    EXPECT_NEAR(fill_of(pages[0], 0).alpha, 128 / 255.0, 1e-12) << "alpha untouched";
    EXPECT_EQ(fill_of(pages[0], 1).alpha, 1.0);
}

TEST(InkPalette, NudgingIsDeterministic) {
    // Many intents crowding round black and red.
    std::vector<Color> colors;
    for (int k = 80; k <= 100; ++k) colors.push_back(Color::from_cmyk(30, 20, 20, k));
    for (int m = 90; m <= 100; ++m) colors.push_back(Color::from_cmyk(0, m, 100, 0));
    colors.push_back(hex("#000000"));
    colors.push_back(hex("#ff0000"));
    std::vector<PageScene> a = {page_of(colors)}, b = {page_of(colors)};
    const InkPalette pa = InkPalette::assign(a), pb = InkPalette::assign(b);
    ASSERT_EQ(pa.size(), pb.size());
    std::set<uint32_t> codes;
    for (size_t i = 0; i < colors.size(); ++i) {
        EXPECT_EQ(code_of(fill_of(a[0], i)), code_of(fill_of(b[0], i))) << i;
        codes.insert(code_of(fill_of(a[0], i)));
    }
    EXPECT_EQ(codes.size(), colors.size());
    EXPECT_EQ(pa.registration_rgb().r, pb.registration_rgb().r);
}

TEST(InkPalette, RegistrationHasItsOwnCodeAndBlackKeepsBlack) {
    // Rich black comes first and looks black, yet must not take #000000:
    // #000000 means K100 to everything that draws it (text, SVG art).
    std::vector<PageScene> pages = {page_of({Color::from_cmyk(40, 0, 0, 100), hex("#000000")})};
    const InkPalette palette = InkPalette::assign(pages);

    const Rgb reg = palette.registration_rgb();
    const uint32_t reg_code = code_of(Color::from_rgb(reg.r, reg.g, reg.b));
    EXPECT_NE(reg_code, 0x000000u);
    const Color* intent = palette.intent(reg_code);
    ASSERT_NE(intent, nullptr);
    EXPECT_EQ(intent->space, Color::Space::Cmyk);
    for (int p = 0; p < 4; ++p) EXPECT_EQ(intent->cmyk[p], registration_color().cmyk[p]);

    EXPECT_NE(code_of(fill_of(pages[0], 0)), 0x000000u) << "rich black is not #000000";
    EXPECT_NE(code_of(fill_of(pages[0], 0)), reg_code);
    EXPECT_EQ(code_of(fill_of(pages[0], 1)), 0x000000u) << "black stays #000000";
    // The codes are on the 8-bit grid exactly.
    EXPECT_EQ(fill_of(pages[0], 1).rgb.r, 0.0);
    EXPECT_EQ(reg.r * 255, std::round(reg.r * 255));
}

TEST(InkPalette, JapaneseBlackIsKeptForBlackToo) {
    // A CMYK intent that looks like #231815 on screen must not take it:
    // SVG art drawing #231815 means K100.
    Color brownish = Color::from_cmyk(0, 30, 40, 86);
    brownish.rgb = {0x23 / 255.0, 0x18 / 255.0, 0x15 / 255.0};
    std::vector<PageScene> pages = {page_of({brownish, hex("#231815")})};
    InkPalette::assign(pages);
    EXPECT_NE(code_of(fill_of(pages[0], 0)), 0x231815u);
    EXPECT_DOUBLE_EQ(distance(code_of(fill_of(pages[0], 0)), 0x231815), 1.0);
    EXPECT_EQ(code_of(fill_of(pages[0], 1)), 0x231815u);
}

TEST(InkPalette, CmykBlackMayTakeBlack) {
    std::vector<PageScene> pages = {page_of({Color::from_cmyk(0, 0, 0, 100)})};
    const InkPalette palette = InkPalette::assign(pages);
    EXPECT_EQ(code_of(fill_of(pages[0], 0)), 0x000000u);
}

TEST(InkPalette, RegistrationCodeDoesNotDependOnThePages) {
    std::vector<PageScene> none;
    std::vector<PageScene> some = {page_of({Color::from_cmyk(100, 100, 100, 90), hex("#010000")})};
    const Rgb a = InkPalette::assign(none).registration_rgb();
    const Rgb b = InkPalette::assign(some).registration_rgb();
    EXPECT_EQ(a.r, b.r);
    EXPECT_EQ(a.g, b.g);
    EXPECT_EQ(a.b, b.b);
    EXPECT_NE(code_of(fill_of(some[0], 0)), code_of(Color::from_rgb(a.r, a.g, a.b)));
}

}  // namespace
}  // namespace koho::print
