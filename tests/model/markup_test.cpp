#include "model/markup.h"

#include <gtest/gtest.h>

namespace koho::model {
namespace {

const std::map<std::string, std::string> kVars = {{"site_url", "https://example.jp"}, {"name", "**千葉**"}};

struct Parsed {
    JsonSource source;
    std::vector<std::vector<Span>> paragraphs;
};

// Parses `text` as it would be read from {"t": "..."} (line 1, the string's
// quote at column 7).
std::vector<std::vector<Span>> parse(const std::string& text, bool late = true) {
    nlohmann::json wrapper = {{"t", text}};
    JsonSource source = JsonSource::parse(wrapper.dump(), "m.json");
    return parse_markup(text, MarkupContext{&kVars, late}, source, "/t");
}

std::string markup_error_of(const std::string& text, bool late = true) {
    try {
        parse(text, late);
    } catch (const Error& error) {
        return error.what();
    }
    return "no error";
}

TEST(Markup, PlainTextIsOneSpan) {
    auto p = parse("子どもの未来を、千葉で。");
    ASSERT_EQ(p.size(), 1u);
    ASSERT_EQ(p[0].size(), 1u);
    EXPECT_EQ(p[0][0].text, "子どもの未来を、千葉で。");
    EXPECT_FALSE(p[0][0].strong);
}

TEST(Markup, GroupAndMonoRuby) {
    auto p = parse("選ばれる{児童相談所|じどうそうだんじょ}へ{児|じ}{童|どう}");
    ASSERT_EQ(p[0].size(), 5u);
    EXPECT_EQ(p[0][0].text, "選ばれる");
    EXPECT_EQ(p[0][1].text, "児童相談所");
    EXPECT_EQ(p[0][1].ruby, "じどうそうだんじょ");
    EXPECT_FALSE(p[0][1].mono_ruby);
    EXPECT_EQ(p[0][2].text, "へ");
    EXPECT_EQ(p[0][3].text, "児");
    EXPECT_EQ(p[0][3].ruby, "じ");
    EXPECT_TRUE(p[0][3].mono_ruby);
    EXPECT_TRUE(p[0][4].mono_ruby);
    // A variation selector belongs to its base character: still mono ruby.
    EXPECT_TRUE(parse("{葛\xF3\xA0\x84\x80|かつ}")[0][0].mono_ruby);
}

TEST(Markup, StrongAndBoutenNestWithRuby) {
    auto p = parse("ぜひ**{一緒|いっしょ}に**《《働き》》ましょう");
    ASSERT_EQ(p[0].size(), 5u);
    EXPECT_TRUE(p[0][1].strong);
    EXPECT_EQ(p[0][1].ruby, "いっしょ");
    EXPECT_TRUE(p[0][2].strong);
    EXPECT_EQ(p[0][2].text, "に");
    EXPECT_TRUE(p[0][3].bouten);
    EXPECT_FALSE(p[0][3].strong);
    EXPECT_EQ(p[0][4].text, "ましょう");
    EXPECT_FALSE(p[0][4].bouten);
}

TEST(Markup, NewlinesEndParagraphs) {
    auto p = parse("一\n\n二\n");
    ASSERT_EQ(p.size(), 3u);  // the empty middle paragraph is a blank line
    EXPECT_EQ(p[0][0].text, "一");
    EXPECT_TRUE(p[1].empty());
    EXPECT_EQ(p[2][0].text, "二");
}

TEST(Markup, VariablesAreSubstitutedAsLiteralText) {
    auto p = parse("詳しくは{{site_url}}へ。{{name}}");
    ASSERT_EQ(p[0].size(), 1u);
    EXPECT_EQ(p[0][0].text, "詳しくはhttps://example.jpへ。**千葉**");
}

TEST(Markup, LateVariablesStayAsSpans) {
    auto p = parse("**{{page}}** / {{pages}}");
    ASSERT_EQ(p[0].size(), 3u);
    EXPECT_EQ(p[0][0].late_variable, "page");
    EXPECT_TRUE(p[0][0].strong);
    EXPECT_TRUE(p[0][0].text.empty());
    EXPECT_EQ(p[0][1].text, " / ");
    EXPECT_EQ(p[0][2].late_variable, "pages");
    EXPECT_EQ(markup_error_of("{{page}}", false),
              "m.json:1:7: error: {{page}} is known only when pages are composed and cannot be used here (at /t)");
}

TEST(Markup, BackslashEscapesMarkup) {
    auto p = parse("\\{not ruby\\} \\*\\* \\\\");
    ASSERT_EQ(p[0].size(), 1u);
    EXPECT_EQ(p[0][0].text, "{not ruby} ** \\");
}

TEST(Markup, UnbalancedMarkupIsLocatedAtTheCharacter) {
    EXPECT_EQ(markup_error_of("ab**cd"),
              "m.json:1:9: error: '**' (strong) is not closed before the end of the paragraph (at /t)");
    EXPECT_EQ(markup_error_of("ab**c\nd**"),
              "m.json:1:9: error: '**' (strong) is not closed before the end of the paragraph (at /t)");
    EXPECT_EQ(markup_error_of("《《大切"),
              "m.json:1:7: error: '《《' (emphasis dots) is not closed before the end of the paragraph (at /t)");
    EXPECT_EQ(markup_error_of("大切》》"), "m.json:1:9: error: '》》' without a matching '《《' (at /t)");
    EXPECT_EQ(markup_error_of("《《a《《b》》》》"),
              "m.json:1:10: error: '《《' inside emphasis dots that are already open (at /t)");
    EXPECT_EQ(markup_error_of("{児童"), "m.json:1:7: error: '{' (ruby) without a matching '}' (at /t)");
    EXPECT_EQ(markup_error_of("a}"), "m.json:1:8: error: '}' without a matching '{' (at /t)");
    EXPECT_EQ(markup_error_of("{児童}"),
              "m.json:1:7: error: ruby needs '|' between base and reading: {base|reading}; write \\{ for a "
              "literal brace (at /t)");
    EXPECT_EQ(markup_error_of("{|じ}"), "m.json:1:7: error: ruby with an empty base: {base|reading} (at /t)");
    EXPECT_EQ(markup_error_of("{児|}"), "m.json:1:9: error: ruby with an empty reading: {base|reading} (at /t)");
    EXPECT_EQ(markup_error_of("{a{b|c}|d}"), "m.json:1:9: error: '{' inside ruby; ruby cannot be nested (at /t)");
    EXPECT_EQ(markup_error_of("x\\n{{site_url}"), "m.json:1:11: error: '{{' without a matching '}}' (at /t)");
}

TEST(Markup, DoubleBracketsMarkATateChuYokoRun) {
    auto p = parse("平成[[31]]年**[[!?]]**と[[AB]]\\[\\[x\\]\\]");
    ASSERT_EQ(p[0].size(), 7u);
    EXPECT_EQ(p[0][0].text, "平成");
    EXPECT_FALSE(p[0][0].tcy);
    EXPECT_EQ(p[0][1].text, "31");
    EXPECT_TRUE(p[0][1].tcy);
    EXPECT_FALSE(p[0][2].tcy);
    EXPECT_EQ(p[0][3].text, "!?");
    EXPECT_TRUE(p[0][3].tcy);
    EXPECT_TRUE(p[0][3].strong);
    EXPECT_EQ(p[0][5].text, "AB");
    EXPECT_TRUE(p[0][5].tcy);
    // A backslash keeps brackets literal.
    EXPECT_EQ(p[0][6].text, "[[x]]");
    EXPECT_FALSE(p[0][6].tcy);
    auto q = parse("\\[\\[12\\]]");
    EXPECT_EQ(q[0][0].text, "[[12]]");
    EXPECT_FALSE(q[0][0].tcy);
    // Ordinary single brackets stay text; a late variable may be the whole run.
    auto r = parse("[注] [[{{page}}]]");
    EXPECT_EQ(r[0][0].text, "[注] ");
    EXPECT_EQ(r[0][1].late_variable, "page");
    EXPECT_TRUE(r[0][1].tcy);
}

TEST(Markup, UnbalancedTateChuYokoIsLocated) {
    EXPECT_EQ(markup_error_of("ab[[12"),
              "m.json:1:9: error: '[[' (tate-chu-yoko) is not closed before the end of the paragraph (at /t)");
    EXPECT_EQ(markup_error_of("[[1\n2]]"),
              "m.json:1:7: error: '[[' (tate-chu-yoko) is not closed before the end of the paragraph (at /t)");
    EXPECT_EQ(markup_error_of("12]]"), "m.json:1:9: error: ']]' without a matching '[[' (at /t)");
    EXPECT_EQ(markup_error_of("[[1[[2]]]]"),
              "m.json:1:10: error: '[[' inside a tate-chu-yoko run that is already open (at /t)");
    EXPECT_EQ(markup_error_of("a[[]]"), "m.json:1:8: error: empty tate-chu-yoko run '[[]]' (at /t)");
    EXPECT_EQ(markup_error_of("[[{a|b}]]"),
              "m.json:1:9: error: ruby cannot be inside a tate-chu-yoko run '[[…]]' (at /t)");
    EXPECT_EQ(markup_error_of("[[1**2**]]"),
              "m.json:1:7: error: a tate-chu-yoko run '[[…]]' must have one look: '**', '《《' or a late variable "
              "cannot split it (put them around the run) (at /t)");
}

TEST(Markup, UnknownVariablesSuggestAName) {
    EXPECT_EQ(markup_error_of("URL: {{site_ulr}}"),
              "m.json:1:12: error: unknown variable '{{site_ulr}}'; did you mean 'site_url'? (at /t)");
    EXPECT_EQ(markup_error_of("{{pgae}}"),
              "m.json:1:7: error: unknown variable '{{pgae}}'; did you mean 'page'? (at /t)");
    EXPECT_EQ(markup_error_of("{{}}"), "m.json:1:7: error: empty variable name '{{}}' (at /t)");
}

TEST(Markup, QrDataTakesVariablesOnly) {
    JsonSource source = JsonSource::parse(R"({"d": "{{site_url}}?from=qr"})", "m.json");
    EXPECT_EQ(substitute_variables("{{site_url}}?from=qr", kVars, source, "/d"), "https://example.jp?from=qr");
    try {
        substitute_variables("{{page}}", kVars, source, "/d");
        FAIL();
    } catch (const Error& error) {
        EXPECT_EQ(std::string(error.what()),
                  "m.json:1:8: error: {{page}} is known only when pages are composed and cannot be used here (at /d)");
    }
}

TEST(Markup, LateVariablesAreSubstitutedAtCompose) {
    Story story;
    Paragraph paragraph;
    paragraph.spans = parse("- {{page}} / {{pages}} -")[0];
    paragraph.loc = SourceLoc{"m.json", 3, 4, "/masters/inner/frames/0/text"};
    story.paragraphs.push_back(paragraph);
    Story done = substitute_late_variables(story, {{"page", "3"}, {"pages", "8"}});
    std::string text;
    for (const auto& span : done.paragraphs[0].spans) {
        EXPECT_TRUE(span.late_variable.empty());
        text += span.text;
    }
    EXPECT_EQ(text, "- 3 / 8 -");
    try {
        substitute_late_variables(story, {{"page", "3"}});
        FAIL();
    } catch (const Error& error) {
        EXPECT_EQ(std::string(error.what()),
                  "m.json:3:4: error: {{pages}} has no value here (at /masters/inner/frames/0/text)");
    }
}

}  // namespace
}  // namespace koho::model
