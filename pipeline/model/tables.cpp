// Table frames: columns, rows and cells with their spans resolved into a
// grid, padding, borders (table → row → cell, per side), header rows and
// alignment.
#include <algorithm>
#include <charconv>

#include "model/color_reader.h"
#include "model/list_numbering.h"
#include "model/loader_internal.h"
#include "model/paint_reader.h"

namespace koho::model::detail {
namespace {

const std::vector<std::string> kContinuationKeys = {"id", "type", "x", "y", "w", "h", "opacity", "next", "wrap"};
const std::vector<std::string> kCellKeys = {"text",   "style",  "align",    "valign",  "fill",
                                            "padding", "border", "col_span", "row_span"};
const std::vector<std::string> kRowKeys = {"cells", "fill", "min_height", "style", "border"};
const std::vector<std::string> kSides = {"top", "right", "bottom", "left"};
const std::vector<std::string> kCellAlignWords = {"start", "center", "end", "decimal"};

// "3fr", "0.5fr": the number of fractions, or nullopt when `text` is not
// one (the number is written like a length's: digits, at most one '.').
std::optional<double> fraction(const std::string& text) {
    if (text.size() < 3 || text.compare(text.size() - 2, 2, "fr") != 0) return std::nullopt;
    std::string number = text.substr(0, text.size() - 2);
    size_t dot = number.find('.');
    bool digits_only = number.find_first_not_of("0123456789.") == std::string::npos;
    bool one_dot = dot == std::string::npos || number.find('.', dot + 1) == std::string::npos;
    bool digits_around = dot == std::string::npos || dot + 1 < number.size();
    if (!digits_only || !one_dot || !digits_around) return std::nullopt;
    double value = 0;
    std::string padded = "0" + number;  // from_chars takes no leading '.'
    std::from_chars(padded.data(), padded.data() + padded.size(), value);
    return value;
}

class TableReader {
public:
    TableReader(const Node& node, Frame& frame, LoadContext& context, bool on_master)
        : node_(node), frame_(frame), c_(context), on_master_(on_master) {}

    TableContent run() {
        if (auto n = member(node_, "next")) {
            if (on_master_)
                fail_input(n->loc(), "frames on masters cannot be chained: a master repeats on every page");
            t_.next = read_string(*n, "\"next\"");
            t_.next_loc = n->loc();
        }
        auto rows = member(node_, "rows");
        if (!rows) {
            // A frame that continues another table: only its place.
            for (const auto& key : keys_in_order(node_))
                if (std::find(kContinuationKeys.begin(), kContinuationKeys.end(), key) == kContinuationKeys.end())
                    fail_input(node_.child(key).key_loc(),
                               "key '" + key + "' does not apply to a table frame without \"rows\": such a frame "
                               "continues another table and takes only id, type, x, y, w, h, opacity, next and wrap");
            return std::move(t_);
        }
        if (auto n = member(node_, "style")) frame_.style = style_named(*n, c_.doc);
        columns(require(node_, "columns", "a table frame with \"rows\""));
        if (auto n = member(node_, "padding")) read_padding(*n, "\"padding\"", padding_);
        if (auto n = member(node_, "border")) apply_borders(*n, "\"border\"", BorderLevel::Table, borders_);
        if (auto n = member(node_, "header")) {
            expect_object(*n, "\"header\"");
            check_keys(*n, {"fill", "style"}, "\"header\"");
            if (auto f = member(*n, "fill")) header_fill_ = read_color(*f, "\"fill\" of \"header\"", &c_.doc.colors);
            if (auto s = member(*n, "style")) header_style_ = style_named(*s, c_.doc);
        }
        if (auto n = member(node_, "zebra")) t_.zebra = read_color(*n, "\"zebra\"", &c_.doc.colors);
        if (auto n = member(node_, "overflow"))
            t_.overflow = static_cast<Overflow>(read_enum(*n, "overflow", {"error", "allow"}));

        expect_array(*rows, "\"rows\"");
        if (rows->json().empty()) fail_input(rows->loc(), "\"rows\" needs at least one row");
        if (auto n = member(node_, "header_rows")) {
            header_rows_ = read_integer(*n, "\"header_rows\"", 0, 100);
            if (header_rows_ > static_cast<int>(rows->json().size()))
                fail_input(n->loc(), "\"header_rows\" is " + std::to_string(header_rows_) + ", but the table has " +
                                         std::to_string(rows->json().size()) + " rows");
        }
        for (size_t r = 0; r < rows->json().size(); ++r) row(rows->element(r), r);
        resolve_grid(*rows);
        return std::move(t_);
    }

private:
    void columns(const Node& list) {
        expect_array(list, "\"columns\"");
        if (list.json().empty()) fail_input(list.loc(), "\"columns\" needs at least one column");
        for (size_t i = 0; i < list.json().size(); ++i) {
            Node entry = list.element(i);
            TableColumn column;
            column.loc = entry.loc();
            Node width = entry;
            if (entry.json().is_object()) {
                check_keys(entry, {"width", "align"}, "a column");
                width = require(entry, "width", "a column");
                if (auto a = member(entry, "align"))
                    column.align = static_cast<CellAlign>(1 + read_enum(*a, "align", kCellAlignWords));
            }
            column_width(width, column);
            t_.columns.push_back(column);
        }
    }

