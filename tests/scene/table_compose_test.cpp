// Tables through compose_pages with the fake typesetter (every character a
// 10 pt line, 10 pt wide): header rows repeated across a chain, fills,
// borders drawn once per edge, decimal alignment, overset and "allow".
#include <gtest/gtest.h>

#include "compose_errors.h"
#include "fake_setter.h"
#include "core/units.h"
#include "scene/compose_pages.h"
#include "scene/table_layout.h"
#include "table_fixtures.h"

namespace koho::scene {
namespace {

using namespace testing;

// The fake, also remembering the alignment each filled paragraph was set with.
class AlignRecordingSetter : public FakeSetter {
public:
    std::vector<model::Align> aligns;
    text::FrameFill fill(const model::Story& story, text::StoryPosition from,
                         const text::FrameGeometry& frame) override {
        aligns.push_back(story.paragraphs.at(from.paragraph).style->align);
        return FakeSetter::fill(story, from, frame);
    }
};

double mm_pt(double mm) { return mm * kPtPerMm; }

constexpr auto no_images = &testing::images_must_not_load;

struct Fixture {
    model::Style body;
    model::Document document;
    Fixture(size_t pages = 1) {
        body.name = "table-body";
        document.file = "layout.json";
        document.page.trim_w_pt = 300;
        document.page.trim_h_pt = 400;
        document.pages.resize(pages);
    }
};

std::vector<const ShapeItem*> shapes(const PageScene& page, ShapeKind kind) {
    std::vector<const ShapeItem*> found;
    for (const Item& item : page.items)
        if (auto* shape = std::get_if<ShapeItem>(&item.what); shape && shape->kind == kind) found.push_back(shape);
    return found;
}


// A header row "h" | "H" (10 pt) and `body_rows` rows "ab" | "cd" (20 pt).
model::TableContent two_column_table(const model::Style* style, int body_rows) {
    model::TableContent table;
    table.columns = {fixed(50), fraction(1)};
    table.rows.push_back(row(style, {"h", "H"}, true, 11));
    for (int i = 0; i < body_rows; ++i) table.rows.push_back(row(style, {"ab", "cd"}, false, 12 + i));
    return table;
}

TEST(TableCompose, HeaderRowsRepeatInTheNextFrameOfTheChain) {
    Fixture f(2);
    auto table = two_column_table(&f.body, 4);
    table.next = "more";
    f.document.pages[0].frames.push_back(table_frame("exam", {20, 30, 150, 55}, table));
    model::TableContent rest;
    rest.continues_chain = true;
    f.document.pages[1].frames.push_back(table_frame("more", {40, 60, 150, 100}, rest));
    f.document.pages[1].frames.back().opacity = 0.5;
    f.document.chains[{0, 0}] = {{1, 0}};

    FakeSetter setter;
    auto pages = compose_pages(f.document, setter, no_images());
    auto first = texts(pages[0]), second = texts(pages[1]);
    ASSERT_EQ(first.size(), 6u);  // header + 2 body rows, 2 cells each
    ASSERT_EQ(second.size(), 6u);
    // The continuation starts with the header at the frame's top …
    EXPECT_EQ(second[0]->x, 40);
    EXPECT_EQ(second[0]->y, 60);
    EXPECT_EQ(second[0]->text.rules.size(), 1u);  // "h"
    EXPECT_EQ(second[1]->x, 90);                  // column 2 after the 50 pt column
    // … then the rows the first frame had no room for.
    EXPECT_EQ(second[2]->y, 70);
    EXPECT_EQ(second[2]->text.rules.size(), 2u);
    EXPECT_EQ(second[4]->y, 90);
    EXPECT_EQ(first[4]->y, 30 + 10 + 20);
    for (const Item& item : pages[1].items) {
        EXPECT_EQ(item.frame_id, "more");
        EXPECT_EQ(item.opacity, 0.5);
    }
    // Every cell was set once (the layout is reused for both frames).
    EXPECT_EQ(setter.calls.size(), 10u);
}

TEST(TableCompose, FillsCellOverRowOverZebra) {
    Fixture f;
    auto table = two_column_table(&f.body, 4);
    Color header = Color::from_rgb(0, 0, 128), zebra = Color::from_rgb(230, 230, 230),
          own = Color::from_rgb(255, 0, 0);
    table.rows[0].fill = header;  // what model/ makes of "header": {"fill": …}
    table.zebra = zebra;
    table.rows[4].cells[1].fill = own;  // the 4th body row: zebra elsewhere
    f.document.pages[0].frames.push_back(table_frame("exam", {0, 0, 150, 300}, table));

    FakeSetter setter;
    auto pages = compose_pages(f.document, setter, no_images());
    auto fills = shapes(pages[0], ShapeKind::Rects);
    ASSERT_EQ(fills.size(), 3u);
    EXPECT_EQ(*fills[0]->fill, header);
    ASSERT_EQ(fills[0]->rects.size(), 2u);
    EXPECT_EQ(fills[0]->rects[1].x, 50);
    EXPECT_EQ(fills[0]->rects[1].w, 100);
    EXPECT_EQ(fills[0]->rects[1].h, 10);
    EXPECT_EQ(*fills[1]->fill, zebra);
    ASSERT_EQ(fills[1]->rects.size(), 3u);  // body row 2 (both cells), body row 4 (first cell)
    EXPECT_EQ(fills[1]->rects[0].y, 30);
    EXPECT_EQ(fills[1]->rects[2].y, 70);
    EXPECT_EQ(*fills[2]->fill, own);
    ASSERT_EQ(fills[2]->rects.size(), 1u);
    EXPECT_EQ(fills[2]->rects[0].x, 50);
    EXPECT_EQ(fills[2]->rects[0].y, 70);
    // Fills are under the text.
    EXPECT_TRUE(std::holds_alternative<ShapeItem>(pages[0].items.front().what));
}

TEST(TableCompose, HalfTransparentTablePaintsEachFillUnderItsTextInOneItem) {
    Fixture f;
    auto table = two_column_table(&f.body, 2);
    Color header = Color::from_rgb(0, 0, 128);
    table.rows[0].fill = header;
    f.document.pages[0].frames.push_back(table_frame("exam", {0, 0, 150, 300}, table));
    f.document.pages[0].frames.back().opacity = 0.6;
    FakeSetter setter;
    auto pages = compose_pages(f.document, setter, no_images());
    EXPECT_TRUE(shapes(pages[0], ShapeKind::Rects).empty());
    auto cells = texts(pages[0]);
    ASSERT_EQ(cells.size(), 6u);
    ASSERT_TRUE(cells[1]->background);
    EXPECT_EQ(*cells[1]->background, header);
    EXPECT_EQ(cells[1]->background_box.x, 50);
    EXPECT_EQ(cells[1]->background_box.w, 100);
    EXPECT_EQ(cells[1]->background_box.h, 10);
    EXPECT_FALSE(cells[2]->background);
    for (const Item& item : pages[0].items) EXPECT_EQ(item.opacity, 0.6);
}

TEST(TableCompose, EachSharedEdgeIsOneLineAndTheLaterCellWins) {
    Fixture f;
    model::TableContent table;
    table.columns = {fixed(50), fixed(60)};
    table.rows.push_back(row(&f.body, {"a", "b"}, false, 11));
    table.rows.push_back(row(&f.body, {"c", "d"}, false, 12));
    Color black = Color::from_rgb(0, 0, 0), red = Color::from_rgb(255, 0, 0), blue = Color::from_rgb(0, 0, 255);
    for (auto& r : table.rows)
        for (auto& c : r.cells) c.borders = {stroke(black, 1), stroke(black, 1), stroke(black, 1), stroke(black, 1)};
    table.rows[0].cells[0].borders.bottom = stroke(red, 2);  // shared with the top of "c"
    table.rows[1].cells[0].borders.top = stroke(blue, 2);    // later: wins
    f.document.pages[0].frames.push_back(table_frame("grid", {10, 20, 200, 200}, table));

    FakeSetter setter;
    auto pages = compose_pages(f.document, setter, no_images());
    auto lines = shapes(pages[0], ShapeKind::Line);
    // Horizontal: top (one run), middle (blue under "c", black under "d"),
    // bottom; vertical: three edges, each one run over both rows.
    ASSERT_EQ(lines.size(), 7u);
    int blue_lines = 0, red_lines = 0;
    for (const ShapeItem* line : lines) {
        if (line->stroke->color == blue) ++blue_lines;
        if (line->stroke->color == red) ++red_lines;
    }
    EXPECT_EQ(blue_lines, 1);
    EXPECT_EQ(red_lines, 0);
    // The top line runs across both columns and reaches over the 1 pt
    // vertical lines at the corners by half their width.
    const ShapeItem* top = lines[0];
    EXPECT_EQ(top->y1, 20);
    EXPECT_EQ(top->y2, 20);
    EXPECT_EQ(top->x1, 9.5);
    EXPECT_EQ(top->x2, 120.5);
    const ShapeItem* middle_blue = lines[1];
    EXPECT_EQ(middle_blue->stroke->color, blue);
    EXPECT_EQ(middle_blue->y1, 30);
    EXPECT_EQ(middle_blue->x2, 60.5);
    // Vertical lines span both rows in one piece.
    const ShapeItem* left = lines[4];
    EXPECT_EQ(left->x1, 10);
    EXPECT_EQ(left->y1, 20);
    EXPECT_EQ(left->y2, 40);
}

TEST(TableCompose, SpanningCellsCoverTheirColumnsAndRows) {
    Fixture f;
    model::TableContent table;
    table.columns = {fixed(40), fixed(40), fixed(40)};
    model::TableRow first;
    first.cells.push_back(cell(&f.body, "abcde", 0, 1, 2));  // 50 pt over two rows
    first.cells.push_back(cell(&f.body, "x", 1, 2));
    model::TableRow second;
    second.cells.push_back(cell(&f.body, "y", 1));
    second.cells.push_back(cell(&f.body, "z", 2));
    second.cells.back().valign = model::VerticalAlign::End;
    table.rows = {first, second};
    f.document.pages[0].frames.push_back(table_frame("spans", {0, 0, 200, 200}, table));

    FakeSetter setter;
    auto pages = compose_pages(f.document, setter, no_images());
    ASSERT_EQ(setter.calls.size(), 4u);
    EXPECT_EQ(setter.calls[1].frame.width_pt, 80);  // "x" over two columns
    auto cells = texts(pages[0]);
    ASSERT_EQ(cells.size(), 4u);
    // Row 1 is 10 tall; row 2 takes the 40 the spanning cell still needs.
    EXPECT_EQ(cells[0]->y, 0);
    EXPECT_EQ(cells[2]->y, 10 + 15);  // "y" centred in 40
    EXPECT_EQ(cells[3]->y, 10 + 30);  // "z" at the bottom
}

TEST(TableCompose, DecimalCellsLineUpTheirPoints) {
    Fixture f;
    model::TableContent table;
    table.columns = {automatic()};
    for (std::string number : {"12.5", "3.25", "100", "1,234.5"}) {
        table.rows.push_back(row(&f.body, {number}));
        table.rows.back().cells[0].align = model::CellAlign::Decimal;
    }
    f.document.pages[0].frames.push_back(table_frame("money", {0, 0, 200, 300}, table));

    AlignRecordingSetter setter;
    compose_pages(f.document, setter, no_images());
    // Fractions (10 pt a byte in the fake): ".5" 20, ".25" 30, none 0, ".5" 20.
    // Each cell is padded on the right by the widest (30) minus its own and
    // set flush end, so every integer part ends 30 pt before the column's
    // end; the column (auto) is as wide as the widest padded cell, 70 + 10.
    ASSERT_EQ(setter.calls.size(), 4u);
    const double fraction[] = {20, 30, 0, 20};
    for (size_t i = 0; i < 4; ++i) {
        EXPECT_EQ(setter.calls[i].frame.width_pt - fraction[i], 50) << setter.calls[i].text;
        EXPECT_EQ(setter.aligns[i], model::Align::End);
    }
}

TEST(TableCompose, CellAlignmentOverridesTheParagraphStyle) {
    Fixture f;
    model::TableContent table;
    table.columns = {fixed(100), fixed(100)};
    table.rows.push_back(row(&f.body, {"a", "b"}));
    table.rows[0].cells[0].align = model::CellAlign::Center;
    f.document.pages[0].frames.push_back(table_frame("t", {0, 0, 200, 300}, table));
    AlignRecordingSetter setter;
    compose_pages(f.document, setter, no_images());
    ASSERT_EQ(setter.aligns.size(), 2u);
    EXPECT_EQ(setter.aligns[0], model::Align::Center);
    EXPECT_EQ(setter.aligns[1], model::Align::Start);  // the style's own
    EXPECT_EQ(f.body.align, model::Align::Start);      // the document's style is untouched
}

TEST(TableCompose, HeaderCellsOfADecimalColumnKeepTheirStyleAlignment) {
    Fixture f;
    model::TableContent table;
    table.columns = {automatic()};
    table.rows.push_back(row(&f.body, {"rate"}, true));
    table.rows.push_back(row(&f.body, {"1.5"}));
    table.rows.push_back(row(&f.body, {"12"}));
    for (auto& r : table.rows) r.cells[0].align = model::CellAlign::Decimal;  // the column's default
    f.document.pages[0].frames.push_back(table_frame("t", {0, 0, 200, 300}, table));
    AlignRecordingSetter setter;
    compose_pages(f.document, setter, no_images());
    ASSERT_EQ(setter.aligns.size(), 3u);
    EXPECT_EQ(setter.aligns[0], model::Align::Start);
    EXPECT_EQ(setter.aligns[1], model::Align::End);
    // The header is set in the whole column (40), not narrowed for a fraction.
    EXPECT_EQ(setter.calls[0].frame.width_pt, 40);
    EXPECT_EQ(setter.calls[2].frame.width_pt, 40 - 20);
}

TEST(TableCompose, MasterTablesAreDrawnOnEveryPageOfTheMaster) {
    Fixture f(2);
    model::Master& master = f.document.masters["inner"];
    master.name = "inner";
    model::TableContent table;
    table.columns = {fixed(40)};
    table.rows.push_back(row(&f.body, {"x"}));
    table.rows[0].cells[0].story.paragraphs[0].spans[0] = {.text = "", .late_variable = "page"};
    master.frames.push_back(table_frame("index", {5, 5, 40, 40}, table));
    for (auto& page : f.document.pages) page.master = &master;
    FakeSetter setter;
    auto pages = compose_pages(f.document, setter, no_images());
    for (const PageScene& page : pages) {
        ASSERT_EQ(texts(page).size(), 1u);
        EXPECT_EQ(texts(page)[0]->x, 5);
    }
    ASSERT_EQ(setter.calls.size(), 2u);
    EXPECT_EQ(setter.calls[0].text, "1/");  // {{page}} of each page
    EXPECT_EQ(setter.calls[1].text, "2/");

    // Too small on a master page: located overset naming the master.
    master.frames[0].box.h = 5;
    EXPECT_NE(compose_error(f.document).find("did not fit: row 1 is 3.5mm tall but frame 'index' of master 'inner' "
                                             "on page 1 is only 1.8mm high"),
              std::string::npos)
        << compose_error(f.document);
}

TEST(TableDecimal, IntegerPartEndsAtThePointOrAfterTheDigits) {
    EXPECT_EQ(decimal_split_offset("12.5"), 2u);
    EXPECT_EQ(decimal_split_offset("1,234.5"), 5u);
    EXPECT_EQ(decimal_split_offset("100"), 3u);
    EXPECT_EQ(decimal_split_offset("100円"), 3u);
    EXPECT_EQ(decimal_split_offset("約３．５万円"), std::string("約３").size());
    EXPECT_EQ(decimal_split_offset("1, 2"), 1u);  // a comma not followed by a digit ends the number
    EXPECT_EQ(decimal_split_offset("—"), std::string::npos);
}

TEST(TableCompose, RowsLeftAfterTheLastFrameAreOverset) {
    Fixture f;
    f.document.pages[0].frames.push_back(table_frame("exam", {0, 0, 150, 55}, two_column_table(&f.body, 4)));
    EXPECT_EQ(compose_error(f.document),
              "layout.json:10:5: error: overset table: 2 rows did not fit in frame 'exam' on page 1 (give the frame "
              "more room, chain another table frame with \"next\", or set \"overflow\": \"allow\") "
              "(at /pages/0/frames/0)");
}

TEST(TableCompose, OversetAfterAChainNamesWhereTheChainEnds) {
    Fixture f(2);
    f.document.pages[0].frames.push_back(table_frame("exam", {0, 0, 150, 55}, two_column_table(&f.body, 6)));
    model::TableContent rest;
    rest.continues_chain = true;
    f.document.pages[1].frames.push_back(table_frame("exam-2", {0, 0, 150, 35}, rest));
    f.document.chains[{0, 0}] = {{1, 0}};
    EXPECT_EQ(compose_error(f.document),
              "layout.json:10:5: error: overset table: 3 rows did not fit in frame 'exam' on page 1 and the frames "
              "it continues in (the chain ends in frame 'exam-2' on page 2; give the frames more room, chain "
              "another table frame with \"next\", or set \"overflow\": \"allow\") (at /pages/0/frames/0)");
}

TEST(TableCompose, RowTooTallForAnEmptyFrameIsOverset) {
    Fixture f;
    auto table = two_column_table(&f.body, 3);
    table.rows[1].cells[1] = cell(&f.body, "abcdefg", 1);  // 70 pt: never fits under the header in 60
    f.document.pages[0].frames.push_back(table_frame("exam", {0, 0, mm_pt(50), 60}, table));
    std::string error = compose_error(f.document);
    EXPECT_NE(error.find("layout.json:10:5: error: overset table: 3 rows did not fit: row 2 (line 12) is 24.7mm "
                         "tall (28.2mm with the header rows) but frame 'exam' on page 1 is only 21.2mm high, and "
                         "table rows are never split"),
              std::string::npos)
        << error;
}

TEST(TableCompose, AllowDrawsTheRowsThatFitAndDropsTheRest) {
    Fixture f;
    auto table = two_column_table(&f.body, 4);
    table.overflow = model::Overflow::Allow;
    f.document.pages[0].frames.push_back(table_frame("exam", {0, 0, 150, 55}, table));
    FakeSetter setter;
    auto pages = compose_pages(f.document, setter, no_images());
    EXPECT_EQ(texts(pages[0]).size(), 6u);
}

TEST(TableCompose, ColumnsWiderThanTheFrameAreAnErrorAtTheFrame) {
    Fixture f;
    model::TableContent table;
    table.columns = {fixed(100), automatic()};
    table.rows.push_back(row(&f.body, {"a", "abcdefgh"}));
    f.document.pages[0].frames.push_back(table_frame("narrow", {0, 0, 105, 100}, table));
    std::string error = compose_error(f.document);
    EXPECT_EQ(error.rfind("layout.json:10:5: error: table columns need", 0), 0u) << error;
    EXPECT_NE(error.find("frame 'narrow' on page 1 is only 37mm wide"), std::string::npos) << error;
}

}  // namespace
}  // namespace koho::scene
