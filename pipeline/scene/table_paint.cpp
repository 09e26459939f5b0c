#include "scene/table_paint.h"

#include <algorithm>
#include <map>

#include "scene/frame_items.h"
#include "scene/stroke_style.h"

namespace koho::scene {
namespace {

bool same_stroke(const model::Stroke& a, const model::Stroke& b) {
    return a.color == b.color && a.width_pt == b.width_pt && a.dash_pt == b.dash_pt;
}

double valign_share(model::VerticalAlign align) {
    switch (align) {
    case model::VerticalAlign::Start: return 0;
    case model::VerticalAlign::Center: return 0.5;
    case model::VerticalAlign::End: return 1;
    }
    return 0;
}

// One edge segment: the stroke it is drawn with (none: not drawn) and the
// level that stroke or "none" was decided at.
struct Edge {
    const model::Stroke* stroke = nullptr;
    model::BorderLevel level = model::BorderLevel::Table;
};

// The grid of the rows in one frame: which stroke each edge segment gets.
// On an edge two cells share, the side decided at the more specific level
// (cell > row > table) wins, so a row's or cell's own border is not hidden
// by the table default of its neighbour, and a cell's own "none" clears a
// neighbour's table default. Between sides of the same level a line beats
// "none" and, of two lines, the later cell's (below / to the right) wins —
// cells write their sides in order. An edge is one line however many cells
// name it.
struct EdgeGrid {
    size_t rows = 0, columns = 0;
    std::vector<Edge> horizontal;  // (rows + 1) × columns: above row r, over column c
    std::vector<Edge> vertical;    // (columns + 1) × rows: left of column c, beside row r

    EdgeGrid(size_t row_count, size_t column_count)
        : rows(row_count),
          columns(column_count),
          horizontal((row_count + 1) * column_count),
          vertical((column_count + 1) * row_count) {}

    Edge& across(size_t boundary, size_t column) { return horizontal[boundary * columns + column]; }
    Edge& down(size_t boundary, size_t row) { return vertical[boundary * rows + row]; }

    // A zero-width stroke counts as "none" at its level.
    static void set(Edge& edge, const std::optional<model::Stroke>& side, model::BorderLevel level) {
        const model::Stroke* stroke = side && side->width_pt > 0 ? &*side : nullptr;
        if (level > edge.level) {
            edge = {stroke, level};
        } else if (level == edge.level && stroke) {
            edge.stroke = stroke;
        }
    }