    void column_width(const Node& n, TableColumn& column) {
        if (n.json().is_string()) {
            std::string text = n.json().get<std::string>();
            if (text == "auto") {
                column.kind = TableColumn::Kind::Auto;
                return;
            }
            if (auto fr = fraction(text)) {
                if (*fr <= 0) fail_input(n.loc(), "a column's fraction must be greater than zero, not '" + text + "'");
                column.kind = TableColumn::Kind::Fraction;
                column.value = *fr;
                return;
            }
        }
        if (!n.json().is_string() && !n.json().is_number())
            fail_input(n.loc(), "a column must be a length, \"Nfr\" or \"auto\" (or {\"width\": ..., \"align\": ...}), "
                                "not " + json_type_name(n.json()));
        column.kind = TableColumn::Kind::Fixed;
        column.value = to_pt(read_length(n, "a column width", kAbsoluteUnits, Sign::Positive), {});
    }

    // 1, 2 or 4 lengths: all sides; vertical, horizontal; top, right, bottom, left.
    void read_padding(const Node& n, const std::string& what, double (&out)[4]) {
        auto length = [&](const Node& e) {
            return to_pt(read_length(e, what, kAbsoluteUnits, Sign::NonNegative), {});
        };
        if (!n.json().is_array()) {
            std::fill(out, out + 4, length(n));
            return;
        }
        size_t count = n.json().size();
        if (count != 1 && count != 2 && count != 4)
            fail_input(n.loc(), what + " takes 1, 2 or 4 lengths (all sides; top and bottom, left and right; top, "
                                       "right, bottom, left), not " + std::to_string(count));
        double v[4];
        for (size_t i = 0; i < count; ++i) v[i] = length(n.element(i));
        if (count == 1) std::fill(out, out + 4, v[0]);
        if (count == 2) out[0] = out[2] = v[0], out[1] = out[3] = v[1];
        if (count == 4) std::copy(v, v + 4, out);
    }

