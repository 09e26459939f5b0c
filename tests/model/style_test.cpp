// Styles: every key resolved, based_on inheritance, cycles, colours, fonts.
#include "core/units.h"
#include "test_support.h"

namespace koho::model {
namespace {

using testing::error_of;
using testing::load;

// Styles written on line 3 of a small layout, with a text frame using `use`.
std::string with_styles(const std::string& styles, const std::string& use = "body",
                        const std::string& colors = R"({"chiba_red": "#e60012", "ink": {"cmyk": [0, 0, 0, 100]}})") {
    return "{\"type\": \"print\", \"page\": {\"size\": \"A4\"}, \"fonts\": {\"gothic\": \"Noto Sans CJK JP\", "
           "\"mincho\": \"Noto Serif CJK JP\"},\n\"colors\": " + colors + ",\n\"styles\": {" + styles +
           "},\n\"pages\": [{\"frames\": [{\"type\": \"text\", \"x\": \"0mm\", \"y\": \"0mm\", \"w\": \"50mm\", "
           "\"h\": \"50mm\", \"style\": \"" + use + "\", \"text\": \"本文\"}]}]}";
}

TEST(Style, EveryKeyResolves) {
    Document doc = load(with_styles(
        R"("body": {"font": "mincho", "weight": 500, "size": "13Q", "leading": "22H", "align": "justify",
           "align_last": "center", "indent": "1em", "color": "#231815", "kinsoku": "loose", "hanging": false,
           "space_before": "2mm", "space_after": "0.5em", "tracking": "-0.05em",
           "strong": {"font": "gothic", "weight": "bold", "color": "chiba_red"}, "tcy_digits": 3})"));
    const Style& s = doc.styles.at("body");
    EXPECT_EQ(s.font_family, "Noto Serif CJK JP");
    EXPECT_EQ(s.weight, 500);
    EXPECT_NEAR(s.size_pt, 13 * kPtPerQ, 1e-9);
    EXPECT_NEAR(s.leading_pt, 22 * kPtPerQ, 1e-9);
    EXPECT_EQ(s.align, Align::Justify);
    EXPECT_EQ(s.last_line_align, Align::Center);
    EXPECT_DOUBLE_EQ(s.indent_em, 1);
    EXPECT_EQ(s.color, *parse_hex_color("#231815", nullptr));
    EXPECT_EQ(s.kinsoku, Kinsoku::Loose);
    EXPECT_FALSE(s.hanging);
    EXPECT_NEAR(s.space_before_pt, 2 * kPtPerMm, 1e-9);
    EXPECT_NEAR(s.space_after_pt, 0.5 * s.size_pt, 1e-9);
    EXPECT_NEAR(s.tracking_em, -0.05, 1e-12);
    EXPECT_EQ(s.strong_font_family, "Noto Sans CJK JP");
    EXPECT_EQ(s.strong_weight, 700);
    ASSERT_TRUE(s.strong_color);
    EXPECT_EQ(*s.strong_color, *parse_hex_color("#e60012", nullptr));
    EXPECT_EQ(s.tcy_max_digits, 3);
    EXPECT_EQ(s.font_loc.pointer, "/styles/body/font");
    // Both families the style names are used.
    EXPECT_EQ(doc.families_used.size(), 2u);
    EXPECT_EQ(doc.families_used.at("Noto Serif CJK JP").pointer, "/styles/body/font");
    EXPECT_EQ(doc.families_used.at("Noto Sans CJK JP").pointer, "/styles/body/strong/font");
}

TEST(Style, DefaultsAndUnaliasedFamily) {
    Document doc = load(with_styles(R"("body": {"font": "IPAexMincho"}, "bare": {})"));
    EXPECT_EQ(doc.styles.at("body").font_family, "IPAexMincho");  // not an alias: a family name
    const Style& bare = doc.styles.at("bare");
    EXPECT_EQ(bare.font_family, "Noto Sans CJK JP");
    EXPECT_DOUBLE_EQ(bare.size_pt, 10);
    EXPECT_EQ(bare.weight, 400);
    EXPECT_DOUBLE_EQ(bare.effective_leading_pt(), 17.5);
    // Only styles that frames use count.
    EXPECT_EQ(doc.families_used.count("Noto Sans CJK JP"), 0u);
    EXPECT_EQ(doc.families_used.count("IPAexMincho"), 1u);
}

TEST(Style, BasedOnInheritsAndEmFollowsTheOwnSize) {
    Document doc = load(with_styles(
        R"("body": {"font": "mincho", "size": "10pt", "leading": "1.5em", "color": "ink", "indent": "1em"},
           "lead": {"based_on": "body", "font": "gothic", "size": "2em", "strong": {"color": "#ff0000"}},
           "small": {"based_on": "lead", "size": "50%", "leading": "12pt"})",
        "small"));
    const Style& lead = doc.styles.at("lead");
    EXPECT_EQ(lead.font_family, "Noto Sans CJK JP");
    EXPECT_DOUBLE_EQ(lead.size_pt, 20);      // 2em of the base's 10pt
    EXPECT_DOUBLE_EQ(lead.leading_pt, 30);   // inherited 1.5em, of lead's own size
    EXPECT_EQ(lead.color, Color::from_cmyk(0, 0, 0, 100));
    EXPECT_DOUBLE_EQ(lead.indent_em, 1);
    const Style& small = doc.styles.at("small");
    EXPECT_DOUBLE_EQ(small.size_pt, 10);     // 50% of lead
    EXPECT_DOUBLE_EQ(small.leading_pt, 12);
    ASSERT_TRUE(small.strong_color);         // strong merged down the chain
    EXPECT_EQ(small.strong_font_family, "");
}

TEST(Style, CyclesAreNamed) {
    EXPECT_EQ(error_of(with_styles(R"("a": {"based_on": "b"}, "b": {"based_on": "c"}, "c": {"based_on": "a"})", "a")),
              "t.json:3:78: error: styles are based on each other in a cycle: 'a' → 'b' → 'c' → 'a' "
              "(at /styles/c/based_on)");
    EXPECT_EQ(error_of(with_styles(R"("body": {"based_on": "body"})")),
              "t.json:3:33: error: styles are based on each other in a cycle: 'body' → 'body' "
              "(at /styles/body/based_on)");
}

TEST(Style, Errors) {
    EXPECT_EQ(error_of(with_styles(R"("body": {"size": "10pt"}, "lead": {"based_on": "bdy"})")),
              "t.json:3:59: error: style 'lead' is based on unknown style 'bdy'; did you mean 'body'? "
              "(at /styles/lead/based_on)");
    EXPECT_EQ(error_of(with_styles(R"("body": {"sise": "10pt"})")),
              "t.json:3:21: error: unknown key 'sise' in style 'body'; did you mean 'size'? (at /styles/body/sise)");
    EXPECT_EQ(error_of(with_styles(R"("body": {"size": 12})")),
              "t.json:3:29: error: \"size\" is a bare number (12); lengths need a unit, e.g. \"12mm\" (units: mm, "
              "pt, px, Q, H, em or %) (at /styles/body/size)");
    EXPECT_EQ(error_of(with_styles(R"("body": {"size": "0Q"})")),
              "t.json:3:29: error: \"size\" must be greater than zero, not '0Q' (at /styles/body/size)");
    EXPECT_EQ(error_of(with_styles(R"("body": {"size": "1e2pt"})")),
              "t.json:3:29: error: \"size\": '1e2pt' is not a length; write a decimal number and a unit, e.g. "
              "\"12.5mm\" (at /styles/body/size)");
    EXPECT_EQ(error_of(with_styles(R"("body": {"weight": 950})")),
              "t.json:3:31: error: \"weight\" must be between 100 and 900, not 950 (at /styles/body/weight)");
    EXPECT_EQ(error_of(with_styles(R"("body": {"weight": "heavy"})")),
              "t.json:3:31: error: unknown weight 'heavy'; use normal or bold (at /styles/body/weight)");
    EXPECT_EQ(error_of(with_styles(R"("body": {"align": "centre"})")),
              "t.json:3:30: error: unknown align 'centre'; use start, center, end or justify; did you mean "
              "'center'? (at /styles/body/align)");
    EXPECT_EQ(error_of(with_styles(R"("body": {"hanging": "yes"})")),
              "t.json:3:32: error: \"hanging\" must be true or false, not a string (at /styles/body/hanging)");
    EXPECT_EQ(error_of(with_styles(R"("body": {"indent": "10%"})")),
              "t.json:3:31: error: \"indent\": the unit '%' cannot be used here; use mm, pt, px, Q, H or em "
              "(at /styles/body/indent)");
    EXPECT_EQ(error_of(with_styles(R"("body": {"strong": {"colour": "#fff"}})")),
              "t.json:3:32: error: unknown key 'colour' in \"strong\" of style 'body'; did you mean 'color'? "
              "(at /styles/body/strong/colour)");
    EXPECT_EQ(error_of(with_styles(R"("body": {"tcy_digits": 2.5})")),
              "t.json:3:35: error: \"tcy_digits\" must be a whole number, not a number (at /styles/body/tcy_digits)");
    EXPECT_EQ(error_of(with_styles(R"("body": {"tcy_digits": 18446744073709551615})")),
              "t.json:3:35: error: \"tcy_digits\" must be between 0 and 4, not 18446744073709551615 "
              "(at /styles/body/tcy_digits)");
}

TEST(Colors, HexCmykAndNames) {
    Document doc = load(with_styles(R"("body": {"color": "chiba_red"})"));
    EXPECT_EQ(doc.colors.at("chiba_red"), *parse_hex_color("#e60012", nullptr));
    EXPECT_EQ(doc.colors.at("ink").space, Color::Space::Cmyk);
    EXPECT_DOUBLE_EQ(doc.colors.at("ink").cmyk[3], 100);
    EXPECT_EQ(doc.styles.at("body").color, doc.colors.at("chiba_red"));
    Document alpha = load(with_styles(R"("body": {"color": "#11223380"})"));
    EXPECT_NEAR(alpha.styles.at("body").color.alpha, 128 / 255.0, 1e-12);
}

TEST(Colors, Errors) {
    EXPECT_EQ(error_of(with_styles(R"("body": {"color": "chiba_rd"})")),
              "t.json:3:30: error: \"color\": unknown colour 'chiba_rd'; did you mean 'chiba_red'? "
              "(at /styles/body/color)");
    EXPECT_EQ(error_of(with_styles(R"("body": {"color": "#12345"})")),
              "t.json:3:30: error: \"color\": '#12345' is not a colour; write \"#rrggbb\", \"#rrggbbaa\", "
              "{\"cmyk\": [c, m, y, k]} or a name from \"colors\" (at /styles/body/color)");
    EXPECT_EQ(error_of(with_styles(R"("body": {})", "body", R"({"x": {"cmyk": [0, 120, 0, 0]}})")),
              "t.json:2:30: error: a CMYK percentage must be between 0 and 100, not 120 (at /colors/x/cmyk/1)");
    EXPECT_EQ(error_of(with_styles(R"("body": {})", "body", R"({"x": {"cmyk": [0, 0, 0]}})")),
              "t.json:2:26: error: \"cmyk\" needs four percentages [c, m, y, k], not 3 (at /colors/x/cmyk)");
    EXPECT_EQ(error_of(with_styles(R"("body": {})", "body", R"({"x": "y"})")),
              "t.json:2:17: error: colour 'x': 'y' is not a colour; write \"#rrggbb\", \"#rrggbbaa\" or "
              "{\"cmyk\": [c, m, y, k]} (at /colors/x)");
    EXPECT_EQ(error_of(with_styles(R"("body": {})", "body", R"({"x": {"rgb": [1, 2, 3]}})")),
              "t.json:2:18: error: unknown key 'rgb' in colour 'x' (at /colors/x/rgb)");
}

}  // namespace
}  // namespace koho::model
