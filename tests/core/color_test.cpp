#include "core/color.h"

#include <gtest/gtest.h>

namespace koho {
namespace {

TEST(Color, HexForms) {
    std::string why;
    auto red = parse_hex_color("#e60012", &why);
    ASSERT_TRUE(red);
    EXPECT_NEAR(red->rgb.r, 230 / 255.0, 1e-12);
    EXPECT_NEAR(red->rgb.g, 0, 1e-12);
    EXPECT_NEAR(red->rgb.b, 18 / 255.0, 1e-12);
    EXPECT_EQ(red->alpha, 1);
    auto translucent = parse_hex_color("#00000080", &why);
    ASSERT_TRUE(translucent);
    EXPECT_NEAR(translucent->alpha, 128 / 255.0, 1e-12);
    auto short_form = parse_hex_color("#fff", &why);
    ASSERT_TRUE(short_form);
    EXPECT_EQ(short_form->rgb.g, 1);
}

TEST(Color, BadHexIsRejected) {
    std::string why;
    EXPECT_FALSE(parse_hex_color("e60012", &why));
    EXPECT_FALSE(parse_hex_color("#e6001", &why));
    EXPECT_FALSE(parse_hex_color("#gg0012", &why));
    EXPECT_NE(why.find("is not a colour"), std::string::npos);
}

TEST(Color, CmykKeepsItsValuesAndHasADisplayRgb) {
    Color black = Color::from_cmyk(0, 0, 0, 100);
    EXPECT_EQ(black.space, Color::Space::Cmyk);
    EXPECT_EQ(black.cmyk[3], 100);
    EXPECT_EQ(black.rgb.r, 0);
    Color cyan = Color::from_cmyk(100, 0, 0, 0);
    EXPECT_EQ(cyan.rgb.r, 0);
    EXPECT_EQ(cyan.rgb.g, 1);
    EXPECT_EQ(cyan.rgb.b, 1);
}

}  // namespace
}  // namespace koho