    // A stroke for every side, "none", or {"top": stroke | "none", ...}.
    // Every side given (a stroke or "none") is decided at `level`: on an
    // edge two cells share, scene/ lets the more specific level win.
    void apply_borders(const Node& n, const std::string& what, BorderLevel level, CellBorders& b) {
        std::optional<Stroke>* sides[] = {&b.top, &b.right, &b.bottom, &b.left};
        BorderLevel* levels[] = {&b.top_level, &b.right_level, &b.bottom_level, &b.left_level};
        auto side_value = [&](const Node& v, const std::string& name) -> std::optional<Stroke> {
            if (v.json().is_string() && v.json().get<std::string>() == "none") return std::nullopt;
            if (!v.json().is_object())
                fail_input(v.loc(), name + " must be a stroke {\"color\", \"width\", \"dash\"} or \"none\", not " +
                                        json_type_name(v.json()));
            return read_stroke(v, name, c_.doc.colors);
        };
        bool per_side = n.json().is_object() &&
                        std::any_of(kSides.begin(), kSides.end(), [&](auto& s) { return n.json().contains(s); });
        if (!per_side) {
            auto all = side_value(n, what);
            for (size_t i = 0; i < 4; ++i) {
                *sides[i] = all;
                *levels[i] = level;
            }
            return;
        }
        check_keys(n, kSides, what + " (per side)");
        for (size_t i = 0; i < 4; ++i)
            if (auto v = member(n, kSides[i])) {
                *sides[i] = side_value(*v, "\"" + kSides[i] + "\" of " + what);
                *levels[i] = level;
            }
    }

    void row(const Node& n, size_t index) {
        TableRow row;
        row.loc = n.loc();
        row.header = static_cast<int>(index) < header_rows_;
        const Style* style = row.header && header_style_ ? header_style_ : frame_.style;
        CellBorders borders = borders_;
        Node cells = n;
        if (n.json().is_object()) {
            check_keys(n, kRowKeys, "a row");
            cells = require(n, "cells", "a row");
            if (auto f = member(n, "fill")) row.fill = read_color(*f, "\"fill\" of a row", &c_.doc.colors);
            if (auto h = member(n, "min_height"))
                row.min_height_pt = to_pt(read_length(*h, "\"min_height\"", kAbsoluteUnits, Sign::NonNegative), {});
            if (auto s = member(n, "style")) style = style_named(*s, c_.doc);
            if (auto b = member(n, "border")) apply_borders(*b, "\"border\" of a row", BorderLevel::Row, borders);
        } else if (!n.json().is_array()) {
            fail_input(n.loc(), "a row must be an array of cells or {\"cells\": [...], ...}, not " +
                                    json_type_name(n.json()));
        }
        if (row.header && !row.fill) row.fill = header_fill_;
        expect_array(cells, "\"cells\"");
        for (size_t i = 0; i < cells.json().size(); ++i) row.cells.push_back(cell(cells.element(i), style, borders));
        t_.rows.push_back(std::move(row));
    }

    TableCell cell(const Node& n, const Style* style, const CellBorders& borders) {
        TableCell cell;
        cell.loc = n.loc();
        std::copy(padding_, padding_ + 4, cell.padding_pt);
        cell.borders = borders;
        std::optional<Node> text;
        if (n.json().is_string()) {
            text = n;
        } else if (n.json().is_object()) {
            check_keys(n, kCellKeys, "a cell");
            text = member(n, "text");
            if (auto s = member(n, "style")) style = style_named(*s, c_.doc);
            if (auto a = member(n, "align"))
                cell.align = static_cast<CellAlign>(1 + read_enum(*a, "align", kCellAlignWords));
            if (auto v = member(n, "valign"))
                cell.valign = static_cast<VerticalAlign>(read_enum(*v, "valign", {"start", "center", "end"}));
            if (auto f = member(n, "fill")) cell.fill = read_color(*f, "\"fill\" of a cell", &c_.doc.colors);
            if (auto p = member(n, "padding")) read_padding(*p, "\"padding\" of a cell", cell.padding_pt);
            if (auto b = member(n, "border"))
                apply_borders(*b, "\"border\" of a cell", BorderLevel::Cell, cell.borders);
            if (auto s = member(n, "col_span")) cell.col_span = read_integer(*s, "\"col_span\"", 1, 100);
            if (auto s = member(n, "row_span")) cell.row_span = read_integer(*s, "\"row_span\"", 1, 1000);
        } else {
            fail_input(n.loc(), "a cell must be a string or an object {\"text\": ..., ...}, not " +
                                    json_type_name(n.json()));
        }
        if (text) {
            bool empty = text->json().is_string() && text->json().get<std::string>().empty();
            if (!style && !empty)
                fail_input(n.loc(), "this cell needs a \"style\" (the table, its row and its header name none)");
            add_paragraphs(cell.story, *text, style, c_, true);
            number_lists(cell.story);
        }
        return cell;
    }

