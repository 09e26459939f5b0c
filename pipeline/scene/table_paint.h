// A table's rows in one frame as display-list items: cell fills first (one
// many-rectangle shape per colour, so abutting cells leave no seams), then
// each cell's text, then the borders — every grid edge drawn at most once.
#pragma once

#include <vector>

#include "model/document.h"
#include "scene/display_list.h"
#include "scene/table_layout.h"

namespace koho::scene {

// The fill of a cell: its own, else its row's (header rows get theirs from
// the table's "header"), else the zebra colour on every second body row.
std::optional<Color> table_cell_fill(const model::TableContent& table, const TableLayout& layout,
                                     const TableCellLayout& cell);

// Items for `rows` (indices into TableContent::rows, in the order they are
// stacked; row-span groups complete) with the table's top-left at (x, y).
// Opacity and frame id are the frame's.
std::vector<Item> table_items(const model::TableContent& table, const TableLayout& layout,
                              const std::vector<size_t>& rows, double x, double y, const model::Frame& frame);

}  // namespace koho::scene
