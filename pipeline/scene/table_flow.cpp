#include "scene/table_flow.h"

#include <numeric>

#include "core/units.h"
#include "scene/table_layout.h"
#include "scene/table_paint.h"
#include "scene/text_flow.h"

namespace koho::scene {
namespace {

std::string rows_count(size_t n) { return std::to_string(n) + (n == 1 ? " row" : " rows"); }

double height_of(const std::vector<double>& heights, size_t first, size_t last) {
    return std::accumulate(heights.begin() + static_cast<std::ptrdiff_t>(first),
                           heights.begin() + static_cast<std::ptrdiff_t>(last), 0.0);
}

const model::TableContent* table_of(const model::Frame& frame) {
    return std::get_if<model::TableContent>(&frame.content);
}

// "row 7 (line 40)" or "rows 7–9 (bound by a row span; line 40)": 1-based
// as the rows array counts.
std::string describe_rows(const model::TableContent& table, RowGroup group) {
    const SourceLoc& loc = table.rows.at(group.first).loc;
    std::string line = loc.known() ? "line " + std::to_string(loc.line) : "";
    if (group.last - group.first <= 1)
        return "row " + std::to_string(group.first + 1) + (line.empty() ? "" : " (" + line + ")");
    return "rows " + std::to_string(group.first + 1) + "–" + std::to_string(group.last) +
           " (bound by a row span" + (line.empty() ? "" : "; " + line) + ")";
}

struct TablePlacement {
    const model::Frame* frame = nullptr;
    size_t page = 0, index = 0;
    std::string name;  // for messages: "frame 'exam' on page 2"
};

[[noreturn]] void fail_table_overset(const model::TableContent& table, const TableLayout& layout,
                                     const TableSplit& split, const std::vector<TablePlacement>& chain) {
    const model::Frame& head = *chain.front().frame;
    const std::string& head_name = chain.front().name;
    size_t rows_left = 0;
    for (size_t g = split.groups_placed; g < layout.body_groups.size(); ++g)
        rows_left += layout.body_groups[g].last - layout.body_groups[g].first;
    if (layout.body_groups.empty()) rows_left = layout.header_rows;

    if (split.too_tall_in) {
        const TablePlacement& where = chain.at(*split.too_tall_in);
        RowGroup group = layout.body_groups.empty() ? RowGroup{0, layout.header_rows}
                                                    : layout.body_groups.at(split.groups_placed);
        double header = height_of(layout.row_heights, 0, layout.header_rows);
        double tall = height_of(layout.row_heights, group.first, group.last);
        std::string with_header =
            header > 0 && !layout.body_groups.empty() ? " (" + format_mm(header + tall) + " with the header rows)"
                                                      : "";
        fail_input(head.loc, "overset table: " + rows_count(rows_left) + " did not fit: " +
                                 describe_rows(table, group) + " is " + format_mm(tall) + " tall" + with_header +
                                 " but " + where.name + " is only " +
                                 format_mm(where.frame->box.h) +
                                 " high, and table rows are never split (make the frame taller, put less text in "
                                 "the row, or set \"overflow\": \"allow\")");
    }
    if (chain.size() <= 1)
        fail_input(head.loc, "overset table: " + rows_count(rows_left) + " did not fit in " + head_name +
                                 " (give the frame more room, chain another table frame with \"next\", or set "
                                 "\"overflow\": \"allow\")");
    const TablePlacement& last = chain.back();
    fail_input(head.loc, "overset table: " + rows_count(rows_left) + " did not fit in " + head_name +
                             " and the frames it continues in (the chain ends in " + last.name +
                             "; give the frames more room, chain another table frame with \"next\", or set "
                             "\"overflow\": \"allow\")");
}

// One table through its chain of frames (the head first): the items of
// each frame, in chain order. `late_page`: the page whose {{page}} cells see.
std::vector<std::vector<Item>> lay_out_chain(const model::Document& document,
                                             const std::vector<TablePlacement>& chain, size_t late_page,
                                             TextSetter& setter) {
    const model::Frame& head = *chain.front().frame;
    const model::TableContent& table = std::get<model::TableContent>(head.content);
    TableLayout layout = lay_out_table(table, head.box.w, head.loc, chain.front().name, setter,
                                       late_values(document, late_page));
    std::vector<double> heights;
    for (const TablePlacement& place : chain) {
        if (place.frame != &head && place.frame->box.w + kTableTolerancePt < layout.width_pt())
            fail_input(place.frame->loc, "the table of " + chain.front().name + " is " +
                                             format_mm(layout.width_pt()) + " wide but " + place.name +
                                             ", where it continues, is only " + format_mm(place.frame->box.w) +
                                             " wide (make the frames the same width)");
        heights.push_back(place.frame->box.h);
    }

    TableSplit split = split_table_rows(layout.row_heights, layout.header_rows, layout.body_groups, heights);
    bool overset = split.too_tall_in || split.groups_placed < layout.body_groups.size();
    if (overset && table.overflow == model::Overflow::Error) fail_table_overset(table, layout, split, chain);

    std::vector<std::vector<Item>> items(chain.size());
    for (size_t i = 0; i < chain.size(); ++i) {
        if (split.frames[i].empty()) continue;
        const model::Frame& frame = *chain[i].frame;
        items[i] = table_items(table, layout, split.frames[i], frame.box.x, frame.box.y, frame);
    }
    return items;
}

}  // namespace

TableSplit split_table_rows(const std::vector<double>& row_heights, size_t header_rows,
                            const std::vector<RowGroup>& body_groups, const std::vector<double>& frame_heights) {
    TableSplit split;
    split.frames.resize(frame_heights.size());
    if (frame_heights.empty()) return split;
    std::vector<size_t> headers(header_rows);
    std::iota(headers.begin(), headers.end(), size_t{0});
    double header = height_of(row_heights, 0, header_rows);

    if (body_groups.empty()) {  // a table of header rows only
        if (header_rows > 0 && header > frame_heights[0] + kTableTolerancePt)
            split.too_tall_in = 0;
        else
            split.frames[0] = headers;
        return split;
    }
    size_t g = 0;
    for (size_t i = 0; i < frame_heights.size() && g < body_groups.size(); ++i) {
        std::vector<size_t> rows = headers;
        double used = header;
        size_t first = g;
        while (g < body_groups.size()) {
            double tall = height_of(row_heights, body_groups[g].first, body_groups[g].last);
            if (used + tall > frame_heights[i] + kTableTolerancePt) break;
            for (size_t r = body_groups[g].first; r < body_groups[g].last; ++r) rows.push_back(r);
            used += tall;
            ++g;
        }
        if (g == first) {
            split.too_tall_in = i;
            break;
        }
        split.frames[i] = std::move(rows);
    }
    split.groups_placed = g;
    // Left over after the last frame: if the next group could not fit even
    // in that frame emptied, more frames of its size would not help — say so.
    if (!split.too_tall_in && g < body_groups.size() &&
        header + height_of(row_heights, body_groups[g].first, body_groups[g].last) >
            frame_heights.back() + kTableTolerancePt)
        split.too_tall_in = frame_heights.size() - 1;
    return split;
}

std::map<std::pair<size_t, size_t>, std::vector<Item>> lay_out_page_tables(const model::Document& document,
                                                                          TextSetter& setter) {
    std::map<std::pair<size_t, size_t>, std::vector<Item>> result;
    for (size_t p = 0; p < document.pages.size(); ++p) {
        const auto& frames = document.pages[p].frames;
        for (size_t f = 0; f < frames.size(); ++f) {
            const model::TableContent* table = table_of(frames[f]);
            if (!table || table->continues_chain) continue;

            std::vector<model::FrameRef> refs{{p, f}};
            if (auto chain = document.chains.find({p, f}); chain != document.chains.end())
                refs.insert(refs.end(), chain->second.begin(), chain->second.end());
            std::vector<TablePlacement> chain;
            for (const auto& ref : refs) {
                if (ref.page >= document.pages.size() || ref.frame >= document.pages[ref.page].frames.size() ||
                    !table_of(document.pages[ref.page].frames[ref.frame]))
                    fail_system(frames[f].loc, "the chain of " + describe_frame(frames[f], f, p) +
                                                   " names a frame that is not a table frame");
                const model::Frame& frame = document.pages[ref.page].frames[ref.frame];
                chain.push_back({&frame, ref.page, ref.frame, describe_frame(frame, ref.frame, ref.page)});
            }

            auto items = lay_out_chain(document, chain, p, setter);
            for (size_t i = 0; i < chain.size(); ++i)
                if (!items[i].empty()) result[{chain[i].page, chain[i].index}] = std::move(items[i]);
        }
    }
    return result;
}

std::vector<Item> master_table_items(const model::Document& document, size_t page_index, const model::Frame& frame,
                                     size_t frame_index, TextSetter& setter, const std::string& part) {
    if (!table_of(frame)) return {};
    std::vector<TablePlacement> alone{
        {&frame, page_index, frame_index,
         describe_frame(frame, frame_index, page_index, document.pages.at(page_index).master, part)}};
    return std::move(lay_out_chain(document, alone, page_index, setter).front());
}

}  // namespace koho::scene