    // Places every cell in the first free column of its row, checks that
    // each row covers every column exactly once, then applies the columns'
    // alignment.
    void resolve_grid(const Node& rows) {
        const size_t width = t_.columns.size(), height = t_.rows.size();
        std::vector<std::vector<bool>> taken(height, std::vector<bool>(width, false));
        for (size_t r = 0; r < height; ++r) {
            Node row_node = rows.element(r);
            Node cells = row_node.json().is_object() ? row_node.child("cells") : row_node;
            size_t col = 0;
            for (size_t i = 0; i < t_.rows[r].cells.size(); ++i) {
                TableCell& cell = t_.rows[r].cells[i];
                Node cell_node = cells.element(i);
                while (col < width && taken[r][col]) ++col;
                if (col >= width)
                    fail_input(cell.loc, "row " + std::to_string(r + 1) + " has more cells than the table's " +
                                             std::to_string(width) + " columns (counting cells that span into it "
                                             "from rows above)");
                size_t span = static_cast<size_t>(cell.col_span);
                if (col + span > width)
                    fail_input(cell_node.child("col_span").loc(),
                               "\"col_span\" " + std::to_string(span) + " from column " + std::to_string(col + 1) +
                                   " runs past the table's " + std::to_string(width) + " columns");
                if (r + cell.row_span > height)
                    fail_input(cell_node.child("row_span").loc(),
                               "\"row_span\" " + std::to_string(cell.row_span) + " from row " + std::to_string(r + 1) +
                                   " runs past the table's last row (" + std::to_string(height) + ")");
                if (static_cast<int>(r) < header_rows_ && static_cast<int>(r) + cell.row_span > header_rows_)
                    fail_input(cell_node.child("row_span").loc(),
                               "\"row_span\" takes a header cell into the body rows; header cells span header rows only");
                for (size_t rr = r; rr < r + cell.row_span; ++rr)
                    for (size_t cc = col; cc < col + span; ++cc) {
                        if (taken[rr][cc])
                            fail_input(cell.loc, "this cell (row " + std::to_string(r + 1) + ", column " +
                                                     std::to_string(col + 1) + ", " + std::to_string(span) +
                                                     " wide) overlaps a cell that spans down from a row above");
                        taken[rr][cc] = true;
                    }
                cell.column = col;
                col += span;
            }
            size_t covered = static_cast<size_t>(std::count(taken[r].begin(), taken[r].end(), true));
            if (covered != width)
                fail_input(t_.rows[r].loc, "row " + std::to_string(r + 1) + " covers " + std::to_string(covered) +
                                               " of the table's " + std::to_string(width) +
                                               " columns; every row must cover every column once (with "
                                               "\"col_span\" and \"row_span\")");
        }
        for (auto& row : t_.rows)
            for (auto& cell : row.cells) {
                if (cell.align == CellAlign::Style) cell.align = t_.columns[cell.column].align;
                static constexpr Align kAligns[] = {Align::Start, Align::Center, Align::End};
                if (cell.align == CellAlign::Start || cell.align == CellAlign::Center || cell.align == CellAlign::End)
                    for (auto& paragraph : cell.story.paragraphs)
                        paragraph.style = aligned_style(paragraph.style,
                                                        kAligns[static_cast<int>(cell.align) - 1], c_);
            }
    }

    const Node& node_;
    Frame& frame_;
    LoadContext& c_;
    bool on_master_;
    TableContent t_;
    double padding_[4] = {kPtPerMm, kPtPerMm, kPtPerMm, kPtPerMm};
    CellBorders borders_;
    int header_rows_ = 0;
    const Style* header_style_ = nullptr;
    std::optional<Color> header_fill_;
};

}  // namespace

TableContent read_table(const Node& node, Frame& frame, LoadContext& context, bool on_master) {
    return TableReader(node, frame, context, on_master).run();
}

}  // namespace koho::model::detail
