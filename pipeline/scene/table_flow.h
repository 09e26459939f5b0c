// Tables into frames: a table is laid out once (table_layout.h) in its head
// frame's width and its rows are stacked from the top of the head frame
// down. Rows are never split: a row (or a group of rows bound by a row
// span) that does not fit moves to the next table frame of the chain, which
// starts with the header rows again. Rows left after the last frame, or a
// row too tall for a frame even with nothing but the header rows above it,
// are overset: an error unless the head frame says "overflow": "allow"
// (then those rows and all after them are not drawn).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/document.h"
#include "scene/display_list.h"
#include "scene/table_geometry.h"
#include "scene/text_setter.h"

namespace koho::scene {

// Which rows go into which frame (pure arithmetic, for tests).
struct TableSplit {
    std::vector<std::vector<size_t>> frames;  // per frame: header rows, then its body rows; empty: nothing
    size_t groups_placed = 0;                  // body groups that found a frame, in order
    // A group that did not fit in a frame holding only the header rows (the
    // table stops there), or the first group left over after the last frame
    // when it would not fit in that frame even alone: the frame's index.
    std::optional<size_t> too_tall_in;
};
TableSplit split_table_rows(const std::vector<double>& row_heights, size_t header_rows,
                            const std::vector<RowGroup>& body_groups, const std::vector<double>& frame_heights);

// Lays out every table of the document's pages, following chains across
// pages, and returns each table frame's items keyed by (page, frame index).
// Frames that receive no rows are absent. Throws BadInput for overset rows
// and for columns that cannot fit.
std::map<std::pair<size_t, size_t>, std::vector<Item>> lay_out_page_tables(const model::Document& document,
                                                                          TextSetter& setter);

// A master's table frame on one page: laid out alone (masters do not
// chain), with that page's {{page}}; `part` as for describe_frame. None for
// other frames.
std::vector<Item> master_table_items(const model::Document& document, size_t page_index, const model::Frame& frame,
                                     size_t frame_index, TextSetter& setter, const std::string& part = "");

}  // namespace koho::scene
