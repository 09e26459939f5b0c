// Columns (段組) of a text frame: the inner box cut into `columns` boxes with
// `gutter_pt` between them. Horizontal writing: columns side by side, left
// to right, each the full inner height. Vertical writing: tiers (段) stacked
// top to bottom, each the full inner width (lines run right to left in each).
// A story fills them in that order before it moves on along its chain.
#pragma once

#include <vector>

#include "model/document.h"
#include "scene/display_list.h"

namespace koho::scene {

// The column boxes in page coordinates, in filling order. One box (the
// inner box) for a frame of one column. Boxes of a frame too small for its
// columns and gutters have no area (the story is then overset).
std::vector<Rect> column_boxes(const Rect& inner, const model::TextContent& text);

// The column rules (縦罫/横罫 between 段): one line centred in each gutter,
// across the whole inner box (the full inner height between columns; the
// full inner width between tiers), whether or not text reached the columns
// on either side — like InDesign's column rules, they belong to the frame.
// None without `column_rule` or with one column.
std::vector<ShapeItem> column_rules(const Rect& inner, const model::TextContent& text);

}  // namespace koho::scene
