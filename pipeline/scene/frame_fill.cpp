// One text frame's share of a story: its columns filled in order, balanced
// when the frame asks and the story ends in it, pushed by text wrap, and the
// block placed by the frame's vertical alignment.
#include <algorithm>
#include <cmath>
#include <optional>
#include <vector>

#include "scene/columns.h"
#include "scene/text_flow.h"

namespace koho::scene {
namespace {

const model::TextContent& text_content_of(const model::Frame& frame) {
    return std::get<model::TextContent>(frame.content);
}

void translate(text::SetText& text, double dx, double dy) {
    for (auto& run : text.runs)
        for (auto& glyph : run.glyphs) {
            glyph.x += dx;
            glyph.y += dy;
        }
    for (auto& rule : text.rules) {
        rule.x += dx;
        rule.y += dy;
    }
}

bool is_vertical(const text::FrameGeometry& geometry) { return geometry.writing == model::Writing::Vertical; }

// How far lines may advance in a column: its height, or its width when vertical.
double block_extent(const text::FrameGeometry& geometry) {
    return is_vertical(geometry) ? geometry.width_pt : geometry.height_pt;
}

// One column box of a frame and how text runs in it (exclusions included).
struct Column {
    Rect box;  // page coordinates
    text::FrameGeometry geometry;
};

std::vector<Column> columns_of(const model::Frame& frame, const model::TextContent& text, size_t page_index,
                               PageWraps* wraps) {
    text::FrameGeometry base = frame_geometry(frame, text);
    std::vector<Column> columns;
    for (const Rect& box : column_boxes(inner_box(frame, text), text)) {
        Column column{box, base};
        column.geometry.width_pt = box.w;
        column.geometry.height_pt = box.h;
        if (wraps && box.w > 0 && box.h > 0)
            column.geometry.exclusions = wraps->exclusions(page_index, frame, box, text.writing);
        columns.push_back(std::move(column));
    }
    return columns;
}

// A column cut to `extent` of block extent: lines start at the top (at the
// right when vertical), so the cut keeps that edge and exclusions measured
// from it stay valid.
text::FrameGeometry cut(text::FrameGeometry geometry, double extent) {
    if (is_vertical(geometry))
        geometry.width_pt = std::min(geometry.width_pt, extent);
    else
        geometry.height_pt = std::min(geometry.height_pt, extent);
    double limit = block_extent(geometry);
    std::erase_if(geometry.exclusions, [&](const text::Exclusion& e) { return e.block_begin >= limit; });
    for (auto& e : geometry.exclusions) e.block_end = std::min(e.block_end, limit);
    return geometry;
}

// The story set into the columns in order from `from`, each cut to
// `extent` (nullopt: the whole column).
struct Attempt {
    std::vector<text::FrameFill> fills;  // one per column reached
    std::vector<text::FrameGeometry> geometries;
    text::StoryPosition end;
    bool done = false;
};

Attempt fill_columns(const model::Story& story, text::StoryPosition from, const std::vector<Column>& columns,
                     TextSetter& setter, std::optional<double> extent) {
    Attempt attempt;
    attempt.end = from;
    for (const Column& column : columns) {
        if (attempt.done) break;
        text::FrameGeometry geometry = extent ? cut(column.geometry, *extent) : column.geometry;
        attempt.geometries.push_back(geometry);
        if (geometry.width_pt <= 0 || geometry.height_pt <= 0) {  // nothing fits
            attempt.fills.emplace_back();
            continue;
        }
        attempt.fills.push_back(setter.fill(story, attempt.end, geometry));
        attempt.end = attempt.fills.back().end;
        attempt.done = attempt.fills.back().story_done;
    }
    return attempt;
}

// Balancing: the smallest column extent at which the rest of the story
// still fits in all the columns (binary search with the real setter; to a
// quarter point, or to whole grid lines when the frame has a line grid).
// `full` fits by the caller's test.
Attempt balance(const model::Story& story, text::StoryPosition from, const std::vector<Column>& columns,
                TextSetter& setter, double full) {
    double pitch = columns.front().geometry.grid_pitch_pt;
    auto fits = [&](double extent) { return fill_columns(story, from, columns, setter, extent).done; };
    double best = full;
    if (pitch > 0) {
        long lo = 0, hi = static_cast<long>(std::ceil(full / pitch - 1e-9));  // hi lines: the full column
        while (hi - lo > 1) {
            long mid = (lo + hi) / 2;
            if (fits(std::min(full, mid * pitch)))
                hi = mid;
            else
                lo = mid;
        }
        best = std::min(full, hi * pitch);
    } else {
        double lo = 0, hi = full;
        while (hi - lo > 0.25) {
            double mid = (lo + hi) / 2;
            if (fits(mid))
                hi = mid;
            else
                lo = mid;
        }
        best = hi;
    }
    return fill_columns(story, from, columns, setter, best);
}

// The columns' text gathered relative to the inner box, the block shifted
// by the frame's vertical alignment — unless text wrap pushed any of its
// columns: those lines were fitted around the exclusions where they are
// (the typesetter keeps the same rule).
FramePiece gather(Attempt attempt, const std::vector<Column>& columns, const Rect& inner,
                  const model::TextContent& text) {
    FramePiece piece;
    double used = 0;
    bool wrapped = false;
    for (size_t i = 0; i < attempt.fills.size(); ++i) {
        wrapped = wrapped || !attempt.geometries[i].exclusions.empty();
        text::FrameFill& fill = attempt.fills[i];
        const Rect& box = columns[i].box;
        double dx = box.x - inner.x, dy = box.y - inner.y;
        if (is_vertical(attempt.geometries[i])) dx += box.w - attempt.geometries[i].width_pt;  // a cut keeps the right edge
        translate(fill.text, dx, dy);
        for (auto& run : fill.text.runs) piece.text.runs.push_back(std::move(run));
        for (auto& rule : fill.text.rules) piece.text.rules.push_back(rule);
        used = std::max(used, fill.used_extent_pt);
    }
    const text::FrameGeometry& geometry = columns.front().geometry;
    double room = std::max(0.0, block_extent(geometry) - used);
    double share = text.vertical_align == model::VerticalAlign::Center ? 0.5
                   : text.vertical_align == model::VerticalAlign::End  ? 1.0
                                                                         : 0.0;
    if (used <= 0 || wrapped) share = 0;
    if (is_vertical(geometry))
        piece.dx = -room * share;
    else
        piece.dy = room * share;
    return piece;
}

}  // namespace

FrameSetting set_frame(const model::Story& story, text::StoryPosition from, const model::Frame& frame,
                       size_t page_index, TextSetter& setter, PageWraps* wraps) {
    const model::TextContent& text = text_content_of(frame);
    std::vector<Column> columns = columns_of(frame, text, page_index, wraps);
    Attempt attempt = fill_columns(story, from, columns, setter, std::nullopt);
    if (attempt.done && text.balance && columns.size() > 1 && columns.front().box.w > 0 &&
        columns.front().box.h > 0)
        attempt = balance(story, from, columns, setter, block_extent(columns.front().geometry));
    FrameSetting setting;
    setting.end = attempt.end;
    setting.story_done = attempt.done;
    setting.piece = gather(std::move(attempt), columns, inner_box(frame, text), text);
    return setting;
}

}  // namespace koho::scene