    // Half the widest vertical line meeting grid point (column boundary, row
    // boundary): horizontal lines reach that far so corners close.
    double corner_reach(size_t column_boundary, size_t row_boundary) {
        double reach = 0;
        if (row_boundary > 0)
            if (auto* s = down(column_boundary, row_boundary - 1).stroke) reach = std::max(reach, s->width_pt / 2);
        if (row_boundary < rows)
            if (auto* s = down(column_boundary, row_boundary).stroke) reach = std::max(reach, s->width_pt / 2);
        return reach;
    }
};

// The rows of one frame placed: where each row and column edge lies on the
// page and the box of every cell that starts in these rows.
struct PlacedCell {
    const TableCellLayout* cell = nullptr;
    size_t row = 0, row_end = 0;  // local: positions in this frame
    Rect box;
};

struct FrameGrid {
    std::vector<double> row_top;      // rows + 1 edges
    std::vector<double> column_left;  // columns + 1 edges
    std::vector<PlacedCell> cells;
    size_t rows() const { return row_top.size() - 1; }
    size_t columns() const { return column_left.size() - 1; }
};

FrameGrid place_rows(const TableLayout& layout, const std::vector<size_t>& rows, double x, double y) {
    FrameGrid grid;
    std::map<size_t, size_t> local;  // table row → position in this frame
    grid.row_top.push_back(y);
    for (size_t i = 0; i < rows.size(); ++i) {
        local[rows[i]] = i;
        grid.row_top.push_back(grid.row_top.back() + layout.row_heights.at(rows[i]));
    }
    grid.column_left = layout.column_edges();
    for (double& edge : grid.column_left) edge += x;
    for (const TableCellLayout& cell : layout.cells) {
        auto found = local.find(cell.row);
        if (found == local.end()) continue;
        size_t r = found->second, end = std::min(rows.size(), r + cell.row_span);
        double left = grid.column_left[cell.column], right = grid.column_left[cell.column + cell.col_span];
        Rect box{left, grid.row_top[r], right - left, grid.row_top[end] - grid.row_top[r]};
        grid.cells.push_back({&cell, r, end, box});
    }
    return grid;
}

// Fills, one many-rectangle shape per colour, in order of first use.
std::vector<ShapeItem> fill_shapes(const model::TableContent& table, const TableLayout& layout, const FrameGrid& grid) {
    std::vector<std::pair<Color, std::vector<Rect>>> fills;
    for (const PlacedCell& p : grid.cells) {
        std::optional<Color> fill = table_cell_fill(table, layout, *p.cell);
        if (!fill) continue;
        auto same = std::find_if(fills.begin(), fills.end(), [&](const auto& f) { return f.first == *fill; });
        if (same == fills.end()) same = fills.insert(fills.end(), {*fill, {}});
        same->second.push_back(p.box);
    }
    std::vector<ShapeItem> shapes;
    for (auto& [color, rects] : fills) {
        ShapeItem shape;
        shape.kind = ShapeKind::Rects;
        shape.fill = color;
        double left = rects.front().x, top = rects.front().y, right = left, bottom = top;
        for (const Rect& r : rects) {
            left = std::min(left, r.x);
            top = std::min(top, r.y);
            right = std::max(right, r.x + r.w);
            bottom = std::max(bottom, r.y + r.h);
        }
        shape.bounds = {left, top, right - left, bottom - top};
        shape.rects = std::move(rects);
        shapes.push_back(std::move(shape));
    }
    return shapes;
}

// Border lines: each edge segment gets the stroke EdgeGrid::set chooses
// among the cells that name it; collinear neighbours with the same stroke become one line (so
// dashes run on); horizontal lines reach over the vertical ones they meet.
std::vector<ShapeItem> border_lines(const FrameGrid& placed) {
    EdgeGrid grid(placed.rows(), placed.columns());
    for (const PlacedCell& p : placed.cells) {
        const TableCellLayout& cell = *p.cell;
        const model::CellBorders& b = cell.cell->borders;
        for (size_t c = cell.column; c < cell.column + cell.col_span; ++c) {
            EdgeGrid::set(grid.across(p.row, c), b.top, b.top_level);
            EdgeGrid::set(grid.across(p.row_end, c), b.bottom, b.bottom_level);
        }
        for (size_t r = p.row; r < p.row_end; ++r) {
            EdgeGrid::set(grid.down(cell.column, r), b.left, b.left_level);
            EdgeGrid::set(grid.down(cell.column + cell.col_span, r), b.right, b.right_level);
        }
    }
    std::vector<ShapeItem> lines;
    auto line = [&](const model::Stroke& stroke, double x1, double y1, double x2, double y2) {
        ShapeItem shape;
        shape.kind = ShapeKind::Line;
        shape.x1 = x1;
        shape.y1 = y1;
        shape.x2 = x2;
        shape.y2 = y2;
        shape.stroke = stroke_style(stroke);
        lines.push_back(std::move(shape));
    };
    const auto& top = placed.row_top;
    const auto& left = placed.column_left;
    for (size_t b = 0; b <= grid.rows; ++b)
        for (size_t c = 0; c < grid.columns;) {
            const model::Stroke* stroke = grid.across(b, c).stroke;
            if (!stroke) {
                ++c;
                continue;
            }
            size_t end = c + 1;
            while (end < grid.columns && grid.across(b, end).stroke &&
                   same_stroke(*grid.across(b, end).stroke, *stroke))
                ++end;
            line(*stroke, left[c] - grid.corner_reach(c, b), top[b], left[end] + grid.corner_reach(end, b), top[b]);
            c = end;
        }
    for (size_t b = 0; b <= grid.columns; ++b)
        for (size_t r = 0; r < grid.rows;) {
            const model::Stroke* stroke = grid.down(b, r).stroke;
            if (!stroke) {
                ++r;
                continue;
            }
            size_t end = r + 1;
            while (end < grid.rows && grid.down(b, end).stroke && same_stroke(*grid.down(b, end).stroke, *stroke))
                ++end;
            line(*stroke, left[b], top[r], left[b], top[end]);
            r = end;
        }
    return lines;
}

}  // namespace

std::optional<Color> table_cell_fill(const model::TableContent& table, const TableLayout& layout,
                                     const TableCellLayout& cell) {
    if (cell.cell->fill) return cell.cell->fill;
    const model::TableRow& row = table.rows.at(cell.row);
    if (row.fill) return row.fill;
    if (table.zebra && !row.header && cell.row >= layout.header_rows && (cell.row - layout.header_rows) % 2 == 1)
        return table.zebra;
    return std::nullopt;
}

std::vector<Item> table_items(const model::TableContent& table, const TableLayout& layout,
                              const std::vector<size_t>& rows, double x, double y, const model::Frame& frame) {
    std::vector<Item> items;
    auto add = [&](auto&& what) {
        Item item = item_of_frame(frame);
        item.what = std::move(what);
        items.push_back(std::move(item));
    };
    FrameGrid grid = place_rows(layout, rows, x, y);

    // A half-transparent table paints each cell's fill under its text in
    // the same item (one opacity group), so the fill does not show through
    // the glyphs; otherwise one shape per colour leaves no seams.
    const bool grouped = frame.opacity < 1;
    if (!grouped)
        for (auto& shape : fill_shapes(table, layout, grid)) add(std::move(shape));

    // Text, placed in each cell by its vertical alignment.
    for (const PlacedCell& p : grid.cells) {
        const TableCellLayout& cell = *p.cell;
        std::optional<Color> background = grouped ? table_cell_fill(table, layout, cell) : std::nullopt;
        if (cell.text.runs.empty() && cell.text.rules.empty() && !background) continue;
        const double* pad = cell.cell->padding_pt;
        double room = std::max(0.0, p.box.h - pad[0] - pad[2] - cell.text_height_pt);
        TextItem text;
        text.x = p.box.x + pad[3];
        text.y = p.box.y + pad[0] + room * valign_share(cell.cell->valign);
        text.text = cell.text;
        text.background = background;
        text.background_box = p.box;
        add(std::move(text));
    }

    for (auto& line : border_lines(grid)) add(std::move(line));
    return items;
}

}  // namespace koho::scene
