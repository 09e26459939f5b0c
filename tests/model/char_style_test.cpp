// Character styles: "character_styles" and [[name:text]] in markup.
#include "core/units.h"
#include "model/markup.h"
#include "test_support.h"

namespace koho::model {
namespace {

using testing::error_of;
using testing::load;
using testing::with_frames;

// character_styles on line 2; one text frame on line 5 with `text`.
std::string layout(const std::string& text, const std::string& char_styles =
    R"({"em": {"color": "#e60012", "weight": "bold"}, "big-num": {"size": "24Q", "font": "gothic"}})") {
    return "{\"type\": \"print\", \"page\": {\"size\": \"A4\"}, \"fonts\": {\"gothic\": \"Noto Sans CJK JP\"},\n"
           "\"character_styles\": " + char_styles + ",\n\"styles\": {\"body\": {\"font\": \"Noto Serif CJK JP\"}},\n"
           "\"pages\": [{\"frames\": [\n{\"type\": \"text\", \"x\": \"0mm\", \"y\": \"0mm\", \"w\": \"50mm\", "
           "\"h\": \"50mm\", \"style\": \"body\", \"text\": \"" + text + "\"}\n]}]}";
}

const std::vector<Span>& spans(const Document& doc) {
    return std::get<TextContent>(doc.pages[0].frames[0].content).story.paragraphs.at(0).spans;
}

TEST(CharStyle, EveryKeyResolves) {
    Document doc = load(layout("x", R"({"c": {"font": "gothic", "weight": 900, "size": "24Q", "color": "#ffffff",
        "tracking": "0.1em", "horizontal_scale": "80%", "baseline_shift": "-1pt", "underline": true,
        "outline": {"color": "#000000", "width": "0.1em"}}, "bare": {}})"));
    const CharStyle& c = doc.char_styles.at("c");
    EXPECT_EQ(c.name, "c");
    EXPECT_EQ(c.font_family, "Noto Sans CJK JP");
    EXPECT_EQ(c.font_loc.pointer, "/character_styles/c/font");
    EXPECT_EQ(c.weight, 900);
    ASSERT_TRUE(c.size_pt);
    EXPECT_NEAR(*c.size_pt, 24 * kPtPerQ, 1e-9);
    ASSERT_TRUE(c.color);
    EXPECT_DOUBLE_EQ(*c.tracking_em, 0.1);
    EXPECT_DOUBLE_EQ(*c.horizontal_scale, 0.8);
    EXPECT_DOUBLE_EQ(*c.baseline_shift_pt, -1);
    ASSERT_TRUE(c.underline);
    ASSERT_TRUE(c.outline);
    EXPECT_NEAR(c.outline->width_pt, 2.4 * kPtPerQ, 1e-9);  // em of its own size
    const CharStyle& bare = doc.char_styles.at("bare");
    EXPECT_TRUE(bare.font_family.empty());
    EXPECT_FALSE(bare.weight || bare.size_pt || bare.color || bare.tracking_em || bare.horizontal_scale ||
                 bare.baseline_shift_pt || bare.underline || bare.outline);
}

TEST(CharStyle, MarkupAppliesTheStyle) {
    Document doc = load(layout("受験資格は[[em:**大卒**{程度|ていど}]]です[[12]]、[[big-num:3]]"));
    const auto& s = spans(doc);
    ASSERT_EQ(s.size(), 7u);
    EXPECT_EQ(s[0].text, "受験資格は");
    EXPECT_EQ(s[0].char_style, nullptr);
    EXPECT_EQ(s[1].text, "大卒");
    EXPECT_TRUE(s[1].strong);
    ASSERT_NE(s[1].char_style, nullptr);
    EXPECT_EQ(s[1].char_style->name, "em");
    EXPECT_EQ(s[2].ruby, "ていど");
    EXPECT_EQ(s[2].char_style, s[1].char_style);
    EXPECT_EQ(s[3].text, "です");
    EXPECT_EQ(s[3].char_style, nullptr);
    EXPECT_TRUE(s[4].tcy);  // [[12]] stays tate-chu-yoko
    EXPECT_EQ(s[4].char_style, nullptr);
    EXPECT_EQ(s[6].char_style, &doc.char_styles.at("big-num"));
    EXPECT_FALSE(s[6].tcy);
    // The family a character style names is used.
    EXPECT_EQ(doc.families_used.count("Noto Sans CJK JP"), 1u);
}

TEST(CharStyle, MarkupErrors) {
    EXPECT_EQ(error_of(layout("ab[[emm:x]]")),
              "t.json:5:98: error: unknown character style 'emm'; did you mean 'em'? (at /pages/0/frames/0/text)");
    EXPECT_EQ(error_of(layout("[[em:a[[12]]]]")),
              "t.json:5:100: error: '[[' inside the character style run '[[em:…]]'; character style runs cannot "
              "hold another '[[…]]' (at /pages/0/frames/0/text)");
    EXPECT_EQ(error_of(layout("[[em:]]")),
              "t.json:5:94: error: empty character style run '[[em:]]' (at /pages/0/frames/0/text)");
    EXPECT_EQ(error_of(layout("a[[em:b")),
              "t.json:5:95: error: '[[em:' (character style) is not closed before the end of the paragraph "
              "(at /pages/0/frames/0/text)");
    EXPECT_EQ(error_of(layout("[[x:y]]", "{}")),
              "t.json:5:96: error: unknown character style 'x' (\"character_styles\" defines none) "
              "(at /pages/0/frames/0/text)");
}

TEST(CharStyle, DefinitionErrors) {
    EXPECT_EQ(error_of(layout("x", R"({"c": {"size": "1.2em"}})")),
              "t.json:2:36: error: \"size\": the unit 'em' cannot be used here; use mm, pt, px, Q or H "
              "(at /character_styles/c/size)");
    EXPECT_EQ(error_of(layout("x", R"({"c": {"colour": "#fff"}})")),
              "t.json:2:28: error: unknown key 'colour' in character style 'c'; did you mean 'color'? "
              "(at /character_styles/c/colour)");
    EXPECT_EQ(error_of(layout("x", R"({"c": {"baseline_shift": "0.2em"}})")),
              "t.json:2:46: error: \"baseline_shift\" in em needs a \"size\" in this character style (the "
              "paragraph's size is not known here); use mm, pt, px, Q or H (at /character_styles/c/baseline_shift)");
    EXPECT_EQ(error_of(layout("x", R"({"c": {"tracking": "1pt"}})")),
              "t.json:2:40: error: \"tracking\" of a character style without \"size\" must be in em, e.g. "
              "\"0.05em\" (at /character_styles/c/tracking)");
    EXPECT_EQ(error_of(layout("x", R"({"1c": {}})")),
              "t.json:2:22: error: character style name '1c' cannot be written as [[name:text]]: use letters A-Z "
              "a-z, digits, '_' and '-', starting with a letter or '_' (at /character_styles/1c)");
    EXPECT_EQ(error_of(layout("x", R"({"c": {"horizontal_scale": "250%"}})")),
              "t.json:2:48: error: \"horizontal_scale\" must be between 50% and 200%, not '250%' "
              "(at /character_styles/c/horizontal_scale)");
}

TEST(CharStyle, MoreDefinitionErrors) {
    EXPECT_EQ(error_of(layout("x", R"({"c": {"weight": 1000}})")),
              "t.json:2:38: error: \"weight\" must be between 100 and 900, not 1000 (at /character_styles/c/weight)");
    EXPECT_EQ(error_of(layout("x", R"({"c": {"color": "blue"}})")),
              "t.json:2:37: error: \"color\": unknown colour 'blue' (not in \"colors\" nor built in; write \"#rrggbb\" or "
              "{\"cmyk\": [...]}) (at /character_styles/c/color)");
    EXPECT_EQ(error_of(layout("x", R"({"c": {"underline": {"width": "0.1em"}}})")),
              "t.json:2:51: error: \"width\" of \"underline\" in em needs a \"size\" in this character style (the "
              "paragraph's size is not known here); use mm, pt, px, Q or H (at /character_styles/c/underline/width)");
    EXPECT_EQ(error_of(layout("x", R"({"c": {"outline": {"color": "#fff"}}})")),
              "t.json:2:39: error: \"outline\" of character style 'c' needs \"width\" (at /character_styles/c/outline)");
    EXPECT_EQ(error_of(layout("x", R"({"c": {"font": ""}})")),
              "t.json:2:36: error: \"font\" must not be empty (at /character_styles/c/font)");
    EXPECT_EQ(error_of(layout("x", R"({"c": {"based_on": "d"}})")),
              "t.json:2:28: error: unknown key 'based_on' in character style 'c' (at /character_styles/c/based_on)");
}

TEST(CharStyle, PlainStringMarkupWithoutCharacterStyles) {
    SourceLoc origin{"<--text>", 0, 0, ""};
    auto paragraphs = parse_markup("[[ab]]", MarkupContext{nullptr, false}, origin);
    ASSERT_EQ(paragraphs.at(0).size(), 1u);
    EXPECT_TRUE(paragraphs[0][0].tcy);
}

}  // namespace
}  // namespace koho::model
