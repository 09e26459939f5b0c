// List markers: numeral forms and the counters through a story.
#include "model/list_numbering.h"
#include "test_support.h"

namespace koho::model {
namespace {

TEST(ListNumbering, KanjiNumerals) {
    EXPECT_EQ(kanji_numeral(1), "一");
    EXPECT_EQ(kanji_numeral(9), "九");
    EXPECT_EQ(kanji_numeral(10), "十");
    EXPECT_EQ(kanji_numeral(11), "十一");
    EXPECT_EQ(kanji_numeral(19), "十九");
    EXPECT_EQ(kanji_numeral(20), "二十");
    EXPECT_EQ(kanji_numeral(21), "二十一");
    EXPECT_EQ(kanji_numeral(99), "九十九");
    EXPECT_EQ(kanji_numeral(100), "百");
    EXPECT_EQ(kanji_numeral(101), "百一");
    EXPECT_EQ(kanji_numeral(110), "百十");
    EXPECT_EQ(kanji_numeral(111), "百十一");
    EXPECT_EQ(kanji_numeral(200), "二百");
    EXPECT_EQ(kanji_numeral(305), "三百五");
    EXPECT_EQ(kanji_numeral(1000), "千");
    EXPECT_EQ(kanji_numeral(2026), "二千二十六");
    EXPECT_EQ(kanji_numeral(10000), "一万");
    EXPECT_EQ(kanji_numeral(10010), "一万十");
    EXPECT_EQ(kanji_numeral(123456), "十二万三千四百五十六");
}

TEST(ListNumbering, EveryForm) {
    EXPECT_EQ(format_list_number(Numbering::Decimal, 1), "1.");
    EXPECT_EQ(format_list_number(Numbering::Decimal, 12), "12.");
    EXPECT_EQ(format_list_number(Numbering::Circled, 1), "①");
    EXPECT_EQ(format_list_number(Numbering::Circled, 3), "③");
    EXPECT_EQ(format_list_number(Numbering::Circled, 20), "⑳");
    EXPECT_EQ(format_list_number(Numbering::Circled, 21), "（21）");
    EXPECT_EQ(format_list_number(Numbering::Parenthesised, 2), "（2）");
    EXPECT_EQ(format_list_number(Numbering::Kanji, 3), "三、");
    EXPECT_EQ(format_list_number(Numbering::Kanji, 11), "十一、");
}

Style list_style(ListKind kind, int level, Numbering numbering = Numbering::Decimal, int start = 1) {
    Style s;
    s.list.kind = kind;
    s.list.level = level;
    s.list.numbering = numbering;
    s.list.start = start;
    return s;
}

std::vector<std::string> markers(const Story& story) {
    std::vector<std::string> out;
    for (const auto& p : story.paragraphs) out.push_back(p.marker);
    return out;
}

Story story_of(const std::vector<const Style*>& styles) {
    Story story;
    for (const auto* style : styles) {
        Paragraph p;
        p.style = style;
        story.paragraphs.push_back(p);
    }
    return story;
}

TEST(ListNumbering, CountersNestAndRestart) {
    Style body;
    Style one = list_style(ListKind::Number, 1);
    Style two = list_style(ListKind::Number, 2, Numbering::Circled);
    Style three = list_style(ListKind::Number, 3, Numbering::Kanji, 5);
    Story story = story_of({&one, &two, &two, &three, &three, &one, &two, &two, &one, &three});
    number_lists(story);
    EXPECT_EQ(markers(story), (std::vector<std::string>{"1.", "①", "②", "五、", "六、", "2.", "①", "②", "3.",
                                                        "五、"}));
    for (size_t i = 0; i < story.paragraphs.size(); ++i)
        EXPECT_EQ(story.paragraphs[i].list_continues, i > 0) << i;
}

TEST(ListNumbering, ANonListParagraphEndsTheList) {
    Style body;
    Style num = list_style(ListKind::Number, 1, Numbering::Parenthesised, 3);
    Style bullet = list_style(ListKind::Bullet, 1);
    bullet.list.bullet = "■";
    Story story = story_of({&body, &num, &num, &bullet, &num, &body, &num});
    number_lists(story);
    EXPECT_EQ(markers(story), (std::vector<std::string>{"", "（3）", "（4）", "■", "（5）", "", "（3）"}));
    std::vector<bool> continues;
    for (const auto& p : story.paragraphs) continues.push_back(p.list_continues);
    EXPECT_EQ(continues, (std::vector<bool>{false, false, true, true, true, false, false}));
}

TEST(ListNumbering, StoriesOfFramesAndCellsAreNumberedAtLoad) {
    Document doc = testing::load(testing::with_frames(
        R"({"type": "text", "x": "0mm", "y": "0mm", "w": "80mm", "h": "80mm", "style": "item",
            "content": [{"text": "一\n二"}, {"style": "body", "text": "間"}, {"text": "三"}]},
           {"type": "table", "x": "0mm", "y": "100mm", "w": "80mm", "h": "30mm", "style": "kan",
            "columns": ["1fr"], "rows": [["甲\n乙"], ["丙"]]})",
        R"("body": {"size": "10pt"}, "item": {"list": {"numbering": "1."}}, "kan": {"list": {"numbering": "一、"}})"));
    const auto& text = std::get<TextContent>(doc.pages[0].frames[0].content);
    EXPECT_EQ(markers(text.story), (std::vector<std::string>{"1.", "2.", "", "1."}));
    const auto& table = std::get<TableContent>(doc.pages[0].frames[1].content);
    EXPECT_EQ(markers(table.rows[0].cells[0].story), (std::vector<std::string>{"一、", "二、"}));
    // Each cell is a story of its own.
    EXPECT_EQ(markers(table.rows[1].cells[0].story), (std::vector<std::string>{"一、"}));
}

}  // namespace
}  // namespace koho::model
