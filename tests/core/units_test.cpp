#include "core/units.h"

#include <gtest/gtest.h>

namespace koho {
namespace {

double pt(const char* text, LengthContext context = {}) {
    std::string why;
    auto length = parse_length(text, &why);
    EXPECT_TRUE(length) << why;
    return length ? to_pt(*length, context) : -1;
}

TEST(Units, MillimetresAndPoints) {
    EXPECT_NEAR(pt("25.4mm"), 72.0, 1e-9);
    EXPECT_NEAR(pt("210mm"), 595.2756, 1e-3);
    EXPECT_DOUBLE_EQ(pt("12pt"), 12.0);
    EXPECT_NEAR(pt("-3mm"), -8.50394, 1e-4);
}

TEST(Units, QAndHAreQuarterMillimetres) {
    EXPECT_NEAR(pt("4Q"), pt("1mm"), 1e-12);
    EXPECT_NEAR(pt("22H"), pt("5.5mm"), 1e-12);
    EXPECT_NEAR(pt("13Q"), 9.2126, 1e-3);
}

TEST(Units, RelativeUnitsUseTheirContext) {
    LengthContext context;
    context.em_pt = 9;
    context.percent_base_pt = 200;
    context.px_pt = 1;
    EXPECT_DOUBLE_EQ(pt("1.5em", context), 13.5);
    EXPECT_DOUBLE_EQ(pt("25%", context), 50);
    EXPECT_DOUBLE_EQ(pt("320px", context), 320);
    EXPECT_DOUBLE_EQ(pt("96px"), 72);  // print: CSS pixels
}

TEST(Units, BareNumbersAndUnknownUnitsAreRejectedWithAReason) {
    std::string why;
    EXPECT_FALSE(parse_length("12", &why));
    EXPECT_EQ(why, "'12' has no unit; write it with one of mm, pt, px, Q, H, em, %");
    EXPECT_FALSE(parse_length("12cm", &why));
    EXPECT_NE(why.find("is not a length"), std::string::npos);
    EXPECT_FALSE(parse_length("mm", &why));
    EXPECT_FALSE(parse_length("1,5mm", &why));
    EXPECT_FALSE(parse_length("", &why));
}

TEST(Units, Durations) {
    std::string why;
    EXPECT_DOUBLE_EQ(*parse_duration("2.5s", 30, &why), 2.5);
    EXPECT_DOUBLE_EQ(*parse_duration("500ms", 30, &why), 0.5);
    EXPECT_DOUBLE_EQ(*parse_duration("15f", 30, &why), 0.5);
    EXPECT_FALSE(parse_duration("15", 30, &why));
    EXPECT_FALSE(parse_duration("-1s", 30, &why));
    EXPECT_FALSE(parse_duration("3f", 0, &why));
}

TEST(Units, NumbersAreFormattedWithoutLocaleOrTrailingZeros) {
    EXPECT_EQ(format_number(595.2755905), "595.2756");
    EXPECT_EQ(format_number(8.5), "8.5");
    EXPECT_EQ(format_number(3.0), "3");
    EXPECT_EQ(format_number(-0.00001), "0");
}

}  // namespace
}  // namespace koho
