// Issue 4 style keys: start_indent, horizontal_scale, baseline_shift,
// underline, outline, list, keep_with_next, orphans, widows,
// last_line_min_chars — values, inheritance and located errors.
#include "core/units.h"
#include "test_support.h"

namespace koho::model {
namespace {

using testing::error_of;
using testing::load;

// Styles on line 3, as in style_test.cpp.
std::string frameless_with_styles(const std::string& styles) {
    return "{\"type\": \"print\", \"page\": {\"size\": \"A4\"},\n\"colors\": {\"red\": \"#e60012\"},\n"
           "\"styles\": {" + styles + "},\n\"pages\": [{\"frames\": []}]}";
}

TEST(StyleKeys, EveryNewKeyResolves) {
    Document doc = load(frameless_with_styles(
        R"("body": {"size": "10pt", "start_indent": "2em", "horizontal_scale": "90%", "baseline_shift": "-0.5em",
           "underline": {"color": "red", "width": "1pt", "offset": "0.2em"}, "outline": {"color": "#ffffff", "width": "2pt"},
           "keep_with_next": true, "orphans": 2, "widows": 3, "last_line_min_chars": 2})"));
    const Style& s = doc.styles.at("body");
    EXPECT_DOUBLE_EQ(s.start_indent_pt, 20);
    EXPECT_DOUBLE_EQ(s.horizontal_scale, 0.9);
    EXPECT_DOUBLE_EQ(s.baseline_shift_pt, -5);
    ASSERT_TRUE(s.underline);
    EXPECT_EQ(s.underline->color, *parse_hex_color("#e60012", nullptr));
    EXPECT_DOUBLE_EQ(s.underline->width_pt, 1);
    EXPECT_DOUBLE_EQ(s.underline->offset_pt, 2);
    ASSERT_TRUE(s.outline);
    EXPECT_EQ(s.outline->color, *parse_hex_color("#ffffff", nullptr));
    EXPECT_DOUBLE_EQ(s.outline->width_pt, 2);
    EXPECT_TRUE(s.keep_with_next);
    EXPECT_EQ(s.orphans, 2);
    EXPECT_EQ(s.widows, 3);
    EXPECT_EQ(s.last_line_min_chars, 2);
    EXPECT_EQ(s.list.kind, ListKind::None);
}

TEST(StyleKeys, DefaultsAndUnderlineTrue) {
    Document doc = load(frameless_with_styles(R"("plain": {}, "u": {"underline": true})"));
    const Style& plain = doc.styles.at("plain");
    EXPECT_DOUBLE_EQ(plain.start_indent_pt, 0);
    EXPECT_DOUBLE_EQ(plain.horizontal_scale, 1);
    EXPECT_FALSE(plain.underline);
    EXPECT_FALSE(plain.outline);
    EXPECT_FALSE(plain.keep_with_next);
    EXPECT_EQ(plain.orphans, 1);
    EXPECT_EQ(plain.widows, 1);
    EXPECT_EQ(plain.last_line_min_chars, 1);
    const Style& u = doc.styles.at("u");
    ASSERT_TRUE(u.underline);
    EXPECT_FALSE(u.underline->color);
    EXPECT_DOUBLE_EQ(u.underline->width_pt, 0);
}

TEST(StyleKeys, InheritedThroughBasedOnWithEmOfTheOwnSize) {
    Document doc = load(frameless_with_styles(
        R"("base": {"size": "10pt", "start_indent": "1em", "baseline_shift": "0.1em", "horizontal_scale": "80%",
                    "outline": {"width": "0.1em"}, "keep_with_next": true, "widows": 2},
           "big": {"based_on": "base", "size": "20pt"})"));
    const Style& big = doc.styles.at("big");
    EXPECT_DOUBLE_EQ(big.start_indent_pt, 20);
    EXPECT_DOUBLE_EQ(big.baseline_shift_pt, 2);
    EXPECT_DOUBLE_EQ(big.horizontal_scale, 0.8);
    ASSERT_TRUE(big.outline);
    EXPECT_DOUBLE_EQ(big.outline->width_pt, 2);
    // An outline without a colour is white (the default, in 0..1 like every colour).
    EXPECT_EQ(big.outline->color, *parse_hex_color("#ffffff", nullptr));
    EXPECT_TRUE(big.keep_with_next);
    EXPECT_EQ(big.widows, 2);
}

TEST(StyleKeys, ListsBulletAndNumberWithDefaults) {
    Document doc = load(frameless_with_styles(
        R"("bullet": {"size": "10pt", "list": {"marker": "●", "color": "red", "item_gap": "1mm"}},
           "num": {"size": "10pt", "start_indent": "3em", "list": {"numbering": "①", "start": 3, "level": 2, "width": "1.5em"}},
           "sub": {"based_on": "num", "list": {"level": 3}},
           "bul2": {"based_on": "num", "list": {"marker": "・"}})"));
    const ListStyle& b = doc.styles.at("bullet").list;
    EXPECT_EQ(b.kind, ListKind::Bullet);
    EXPECT_EQ(b.bullet, "●");
    EXPECT_DOUBLE_EQ(b.width_pt, 10);  // 1 em for bullets
    EXPECT_NEAR(b.item_gap_pt, kPtPerMm, 1e-9);
    ASSERT_TRUE(b.color);
    EXPECT_EQ(b.level, 1);
    // start_indent below the marker width is raised to it.
    EXPECT_DOUBLE_EQ(doc.styles.at("bullet").start_indent_pt, 10);
    const ListStyle& n = doc.styles.at("num").list;
    EXPECT_EQ(n.kind, ListKind::Number);
    EXPECT_EQ(n.numbering, Numbering::Circled);
    EXPECT_EQ(n.start, 3);
    EXPECT_EQ(n.level, 2);
    EXPECT_DOUBLE_EQ(n.width_pt, 15);
    EXPECT_DOUBLE_EQ(doc.styles.at("num").start_indent_pt, 30);
    // Merged key by key: the sub style changes only the level.
    const ListStyle& sub = doc.styles.at("sub").list;
    EXPECT_EQ(sub.kind, ListKind::Number);
    EXPECT_EQ(sub.numbering, Numbering::Circled);
    EXPECT_EQ(sub.start, 3);
    EXPECT_EQ(sub.level, 3);
    // A marker replaces the inherited numbering (and its start).
    const ListStyle& bul2 = doc.styles.at("bul2").list;
    EXPECT_EQ(bul2.kind, ListKind::Bullet);
    EXPECT_EQ(bul2.bullet, "・");
    EXPECT_EQ(bul2.level, 2);
    Document num_default = load(frameless_with_styles(R"("n": {"size": "12pt", "list": {"numbering": "一、"}})"));
    EXPECT_EQ(num_default.styles.at("n").list.numbering, Numbering::Kanji);
    EXPECT_EQ(num_default.styles.at("n").list.start, 1);
    EXPECT_DOUBLE_EQ(num_default.styles.at("n").list.width_pt, 24);  // 2 em for numbers
}

TEST(StyleKeys, LocatedErrors) {
    EXPECT_EQ(error_of(frameless_with_styles(R"("b": {"start_indent": "-1mm"})")),
              "t.json:3:34: error: \"start_indent\" must not be negative ('-1mm') (at /styles/b/start_indent)");
    EXPECT_EQ(error_of(frameless_with_styles(R"("b": {"horizontal_scale": "30%"})")),
              "t.json:3:38: error: \"horizontal_scale\" must be between 50% and 200%, not '30%' "
              "(at /styles/b/horizontal_scale)");
    EXPECT_EQ(error_of(frameless_with_styles(R"("b": {"baseline_shift": "10%"})")),
              "t.json:3:36: error: \"baseline_shift\": the unit '%' cannot be used here; use mm, pt, px, Q, H or em "
              "(at /styles/b/baseline_shift)");
    EXPECT_EQ(error_of(frameless_with_styles(R"("b": {"underline": false})")),
              "t.json:3:31: error: \"underline\" is true or an object {\"color\", \"width\", \"offset\"}; leave it "
              "out for no underline (at /styles/b/underline)");
    EXPECT_EQ(error_of(frameless_with_styles(R"("b": {"underline": {"colour": "red"}})")),
              "t.json:3:32: error: unknown key 'colour' in \"underline\" of style 'b'; did you mean 'color'? "
              "(at /styles/b/underline/colour)");
    EXPECT_EQ(error_of(frameless_with_styles(R"("b": {"outline": {"color": "red"}})")),
              "t.json:3:29: error: \"outline\" of style 'b' needs \"width\" (at /styles/b/outline)");
    EXPECT_EQ(error_of(frameless_with_styles(R"("b": {"keep_with_next": "yes"})")),
              "t.json:3:36: error: \"keep_with_next\" must be true or false, not a string (at /styles/b/keep_with_next)");
    EXPECT_EQ(error_of(frameless_with_styles(R"("b": {"orphans": 0})")),
              "t.json:3:29: error: \"orphans\" must be between 1 and 10, not 0 (at /styles/b/orphans)");
    EXPECT_EQ(error_of(frameless_with_styles(R"("b": {"widows": 11})")),
              "t.json:3:28: error: \"widows\" must be between 1 and 10, not 11 (at /styles/b/widows)");
    EXPECT_EQ(error_of(frameless_with_styles(R"("b": {"last_line_min_chars": 1.5})")),
              "t.json:3:41: error: \"last_line_min_chars\" must be a whole number, not a number "
              "(at /styles/b/last_line_min_chars)");
}

TEST(StyleKeys, ListErrors) {
    EXPECT_EQ(error_of(frameless_with_styles(R"("b": {"list": {"marker": "・", "numbering": "1."}})")),
              "t.json:3:42: error: \"list\" takes \"marker\" (a bullet) or \"numbering\", not both "
              "(at /styles/b/list/numbering)");
    EXPECT_EQ(error_of(frameless_with_styles(R"("b": {"list": {"level": 2}})")),
              "t.json:3:26: error: \"list\" of style 'b' needs \"marker\" (a bullet such as \"・\") or \"numbering\" "
              "(\"1.\", \"①\", \"(1)\" or \"一、\") (at /styles/b/list)");
    EXPECT_EQ(error_of(frameless_with_styles(R"X("b": {"list": {"numbering": "1)"}})X")),
              "t.json:3:40: error: unknown numbering '1)'; use 1., ①, (1) or 一、; did you mean '(1)'? (at /styles/b/list/numbering)");
    EXPECT_EQ(error_of(frameless_with_styles(R"("b": {"list": {"marker": ""}})")),
              "t.json:3:37: error: \"marker\" must not be empty (at /styles/b/list/marker)");
    EXPECT_EQ(error_of(frameless_with_styles(R"("b": {"list": {"marker": "・", "start": 2}})")),
              "t.json:3:42: error: \"start\" applies to numbered lists (\"numbering\"), not to bullets "
              "(at /styles/b/list/start)");
    EXPECT_EQ(error_of(frameless_with_styles(R"("b": {"list": {"numbering": "1.", "level": 7}})")),
              "t.json:3:55: error: \"level\" must be between 1 and 6, not 7 (at /styles/b/list/level)");
    EXPECT_EQ(error_of(frameless_with_styles(R"("b": {"list": {"numbering": "1.", "widht": "2em"}})")),
              "t.json:3:46: error: unknown key 'widht' in \"list\" of style 'b'; did you mean 'width'? "
              "(at /styles/b/list/widht)");
    EXPECT_EQ(error_of(frameless_with_styles(R"("b": {"list": {"marker": "・", "item_gap": "-1mm"}})")),
              "t.json:3:54: error: \"item_gap\" of \"list\" must not be negative ('-1mm') (at /styles/b/list/item_gap)");
}

TEST(StyleKeys, MoreListErrors) {
    EXPECT_EQ(error_of(frameless_with_styles(R"("b": {"list": {"marker": "・", "width": "0mm"}})")),
              "t.json:3:51: error: \"width\" of \"list\" must be greater than zero, not '0mm' (at /styles/b/list/width)");
    EXPECT_EQ(error_of(frameless_with_styles(R"("b": {"list": {"marker": "・", "color": "blue"}})")),
              "t.json:3:51: error: \"color\" of \"list\": unknown colour 'blue' (not in \"colors\" nor built in; "
              "write \"#rrggbb\" or {\"cmyk\": [...]}) (at /styles/b/list/color)");
    EXPECT_EQ(error_of(frameless_with_styles(R"("b": {"list": {"numbering": "1.", "start": 0}})")),
              "t.json:3:55: error: \"start\" must be between 1 and 9999, not 0 (at /styles/b/list/start)");
    EXPECT_EQ(error_of(frameless_with_styles(R"("b": {"list": "・"})")),
              "t.json:3:26: error: \"list\" must be an object, not a string (at /styles/b/list)");
    // A style based on a bulleted one that adds "start" is still a bullet.
    EXPECT_EQ(error_of(frameless_with_styles(
                  R"("a": {"list": {"marker": "・"}}, "b": {"based_on": "a", "list": {"start": 3}})")),
              "t.json:3:76: error: \"start\" applies to numbered lists (\"numbering\"), not to bullets "
              "(at /styles/b/list/start)");
}

}  // namespace
}  // namespace koho::model
