// A whole table laid out once, independent of the frames it will land in:
// each cell's text set by the real engine in its column, the column widths
// and the row heights. Splitting across frames (table_flow.h) and drawing
// (table_paint.h) only read this.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "model/document.h"
#include "scene/table_geometry.h"
#include "scene/text_setter.h"
#include "text/glyph_run.h"

namespace koho::scene {

struct TableCellLayout {
    const model::TableCell* cell = nullptr;
    size_t row = 0;                 // index into TableContent::rows
    size_t column = 0;
    size_t col_span = 1, row_span = 1;
    text::SetText text;             // relative to the cell's inner top-left (padding removed)
    double text_height_pt = 0;      // block extent of the set text
    double decimal_pad_pt = 0;      // extra right padding that lines up decimal points
};

struct TableLayout {
    std::vector<double> column_widths;
    std::vector<double> row_heights;   // one per TableContent::rows entry
    std::vector<TableCellLayout> cells;  // in row order, left to right
    size_t header_rows = 0;            // rows[0 .. header_rows) repeat in every frame
    std::vector<RowGroup> body_groups; // body rows bound by row spans, in order

    double width_pt() const;
    // Left edges of the columns and the table's right edge (size columns + 1).
    std::vector<double> column_edges() const;
};

// Sets every cell and sizes the grid for a table whose head frame is
// `width_pt` wide. `frame_name` ("frame 'exam' on page 2") and `frame_loc`
// locate errors about the table as a whole; errors about one cell point at
// the cell. `late_values`: {{page}} and friends for the head frame's page.
TableLayout lay_out_table(const model::TableContent& table, double width_pt, const SourceLoc& frame_loc,
                          const std::string& frame_name, TextSetter& setter,
                          const std::map<std::string, std::string>& late_values);

// Decimal alignment: where the integer part of the first number in `text`
// ends — at its decimal point ('.' or '．') or, without one, after its last
// digit (ASCII or full-width digits; ',' and '，' between digits belong to
// the number). npos when the text has no digit.
size_t decimal_split_offset(const std::string& text);

}  // namespace koho::scene
