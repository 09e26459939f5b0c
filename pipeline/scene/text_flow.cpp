#include "scene/text_flow.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <vector>

#include "scene/columns.h"

namespace koho::scene {
namespace {

bool has_late_variables(const model::Story& story) {
    for (const auto& paragraph : story.paragraphs)
        for (const auto& span : paragraph.spans)
            if (!span.late_variable.empty()) return true;
    return false;
}

const model::TextContent* text_of(const model::Frame& frame) {
    return std::get_if<model::TextContent>(&frame.content);
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
// by the frame's vertical alignment.
FramePiece gather(Attempt attempt, const std::vector<Column>& columns, const Rect& inner,
                  const model::TextContent& text) {
    FramePiece piece;
    double used = 0;
    for (size_t i = 0; i < attempt.fills.size(); ++i) {
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
    if (used <= 0) share = 0;
    if (is_vertical(geometry))
        piece.dx = -room * share;
    else
        piece.dy = room * share;
    return piece;
}

// Where a story went: what each frame received, and where it stopped.
struct Flow {
    std::vector<FramePiece> pieces;  // one per frame, in chain order
    text::StoryPosition end;
    bool done = true;
};

struct Placement {
    const model::Frame* frame = nullptr;
    size_t page = 0;
};

Flow flow_story(const model::Story& story, const std::vector<Placement>& frames, TextSetter& setter,
                PageWraps* wraps) {
    Flow flow;
    flow.pieces.resize(frames.size());
    if (story.paragraphs.empty()) return flow;
    flow.done = false;
    for (size_t i = 0; i < frames.size() && !flow.done; ++i) {
        FrameSetting setting = set_frame(story, flow.end, *frames[i].frame, frames[i].page, setter, wraps);
        flow.end = setting.end;
        flow.done = setting.story_done;
        flow.pieces[i] = std::move(setting.piece);
    }
    return flow;
}

[[noreturn]] void fail_overset(const model::Frame& head, const std::string& head_name, const std::string& last_name,
                               size_t chain_length, size_t characters) {
    std::string count = std::to_string(characters) + (characters == 1 ? " character" : " characters");
    if (chain_length <= 1)
        fail_input(head.loc, "overset text: " + count + " did not fit in " + head_name +
                                 " (give the frame more room, chain it with \"next\", or set \"overflow\": \"allow\")");
    fail_input(head.loc, "overset text: " + count + " did not fit in " + head_name +
                             " and the frames it flows into (the chain ends in " + last_name +
                             "; give the frames more room, chain another frame with \"next\", or set "
                             "\"overflow\": \"allow\")");
}

}  // namespace

std::map<std::string, std::string> late_values(const model::Document& document, size_t page_index) {
    return {{"page", std::to_string(page_index + 1)},
            {"pages", std::to_string(document.pages.size())},
            {"section", document.pages.at(page_index).section}};
}

model::Story resolve_story(const model::Story& story, const std::map<std::string, std::string>& values) {
    if (!has_late_variables(story)) return story;
    return model::substitute_late_variables(story, values);
}

Rect inner_box(const model::Frame& frame, const model::TextContent& text) {
    double inset = std::max(0.0, text.inset_pt);
    return {frame.box.x + inset, frame.box.y + inset, frame.box.w - 2 * inset, frame.box.h - 2 * inset};
}

text::FrameGeometry frame_geometry(const model::Frame& frame, const model::TextContent& text) {
    Rect inner = inner_box(frame, text);
    text::FrameGeometry geometry;
    geometry.width_pt = inner.w;
    geometry.height_pt = inner.h;
    geometry.writing = text.writing;
    geometry.vertical_align = model::VerticalAlign::Start;
    if (text.grid) {
        geometry.grid_pitch_pt = text.grid->effective_leading_pt();
        geometry.grid_em_pt = text.grid->size_pt;
    }
    return geometry;
}

std::string describe_frame(const model::Frame& frame, size_t frame_index, size_t page_index,
                           const model::Master* master, const std::string& part) {
    std::string name = frame.id.empty() ? "frame " + std::to_string(frame_index + 1) + " (no id)"
                                        : "frame '" + frame.id + "'";
    if (master) name += " of master '" + master->name + "'";
    if (master && !part.empty()) name += " (" + part + " pages)";
    return name + " on page " + std::to_string(page_index + 1);
}

FrameSetting set_frame(const model::Story& story, text::StoryPosition from, const model::Frame& frame,
                       size_t page_index, TextSetter& setter, PageWraps* wraps) {
    const model::TextContent& text = *text_of(frame);
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

std::map<std::pair<size_t, size_t>, FramePiece> flow_page_stories(const model::Document& document,
                                                                   TextSetter& setter, PageWraps* wraps) {
    std::map<std::pair<size_t, size_t>, FramePiece> result;
    for (size_t p = 0; p < document.pages.size(); ++p) {
        const auto& frames = document.pages[p].frames;
        for (size_t f = 0; f < frames.size(); ++f) {
            const model::TextContent* head = text_of(frames[f]);
            if (!head || head->continues_chain) continue;

            std::vector<model::FrameRef> refs{{p, f}};
            if (auto chain = document.chains.find({p, f}); chain != document.chains.end())
                refs.insert(refs.end(), chain->second.begin(), chain->second.end());
            std::vector<Placement> chain_frames;
            for (const auto& ref : refs) {
                if (ref.page >= document.pages.size() || ref.frame >= document.pages[ref.page].frames.size() ||
                    !text_of(document.pages[ref.page].frames[ref.frame]))
                    fail_system(frames[f].loc, "the chain of " + describe_frame(frames[f], f, p) +
                                                   " names a frame that is not a text frame");
                chain_frames.push_back({&document.pages[ref.page].frames[ref.frame], ref.page});
            }

            model::Story story = resolve_story(head->story, late_values(document, p));
            Flow flow = flow_story(story, chain_frames, setter, wraps);
            if (!flow.done && head->overflow == model::Overflow::Error) {
                const auto& last = refs.back();
                fail_overset(frames[f], describe_frame(frames[f], f, p),
                             describe_frame(*chain_frames.back().frame, last.frame, last.page), refs.size(),
                             setter.count_characters(story, flow.end));
            }
            for (size_t i = 0; i < refs.size(); ++i)
                if (!flow.pieces[i].text.runs.empty() || !flow.pieces[i].text.rules.empty())
                    result[{refs[i].page, refs[i].frame}] = std::move(flow.pieces[i]);
        }
    }
    return result;
}

FramePiece set_master_text(const model::Document& document, size_t page_index, const model::Frame& frame,
                           size_t frame_index, TextSetter& setter, PageWraps* wraps, const std::string& part) {
    const model::TextContent* text = text_of(frame);
    if (!text) return {};
    model::Story story = resolve_story(text->story, late_values(document, page_index));
    Flow flow = flow_story(story, {{&frame, page_index}}, setter, wraps);
    if (!flow.done && text->overflow == model::Overflow::Error)
        fail_overset(frame,
                     describe_frame(frame, frame_index, page_index, document.pages[page_index].master, part), "",
                     1, setter.count_characters(story, flow.end));
    return std::move(flow.pieces[0]);
}

}  // namespace koho::scene
