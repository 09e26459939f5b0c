// Table frames: columns, rows, cells, spans, padding, borders, header,
// alignment, chains.
#include "core/units.h"
#include "test_support.h"

namespace koho::model {
namespace {

using testing::error_of;
using testing::load;
using testing::with_frames;

const std::string kStyles = R"("body": {"size": "10pt", "align": "justify"}, "head": {"size": "10pt", "weight": "bold"})";

std::string table(const std::string& keys) {
    return R"({"id": "t", "type": "table", "x": "10mm", "y": "10mm", "w": "180mm", "h": "100mm")" +
           (keys.empty() ? "" : ", " + keys) + "}";
}

const TableContent& table_of(const Document& doc, size_t frame = 0) {
    return std::get<TableContent>(doc.pages.at(0).frames.at(frame).content);
}

std::string text_of(const TableCell& cell) {
    std::string out;
    for (const auto& p : cell.story.paragraphs)
        for (const auto& s : p.spans) out += s.text;
    return out;
}

TEST(Table, FullSyntax) {
    Document doc = load(with_frames(table(R"X("style": "body",
        "columns": ["30mm", "1fr", {"width": "2.5fr", "align": "end"}, "auto"],
        "padding": ["1mm", "2mm"], "border": {"color": "#000000", "width": "0.25mm"},
        "header_rows": 1, "header": {"fill": "#eeeeee", "style": "head"}, "zebra": "#f5f5f5", "overflow": "allow",
        "rows": [
          ["区分", "受験資格", {"text": "給与", "align": "center"}, ""],
          {"cells": ["児童福祉司", {"text": "大卒", "valign": "start", "fill": "#ffffff", "padding": "3mm",
                     "border": {"top": "none", "left": {"width": "1pt"}}}, "25万円", {"text": "12.5", "align": "decimal"}],
           "fill": "#ffeeee", "min_height": "10mm", "border": {"bottom": {"width": "2pt"}}},
          [{"text": "保育士", "style": "head", "col_span": 2}, "20万円", {}]
        ])X"),
        kStyles));
    const Frame& frame = doc.pages[0].frames[0];
    EXPECT_STREQ(frame.type_name(), "table");
    ASSERT_NE(frame.style, nullptr);
    EXPECT_EQ(frame.style->name, "body");
    const TableContent& t = table_of(doc);
    ASSERT_EQ(t.columns.size(), 4u);
    EXPECT_EQ(t.columns[0].kind, TableColumn::Kind::Fixed);
    EXPECT_NEAR(t.columns[0].value, 30 * kPtPerMm, 1e-9);
    EXPECT_EQ(t.columns[1].kind, TableColumn::Kind::Fraction);
    EXPECT_DOUBLE_EQ(t.columns[1].value, 1);
    EXPECT_EQ(t.columns[2].kind, TableColumn::Kind::Fraction);
    EXPECT_DOUBLE_EQ(t.columns[2].value, 2.5);
    EXPECT_EQ(t.columns[2].align, CellAlign::End);
    EXPECT_EQ(t.columns[3].kind, TableColumn::Kind::Auto);
    ASSERT_TRUE(t.zebra);
    EXPECT_EQ(t.overflow, Overflow::Allow);
    ASSERT_EQ(t.rows.size(), 3u);

    // Header row: header fill and style, cells numbered by column.
    const TableRow& header = t.rows[0];
    EXPECT_TRUE(header.header);
    ASSERT_TRUE(header.fill);
    EXPECT_EQ(*header.fill, *parse_hex_color("#eeeeee", nullptr));
    ASSERT_EQ(header.cells.size(), 4u);
    EXPECT_EQ(text_of(header.cells[0]), "区分");
    EXPECT_EQ(header.cells[0].story.paragraphs[0].style->name, "head");
    EXPECT_TRUE(header.cells[3].story.paragraphs.empty());  // "" is an empty cell
    EXPECT_EQ(header.cells[3].column, 3u);
    // Padding ["1mm", "2mm"]: top/bottom 1mm, right/left 2mm.
    EXPECT_NEAR(header.cells[0].padding_pt[0], kPtPerMm, 1e-9);
    EXPECT_NEAR(header.cells[0].padding_pt[1], 2 * kPtPerMm, 1e-9);
    EXPECT_NEAR(header.cells[0].padding_pt[2], kPtPerMm, 1e-9);
    EXPECT_NEAR(header.cells[0].padding_pt[3], 2 * kPtPerMm, 1e-9);
    ASSERT_TRUE(header.cells[0].borders.top && header.cells[0].borders.left);
    EXPECT_NEAR(header.cells[0].borders.top->width_pt, 0.25 * kPtPerMm, 1e-9);
    EXPECT_EQ(header.cells[0].valign, VerticalAlign::Center);
    // Cell align center over a justified style: a derived style.
    const TableCell& pay = header.cells[2];
    EXPECT_EQ(pay.align, CellAlign::Center);
    const Style* centred = pay.story.paragraphs[0].style;
    EXPECT_EQ(centred->align, Align::Center);
    EXPECT_EQ(centred->weight, 700);  // still the header style otherwise
    // Made once per style and alignment: head centred, body at the end
    // (two cells of the end column share it).
    EXPECT_EQ(doc.derived_styles.size(), 2u);

    const TableRow& body = t.rows[1];
    EXPECT_FALSE(body.header);
    EXPECT_NEAR(body.min_height_pt, 10 * kPtPerMm, 1e-9);
    EXPECT_EQ(body.loc.pointer, "/pages/0/frames/0/rows/1");
    const TableCell& degree = body.cells[1];
    EXPECT_EQ(degree.valign, VerticalAlign::Start);
    ASSERT_TRUE(degree.fill);
    EXPECT_NEAR(degree.padding_pt[3], 3 * kPtPerMm, 1e-9);
    // Borders: table → row → cell, per side.
    EXPECT_FALSE(degree.borders.top);
    ASSERT_TRUE(degree.borders.left && degree.borders.bottom && degree.borders.right);
    EXPECT_DOUBLE_EQ(degree.borders.left->width_pt, 1);
    EXPECT_DOUBLE_EQ(degree.borders.bottom->width_pt, 2);
    EXPECT_NEAR(degree.borders.right->width_pt, 0.25 * kPtPerMm, 1e-9);
    EXPECT_EQ(degree.story.paragraphs[0].style->name, "body");  // Style align: the paragraph style as is
    // Column align end applies to cells without their own.
    EXPECT_EQ(body.cells[2].align, CellAlign::End);
    EXPECT_EQ(body.cells[2].story.paragraphs[0].style->align, Align::End);
    // Decimal stays in the cell; the style is untouched.
    EXPECT_EQ(body.cells[3].align, CellAlign::Decimal);
    EXPECT_EQ(body.cells[3].story.paragraphs[0].style, &doc.styles.at("body"));

    const TableRow& last = t.rows[2];
    ASSERT_EQ(last.cells.size(), 3u);
    EXPECT_EQ(last.cells[0].col_span, 2);
    EXPECT_EQ(last.cells[1].column, 2u);
    EXPECT_EQ(last.cells[2].column, 3u);
    EXPECT_EQ(last.cells[0].story.paragraphs[0].style->name, "head");
}

TEST(Table, RowSpansAndDefaults) {
    Document doc = load(with_frames(table(R"("style": "body", "columns": ["1fr", "1fr", "1fr"],
        "rows": [[{"text": "a", "row_span": 2}, "b", "c"], ["d", "e"], [{"text": "f", "col_span": 3}]])"),
        kStyles));
    const TableContent& t = table_of(doc);
    EXPECT_EQ(t.rows[1].cells[0].column, 1u);
    EXPECT_EQ(t.rows[1].cells[1].column, 2u);
    EXPECT_EQ(t.rows[0].cells[0].row_span, 2);
    // Defaults: padding 1mm, no borders, no header, no zebra.
    const TableCell& c = t.rows[0].cells[1];
    for (double p : c.padding_pt) EXPECT_NEAR(p, kPtPerMm, 1e-9);
    EXPECT_FALSE(c.borders.top || c.borders.right || c.borders.bottom || c.borders.left);
    EXPECT_FALSE(t.rows[0].header);
    EXPECT_FALSE(t.zebra);
    EXPECT_EQ(t.overflow, Overflow::Error);
    EXPECT_TRUE(doc.derived_styles.empty());
}

// Each side keeps the level it was decided at — a "none" too — so scene/
// can let the more specific setting win on a shared edge.
TEST(Table, BorderSidesRecordTheirLevel) {
    Document doc = load(with_frames(table(R"("style": "body", "columns": ["1fr", "1fr"],
        "border": {"width": "1pt"},
        "rows": [
          {"cells": ["a", {"text": "b", "border": {"bottom": "none"}}], "border": {"bottom": {"width": "2pt"}}},
          [{"text": "c", "border": {"width": "3pt"}}, {"text": "d", "border": "none"}],
          {"cells": ["e", "f"], "border": {"left": "none"}}
        ])"),
        kStyles));
    const TableContent& t = table_of(doc);
    using L = BorderLevel;
    // Row 1: the row's bottom over the table default; cell "b" says "none".
    const CellBorders& a = t.rows[0].cells[0].borders;
    EXPECT_EQ(a.top_level, L::Table);
    EXPECT_EQ(a.right_level, L::Table);
    EXPECT_EQ(a.left_level, L::Table);
    EXPECT_EQ(a.bottom_level, L::Row);
    ASSERT_TRUE(a.bottom);
    EXPECT_DOUBLE_EQ(a.bottom->width_pt, 2);
    const CellBorders& b = t.rows[0].cells[1].borders;
    EXPECT_FALSE(b.bottom);
    EXPECT_EQ(b.bottom_level, L::Cell);
    EXPECT_EQ(b.top_level, L::Table);
    // Row 2: a cell's stroke for every side, and "none" for every side.
    const CellBorders& c = t.rows[1].cells[0].borders;
    for (L level : {c.top_level, c.right_level, c.bottom_level, c.left_level}) EXPECT_EQ(level, L::Cell);
    ASSERT_TRUE(c.top);
    EXPECT_DOUBLE_EQ(c.top->width_pt, 3);
    const CellBorders& d = t.rows[1].cells[1].borders;
    EXPECT_FALSE(d.top || d.right || d.bottom || d.left);
    for (L level : {d.top_level, d.right_level, d.bottom_level, d.left_level}) EXPECT_EQ(level, L::Cell);
    // Row 3: a row's "none" is a decision at row level; the rest stay table.
    const CellBorders& e = t.rows[2].cells[0].borders;
    EXPECT_FALSE(e.left);
    EXPECT_EQ(e.left_level, L::Row);
    EXPECT_EQ(e.top_level, L::Table);
    ASSERT_TRUE(e.top);
    EXPECT_DOUBLE_EQ(e.top->width_pt, 1);
}

TEST(Table, GridErrors) {
    const std::string cols = R"("style": "body", "columns": ["1fr", "1fr"], "rows": )";
    EXPECT_EQ(error_of(with_frames(table(cols + R"([["a"]])"), kStyles)),
              "t.json:5:137: error: row 1 covers 1 of the table's 2 columns; every row must cover every column once "
              "(with \"col_span\" and \"row_span\") (at /pages/0/frames/0/rows/0)");
    EXPECT_EQ(error_of(with_frames(table(cols + R"([["a", "b", "c"]])"))),
              "t.json:5:148: error: row 1 has more cells than the table's 2 columns (counting cells that span into "
              "it from rows above) (at /pages/0/frames/0/rows/0/2)");
    EXPECT_EQ(error_of(with_frames(table(cols + R"([["a", {"text": "b", "col_span": 2}]])"))),
              "t.json:5:169: error: \"col_span\" 2 from column 2 runs past the table's 2 columns "
              "(at /pages/0/frames/0/rows/0/1/col_span)");
    EXPECT_EQ(error_of(with_frames(table(cols + R"([["a", {"text": "b", "row_span": 2}]])"))),
              "t.json:5:169: error: \"row_span\" 2 from row 1 runs past the table's last row (1) "
              "(at /pages/0/frames/0/rows/0/1/row_span)");
    EXPECT_EQ(error_of(with_frames(table(cols + R"([[{"text": "a", "row_span": 2}, "b"], ["c", "d"]])"))),
              "t.json:5:180: error: row 2 has more cells than the table's 2 columns (counting cells that span into "
              "it from rows above) (at /pages/0/frames/0/rows/1/1)");
    EXPECT_EQ(error_of(with_frames(table(cols + R"([])"), kStyles)),
              "t.json:5:136: error: \"rows\" needs at least one row (at /pages/0/frames/0/rows)");
}

TEST(Table, KeyErrors) {
    EXPECT_EQ(error_of(with_frames(table(R"("style": "body", "rows": [["a"]])"), kStyles)),
              "t.json:5:1: error: a table frame with \"rows\" needs \"columns\" (at /pages/0/frames/0)");
    EXPECT_EQ(error_of(with_frames(table(R"("style": "body", "columns": ["1fx"], "rows": [["a"]])"), kStyles)),
              "t.json:5:113: error: a column width: '1fx' is not a length; use a number with one of the units mm, "
              "pt, px, Q, H, em, % (at /pages/0/frames/0/columns/0)");
    EXPECT_EQ(error_of(with_frames(table(R"("style": "body", "columns": ["0fr"], "rows": [["a"]])"), kStyles)),
              "t.json:5:113: error: a column's fraction must be greater than zero, not '0fr' "
              "(at /pages/0/frames/0/columns/0)");
    EXPECT_EQ(error_of(with_frames(table(R"("style": "body", "columns": [{"align": "end"}], "rows": [["a"]])"), kStyles)),
              "t.json:5:113: error: a column needs \"width\" (at /pages/0/frames/0/columns/0)");
    EXPECT_EQ(error_of(with_frames(table(R"("columns": ["1fr"], "rows": [["a"]])"), kStyles)),
              "t.json:5:114: error: this cell needs a \"style\" (the table, its row and its header name none) "
              "(at /pages/0/frames/0/rows/0/0)");
    EXPECT_EQ(error_of(with_frames(table(R"("style": "body", "columns": ["1fr"], "padding": ["1mm", "1mm", "1mm"], "rows": [["a"]])"), kStyles)),
              "t.json:5:132: error: \"padding\" takes 1, 2 or 4 lengths (all sides; top and bottom, left and right; "
              "top, right, bottom, left), not 3 (at /pages/0/frames/0/padding)");
    EXPECT_EQ(error_of(with_frames(table(R"("style": "body", "columns": ["1fr"], "rows": [[{"text": "a", "border": {"top": "dotted"}}]])"), kStyles)),
              "t.json:5:163: error: \"top\" of \"border\" of a cell must be a stroke {\"color\", \"width\", \"dash\"} "
              "or \"none\", not a string (at /pages/0/frames/0/rows/0/0/border/top)");
    EXPECT_EQ(error_of(with_frames(table(R"("style": "body", "columns": ["1fr"], "rows": [[{"txt": "a"}]])"), kStyles)),
              "t.json:5:132: error: unknown key 'txt' in a cell; did you mean 'text'? (at /pages/0/frames/0/rows/0/0/txt)");
    EXPECT_EQ(error_of(with_frames(table(R"("style": "body", "columns": ["1fr"], "rows": [{"cels": []}])"), kStyles)),
              "t.json:5:131: error: unknown key 'cels' in a row; did you mean 'cells'? (at /pages/0/frames/0/rows/0/cels)");
    EXPECT_EQ(error_of(with_frames(table(R"("style": "body", "columns": ["1fr"], "rows": [[{"text": "a", "align": "left"}]])"), kStyles)),
              "t.json:5:154: error: unknown align 'left'; use start, center, end or decimal (at /pages/0/frames/0/rows/0/0/align)");
    EXPECT_EQ(error_of(with_frames(table(R"("style": "body", "columns": ["1fr"], "header_rows": 2, "rows": [["a"]])"), kStyles)),
              "t.json:5:136: error: \"header_rows\" is 2, but the table has 1 rows (at /pages/0/frames/0/header_rows)");
    EXPECT_EQ(error_of(with_frames(table(R"("style": "body", "columns": ["1fr"], "header": {"fil": "#fff"}, "rows": [["a"]])"), kStyles)),
              "t.json:5:132: error: unknown key 'fil' in \"header\"; did you mean 'fill'? (at /pages/0/frames/0/header/fil)");
    EXPECT_EQ(error_of(with_frames(table(R"("style": "body", "columns": ["1fr"], "zebra": "grey", "rows": [["a"]])"), kStyles)),
              "t.json:5:130: error: \"zebra\": unknown colour 'grey' (not in \"colors\" nor built in; write \"#rrggbb\" or "
              "{\"cmyk\": [...]}) (at /pages/0/frames/0/zebra)");
}

TEST(Table, MoreCellAndRowErrors) {
    const std::string head = R"("style": "body", "columns": ["1fr", "1fr"], )";
    auto bad = [&](const std::string& keys) { return error_of(with_frames(table(head + keys), kStyles)); };
    EXPECT_EQ(bad(R"("overflow": "hide", "rows": [["a", "b"]])"),
              "t.json:5:140: error: unknown overflow 'hide'; use error or allow (at /pages/0/frames/0/overflow)");
    EXPECT_EQ(bad(R"("rows": [["a", {"text": "b", "valign": "middle"}]])"),
              "t.json:5:167: error: unknown valign 'middle'; use start, center or end (at /pages/0/frames/0/rows/0/1/valign)");
    EXPECT_EQ(bad(R"("rows": [["a", {"text": "b", "fill": "blue"}]])"),
              "t.json:5:165: error: \"fill\" of a cell: unknown colour 'blue' (not in \"colors\" nor built in; write \"#rrggbb\" "
              "or {\"cmyk\": [...]}) (at /pages/0/frames/0/rows/0/1/fill)");
    EXPECT_EQ(bad(R"("rows": [["a", {"text": "b", "style": "bdy"}]])"),
              "t.json:5:166: error: unknown style 'bdy'; did you mean 'body'? (at /pages/0/frames/0/rows/0/1/style)");
    EXPECT_EQ(bad(R"("rows": [["a", {"text": "b", "padding": "-1mm"}]])"),
              "t.json:5:168: error: \"padding\" of a cell must not be negative ('-1mm') (at /pages/0/frames/0/rows/0/1/padding)");
    EXPECT_EQ(bad(R"("rows": [["a", {"text": 3}]])"),
              "t.json:5:152: error: \"text\" must be a string, not a number (at /pages/0/frames/0/rows/0/1/text)");
    EXPECT_EQ(bad(R"("rows": [["a", 3]])"),
              "t.json:5:143: error: a cell must be a string or an object {\"text\": ..., ...}, not a number "
              "(at /pages/0/frames/0/rows/0/1)");
    EXPECT_EQ(bad(R"("rows": ["a"])"),
              "t.json:5:137: error: a row must be an array of cells or {\"cells\": [...], ...}, not a string "
              "(at /pages/0/frames/0/rows/0)");
    EXPECT_EQ(bad(R"("rows": [{"cells": ["a", "b"], "min_height": "5%"}])"),
              "t.json:5:173: error: \"min_height\": the unit '%' cannot be used here; use mm, pt, px, Q or H "
              "(at /pages/0/frames/0/rows/0/min_height)");
    EXPECT_EQ(bad(R"("rows": [{"cells": ["a", "b"], "fill": 1}])"),
              "t.json:5:167: error: \"fill\" of a row must be a colour (\"#rrggbb\", {\"cmyk\": [...]} or a name from "
              "\"colors\"), not a number (at /pages/0/frames/0/rows/0/fill)");
    EXPECT_EQ(bad(R"("rows": [{"cells": ["a", "b"], "style": "hed"}])"),
              "t.json:5:168: error: unknown style 'hed'; did you mean 'head'? (at /pages/0/frames/0/rows/0/style)");
    EXPECT_EQ(bad(R"("rows": [{"cells": ["a", "b"], "border": {"top": {"width": "0mm"}}}])"),
              "t.json:5:187: error: \"width\" of \"top\" of \"border\" of a row must be greater than zero, not '0mm' "
              "(at /pages/0/frames/0/rows/0/border/top/width)");
    EXPECT_EQ(bad(R"("rows": [{"cells": ["a", "b"], "border": {"top": "none", "color": "#000"}}])"),
              "t.json:5:185: error: unknown key 'color' in \"border\" of a row (per side) "
              "(at /pages/0/frames/0/rows/0/border/color)");
    EXPECT_EQ(bad(R"("header": {"style": "x"}, "rows": [["a", "b"]])"),
              "t.json:5:148: error: unknown style 'x' (at /pages/0/frames/0/header/style)");
    EXPECT_EQ(bad(R"("header_rows": 1, "rows": [[{"text": "a", "row_span": 2}, "b"], ["c"]])"),
              "t.json:5:182: error: \"row_span\" takes a header cell into the body rows; header cells span header rows "
              "only (at /pages/0/frames/0/rows/0/0/row_span)");
    EXPECT_EQ(bad(R"("rows": [["a", {"text": "b", "row_span": 2}], [{"text": "c", "col_span": 2}]])"),
              "t.json:5:175: error: this cell (row 2, column 1, 2 wide) overlaps a cell that spans down from a row above "
              "(at /pages/0/frames/0/rows/1/0)");
}

TEST(Table, Chains) {
    Document doc = load(with_frames(
        table(R"("style": "body", "columns": ["1fr"], "header_rows": 1, "next": "t2", "rows": [["h"], ["a"], ["b"]])") +
            R"(,
{"id": "t2", "type": "table", "x": "10mm", "y": "150mm", "w": "180mm", "h": "100mm", "opacity": 0.5, "wrap": "box"})",
        kStyles));
    EXPECT_EQ(table_of(doc).next, "t2");
    const TableContent& rest = table_of(doc, 1);
    EXPECT_TRUE(rest.continues_chain);
    EXPECT_TRUE(rest.rows.empty());
    ASSERT_EQ(doc.chains.size(), 1u);
    EXPECT_EQ(doc.chains.begin()->second.at(0).frame, 1u);

    const std::string text = R"({"id": "x", "type": "text", "x": "0mm", "y": "0mm", "w": "10mm", "h": "10mm")";
    EXPECT_EQ(error_of(with_frames(table(R"("style": "body", "columns": ["1fr"], "next": "x", "rows": [["a"]])") +
                                   ",\n" + text + "}", kStyles)),
              "t.json:5:129: error: \"next\" names 'x', which is a text frame; a table can continue only in a table "
              "frame (at /pages/0/frames/0/next)");
    EXPECT_EQ(error_of(with_frames(text + R"(, "style": "body", "text": "a", "next": "t"},
)" + table(""), kStyles)),
              "t.json:5:117: error: \"next\" names 't', which is a table frame; a story can continue only in a text "
              "frame (at /pages/0/frames/0/next)");
    EXPECT_EQ(error_of(with_frames(table(R"("style": "body")"), kStyles)),
              "t.json:5:84: error: key 'style' does not apply to a table frame without \"rows\": such a frame "
              "continues another table and takes only id, type, x, y, w, h, opacity, next and wrap "
              "(at /pages/0/frames/0/style)");
    EXPECT_EQ(error_of(with_frames(table(""), kStyles)),
              "t.json:5:1: error: table frame 't' has no \"rows\", and no table frame's \"next\" names it "
              "(at /pages/0/frames/0)");
}

}  // namespace
}  // namespace koho::model
