// Table geometry as pure arithmetic: column widths from the column kinds
// and what the cells need, row heights from what the cells hold, and the
// groups of rows that row spans bind together. No text engine here: the
// callers measure and set the cells (table_cells.h) and pass the numbers.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "model/document.h"

namespace koho::scene {

// What one cell asks of the columns it covers, padding included:
// `min_pt` its widest unbreakable unit, `max_pt` its text on one line.
struct CellWidthNeed {
    size_t column = 0;
    size_t span = 1;
    double min_pt = 0;
    double max_pt = 0;
};

// The width of every column, in points, for a table in a frame `width_pt`
// wide:
//  - Fixed columns get their length.
//  - Auto columns get their widest cell on one line (max) when everything
//    fits; otherwise each gets its min plus a share of the room left above
//    the mins, in proportion to (max − min), as CSS automatic table layout.
//  - Fraction columns share what is left in proportion to their fr, none
//    narrower than its widest unbreakable unit.
// A cell spanning several columns widens the auto columns it covers (evenly)
// when their sum is too narrow for it; a span over a fraction column leaves
// the auto columns alone (the fraction absorbs it).
// Without fraction columns the table is as wide as its columns, which may
// be narrower than the frame. Throws BadInput at `frame_loc` when fixed
// widths plus the narrowest auto and fraction columns exceed the frame.
std::vector<double> table_column_widths(const std::vector<model::TableColumn>& columns,
                                        const std::vector<CellWidthNeed>& needs, double width_pt,
                                        const SourceLoc& frame_loc, const std::string& frame_name);

// What one cell needs of the rows it covers: its set text plus padding.
struct CellHeightNeed {
    size_t row = 0;
    size_t span = 1;
    double height_pt = 0;
};

// Row heights: each row as tall as its tallest single-row cell and at least
// its min height; a cell spanning rows that is taller than those rows
// together gives the excess to the last row it spans (shorter spans first).
std::vector<double> table_row_heights(const std::vector<double>& min_heights,
                                      const std::vector<CellHeightNeed>& needs);

// Rows bound together by row spans, as [first, last) ranges covering
// [begin, end) in order: a group never splits across frames.
struct RowGroup {
    size_t first = 0, last = 0;
};
std::vector<RowGroup> table_row_groups(size_t begin, size_t end, const std::vector<CellHeightNeed>& spans);

// Table lengths (points) within this of each other count as equal when
// checking whether columns or rows fit: sums of widths carry rounding.
inline constexpr double kTableTolerancePt = 0.01;

// A length in points as the table messages show it: "12.3mm".
std::string format_mm(double pt);

}  // namespace koho::scene
