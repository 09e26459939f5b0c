#include "scene/table_geometry.h"

#include <algorithm>
#include <numeric>

#include "core/units.h"

namespace koho::scene {
namespace {

using Kind = model::TableColumn::Kind;

// The widest content of each column: single-column cells first, then
// spanning cells (narrow spans first) widen the auto columns they cover.
void content_extents(const std::vector<model::TableColumn>& columns, std::vector<CellWidthNeed> needs,
                     std::vector<double>& min, std::vector<double>& max) {
    const size_t n = columns.size();
    min.assign(n, 0);
    max.assign(n, 0);
    std::stable_sort(needs.begin(), needs.end(),
                     [](const CellWidthNeed& a, const CellWidthNeed& b) { return a.span < b.span; });
    for (const CellWidthNeed& need : needs) {
        if (need.column >= n) continue;
        size_t end = std::min(n, need.column + std::max<size_t>(1, need.span));
        if (end - need.column == 1) {
            min[need.column] = std::max(min[need.column], need.min_pt);
            max[need.column] = std::max(max[need.column], need.max_pt);
            continue;
        }
        std::vector<size_t> autos;
        double fixed = 0;
        bool fraction = false;
        for (size_t c = need.column; c < end; ++c) {
            if (columns[c].kind == Kind::Auto) autos.push_back(c);
            if (columns[c].kind == Kind::Fixed) fixed += columns[c].value;
            if (columns[c].kind == Kind::Fraction) fraction = true;
        }
        if (fraction || autos.empty()) continue;
        auto widen = [&](std::vector<double>& extent, double wanted) {
            double have = fixed;
            for (size_t c : autos) have += extent[c];
            if (wanted <= have) return;
            double each = (wanted - have) / static_cast<double>(autos.size());
            for (size_t c : autos) extent[c] += each;
        };
        widen(min, need.min_pt);
        widen(max, need.max_pt);
    }
    for (size_t c = 0; c < n; ++c) max[c] = std::max(max[c], min[c]);
}

// Fraction columns share `room` by their fr, none below its min: columns
// whose share would be too small are frozen at their min and the rest
// share what remains.
void share_fractions(const std::vector<model::TableColumn>& columns, const std::vector<double>& min, double room,
                     std::vector<double>& widths) {
    std::vector<bool> frozen(columns.size(), false);
    for (;;) {
        double fr = 0, left = room;
        for (size_t c = 0; c < columns.size(); ++c) {
            if (columns[c].kind != Kind::Fraction) continue;
            if (frozen[c])
                left -= min[c];
            else
                fr += columns[c].value;
        }
        if (fr <= 0) return;
        bool froze = false;
        for (size_t c = 0; c < columns.size(); ++c) {
            if (columns[c].kind != Kind::Fraction || frozen[c]) continue;
            double share = std::max(0.0, left) * columns[c].value / fr;
            if (share < min[c]) {
                frozen[c] = true;
                widths[c] = min[c];
                froze = true;
            } else {
                widths[c] = share;
            }
        }
        if (!froze) return;
    }
}

}  // namespace

std::string format_mm(double pt) { return format_number(pt / kPtPerMm, 1) + "mm"; }

std::vector<double> table_column_widths(const std::vector<model::TableColumn>& columns,
                                        const std::vector<CellWidthNeed>& needs, double width_pt,
                                        const SourceLoc& frame_loc, const std::string& frame_name) {
    std::vector<double> min, max;
    content_extents(columns, needs, min, max);

    double fixed = 0, flexible_min = 0, fraction_min = 0, auto_min = 0, auto_max = 0;
    for (size_t c = 0; c < columns.size(); ++c) {
        switch (columns[c].kind) {
        case Kind::Fixed: fixed += columns[c].value; break;
        case Kind::Fraction: fraction_min += min[c]; break;
        case Kind::Auto:
            auto_min += min[c];
            auto_max += max[c];
            break;
        }
    }
    flexible_min = fraction_min + auto_min;
    if (fixed + flexible_min > width_pt + kTableTolerancePt) {
        std::string need = fixed > 0 && flexible_min > 0
                               ? format_mm(fixed + flexible_min) + " (fixed columns " + format_mm(fixed) +
                                     " + the narrowest the auto and fr columns can be, " +
                                     format_mm(flexible_min) + ")"
                               : format_mm(fixed + flexible_min);
        fail_input(frame_loc, "table columns need " + need + " but " + frame_name + " is only " +
                                  format_mm(width_pt) +
                                  " wide (widen the frame, narrow the fixed columns, or shorten the longest "
                                  "unbreakable words and numbers in the cells)");
    }

    std::vector<double> widths(columns.size(), 0);
    double available = width_pt - fixed;
    double auto_room = available - fraction_min;
    double spread = auto_max - auto_min;
    double used_by_autos = 0;
    for (size_t c = 0; c < columns.size(); ++c) {
        if (columns[c].kind == Kind::Fixed) widths[c] = columns[c].value;
        if (columns[c].kind != Kind::Auto) continue;
        if (auto_max <= auto_room)
            widths[c] = max[c];
        else if (spread > 0)
            widths[c] = min[c] + std::max(0.0, auto_room - auto_min) * (max[c] - min[c]) / spread;
        else
            widths[c] = min[c];
        used_by_autos += widths[c];
    }
    share_fractions(columns, min, available - used_by_autos, widths);
    return widths;
}

std::vector<double> table_row_heights(const std::vector<double>& min_heights,
                                      const std::vector<CellHeightNeed>& needs) {
    std::vector<double> heights = min_heights;
    const size_t n = heights.size();
    for (const CellHeightNeed& need : needs)
        if (need.span <= 1 && need.row < n) heights[need.row] = std::max(heights[need.row], need.height_pt);

    std::vector<CellHeightNeed> spanning;
    for (const CellHeightNeed& need : needs)
        if (need.span > 1 && need.row < n) spanning.push_back(need);
    // A span ending earlier (then a shorter one) first: what a later span
    // still lacks goes on top of rows already grown for the earlier ones.
    std::stable_sort(spanning.begin(), spanning.end(), [](const CellHeightNeed& a, const CellHeightNeed& b) {
        size_t end_a = a.row + a.span, end_b = b.row + b.span;
        return end_a != end_b ? end_a < end_b : a.span < b.span;
    });
    for (const CellHeightNeed& need : spanning) {
        size_t end = std::min(n, need.row + need.span);
        double have = std::accumulate(heights.begin() + static_cast<std::ptrdiff_t>(need.row),
                                      heights.begin() + static_cast<std::ptrdiff_t>(end), 0.0);
        if (need.height_pt > have) heights[end - 1] += need.height_pt - have;
    }
    return heights;
}

std::vector<RowGroup> table_row_groups(size_t begin, size_t end, const std::vector<CellHeightNeed>& spans) {
    std::vector<size_t> reach(end, 0);
    for (size_t r = begin; r < end; ++r) reach[r] = r + 1;
    for (const CellHeightNeed& cell : spans)
        if (cell.row >= begin && cell.row < end)
            reach[cell.row] = std::max(reach[cell.row], std::min(end, cell.row + std::max<size_t>(1, cell.span)));
    std::vector<RowGroup> groups;
    for (size_t r = begin; r < end;) {
        size_t last = r + 1;
        for (size_t i = r; i < last; ++i) last = std::max(last, reach[i]);
        groups.push_back({r, last});
        r = last;
    }
    return groups;
}

}  // namespace koho::scene
