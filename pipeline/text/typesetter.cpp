// Typesetter::fill: paragraphs into one frame, line by line, until the
// frame's block extent is used up; the rest waits for the next frame.
#include "text/typesetter.h"

#include <cmath>

#include "text/epsilon.h"
#include "text/exclusions.h"
#include "text/keep_rules.h"
#include "text/line_render.h"
#include "text/shaper.h"
#include "text/typesetter_impl.h"

namespace koho::text {

namespace {
// Moves the block within the frame for vertical_align Center/End: down in
// horizontal text, leftwards in vertical text (its lines start at the right).
// Not with text wrap: the lines were fitted around the exclusions where they are.
void align_block(FrameFill& out, const FrameGeometry& frame, double extent) {
    const double room = extent - out.used_extent_pt;
    if (room <= 0 || frame.vertical_align == model::VerticalAlign::Start || !frame.exclusions.empty()) return;
    const double shift = frame.vertical_align == model::VerticalAlign::Center ? room / 2 : room;
    const bool vertical = frame.writing == model::Writing::Vertical;
    for (auto& run : out.text.runs)
        for (auto& g : run.glyphs) (vertical ? g.x : g.y) += vertical ? -shift : shift;
    for (auto& rule : out.text.rules) (vertical ? rule.x : rule.y) += vertical ? -shift : shift;
    for (auto& line : out.lines) line.block_pt += shift;
}

// One segment of a planned line: a line of the breaker with its own
// measure, starting at `inline_start` (text wrap splits a line in segments).
struct PlannedSegment {
    BreakLine line;
    BreakOptions options;
    double inline_start = 0;
    bool marker = false;      // the list marker goes at marker_at
    double marker_at = 0;
};

// A line of a paragraph at its block position, before it is rendered.
struct PlannedRow {
    double block = 0;
    std::vector<PlannedSegment> segments;  // empty: a blank line (empty paragraph)
};

// The typesetter's position in the frame after a paragraph, to return to
// when keep_with_next moves paragraphs on.
struct FrameState {
    bool any_line = false;
    double block = 0;       // em-box top (or right edge) of the last line set
    double last_em = 0;
    double pending = 0;     // paragraph spacing waiting for the next line
    double grid_next = 0;   // line grid: top of the next free grid line
};

struct Checkpoint {
    size_t paragraph = 0;
    FrameState state;
    size_t runs = 0, rules = 0, lines = 0;
};

size_t start_atom(const PreparedParagraph& p, size_t offset) {
    const auto& atoms = p.breaking.atoms;
    size_t a = 0;
    while (a < atoms.size() && p.chars[atoms[a].begin].source < offset) ++a;
    return a;
}
}  // namespace

Typesetter::Typesetter(std::shared_ptr<FontContext> fonts) : impl_(std::make_unique<Impl>(std::move(fonts))) {}
Typesetter::~Typesetter() = default;

FontContext& Typesetter::fonts() const { return *impl_->fonts; }

FrameFill Typesetter::fill(const model::Story& story, StoryPosition from, const FrameGeometry& frame) {
    FrameFill out;
    const bool vertical = frame.writing == model::Writing::Vertical;
    const double measure = vertical ? frame.height_pt : frame.width_pt;
    const double extent = vertical ? frame.width_pt : frame.height_pt;
    const double grid = frame.grid_pitch_pt;

    FrameState st;
    std::vector<Checkpoint> whole;        // paragraphs set whole in this frame
    std::vector<SetParagraph> whole_keep;  // their keep_with_next and first_in_frame

    auto finish = [&](StoryPosition end, bool done) {
        out.end = end;
        out.story_done = done;
        out.used_extent_pt = st.any_line ? st.block + st.last_em : 0;
        align_block(out, frame, extent);
        return out;
    };

    for (size_t pi = from.paragraph; pi < story.paragraphs.size(); ++pi) {
        const model::Paragraph& paragraph = story.paragraphs[pi];
        PreparedText t;
        prepare_paragraph(paragraph, vertical, impl_->cache, t);
        const model::Style& style = *paragraph.style;
        const PreparedParagraph& p = t.p;
        const double em = p.em;
        const double lead = style.effective_leading_pt();
        const uint32_t n = static_cast<uint32_t>(p.breaking.atoms.size());
        const uint32_t a0 = pi == from.paragraph ? static_cast<uint32_t>(start_atom(p, from.offset)) : 0;
        const bool continued = pi == from.paragraph && from.offset > 0;
        if (n > 0 && a0 >= n) continue;      // resumed after its last line
        if (n == 0 && continued) continue;   // an empty paragraph already set

        const Checkpoint checkpoint{pi, st, out.text.runs.size(), out.text.rules.size(), out.lines.size()};
        const bool first_in_frame = !st.any_line;
        if (a0 == 0 && st.any_line) {
            // Two items of one list are apart by its item_gap instead.
            if (paragraph.list_continues && style.list.kind != model::ListKind::None)
                st.pending = style.list.item_gap_pt;
            else
                st.pending += style.space_before_pt;
        }
        BreakOptions plain = t.options;
        plain.measure = std::max(0.0, measure - t.start_indent);

        // Where the first line goes, and (line grid, 行取り) how many grid
        // lines the paragraph takes, its lines centred in them.
        double pos = st.any_line ? st.block + st.last_em + (lead - em) + st.pending : 0;
        double slot = 0, grid_lines = 0;
        if (grid > 0) {
            const double grid_em = frame.grid_em_pt > 0 ? frame.grid_em_pt : em;
            const size_t count = n ? break_paragraph(p.breaking, a0, plain).size() : 0;
            const double natural = (count ? (count - 1) * lead : 0) + em;
            slot = st.any_line ? std::ceil((st.grid_next + st.pending) / grid - kEpsilon) * grid : 0;
            grid_lines = std::max(1.0, std::ceil((natural - grid_em) / grid - kEpsilon) + 1);
            const double region = (grid_lines - 1) * grid + grid_em;
            pos = slot + (slot + region <= extent + kEpsilon ? (region - natural) / 2 : 0);
        }

        // Plan the lines that fit: each at the next block position where
        // text wrap leaves room, in the free segments of its measure.
        std::vector<PlannedRow> rows;
        const double min_segment = std::min(3 * em, plain.measure);
        uint32_t a = a0;
        bool fits = true;
        auto find_room = [&](std::vector<FreeSegment>& segments) {
            while (pos + em <= extent + kEpsilon) {
                segments = free_segments(frame.exclusions, pos, em, measure, t.start_indent, min_segment);
                if (!segments.empty()) return true;
                const double next = next_block_after(frame.exclusions, pos, em);
                // On the grid: whole grid lines, at least one (always progress).
                pos = grid > 0 ? pos + std::max(1.0, std::ceil((next - pos) / grid - kEpsilon)) * grid : next;
            }
            return false;
        };
        std::vector<FreeSegment> segments;
        if (n == 0) {
            // An empty paragraph is a blank line.
            fits = pos + em <= extent + kEpsilon;
            if (fits) rows.push_back({pos, {}});
        }
        while (a < n) {
            if (!find_room(segments)) {
                fits = false;
                break;
            }
            PlannedRow row{pos, {}};
            for (const FreeSegment& segment : segments) {
                if (a >= n) break;
                PlannedSegment planned;
                planned.inline_start = std::max(segment.begin, t.start_indent);
                planned.options = t.options;
                planned.options.measure = std::max(0.0, segment.end - planned.inline_start);
                planned.options.first_indent = a == 0 ? t.options.first_indent : 0;
                // 、。 hang only into the frame's margin, never into a wrap object.
                planned.options.hanging = t.options.hanging && segment.end >= measure - kEpsilon;
                if (a == 0 && t.marker_box > 0) {
                    const MarkerPlace place = place_marker(t, segment.begin);
                    planned.marker = true;
                    planned.marker_at = place.marker_at;
                    planned.options.first_indent += place.text_at - planned.inline_start;
                }
                planned.line = break_line(p.breaking, a, planned.options);
                a = planned.line.end;
                row.segments.push_back(std::move(planned));
            }
            rows.push_back(std::move(row));
            pos += lead;
        }
        if (fits && n > 0 && style.last_line_min_chars > 1) {
            std::vector<PlannedSegment*> flat;
            for (auto& row : rows)
                for (auto& seg : row.segments) flat.push_back(&seg);
            if (flat.size() >= 2) {
                PlannedSegment& prev = *flat[flat.size() - 2];
                PlannedSegment& last = *flat.back();
                // Inter-character spaces of the line before may open by up to 1/4 em.
                fix_short_last_line(p.breaking, prev.line, prev.options, last.line, last.options,
                                    style.last_line_min_chars, 0.25 * em);
            }
        }

        // Orphans and widows decide how many of the planned lines stay here.
        size_t total = rows.size();
        if (!fits && n > 0) total += a < n ? break_paragraph(p.breaking, a, plain).size() : 0;
        if (!fits && n == 0) total = 1;
        const size_t keep = lines_to_keep(rows.size(), total, style.orphans, style.widows, first_in_frame);
        if (keep == 0) {
            // Nothing of this paragraph here: keep_with_next paragraphs
            // before it follow it into the next frame.
            const size_t cut = keep_with_next_cut(whole_keep);
            if (cut < whole.size()) {
                const Checkpoint& back = whole[cut];
                st = back.state;
                out.text.runs.resize(back.runs);
                out.text.rules.resize(back.rules);
                out.lines.resize(back.lines);
                return finish({back.paragraph, 0}, false);
            }
            st = checkpoint.state;
            return finish({pi, a0 < n ? p.chars[p.breaking.atoms[a0].begin].source : 0}, false);
        }
        for (size_t r = 0; r < keep; ++r) {
            const PlannedRow& row = rows[r];
            st.block = row.block, st.any_line = true, st.last_em = em, st.pending = 0;
            if (row.segments.empty() && t.marker_box > 0)  // an empty list item still shows its marker
                render_marker(t, place_marker(t, 0).marker_at, {row.block, frame.width_pt}, out.text);
            for (const PlannedSegment& seg : row.segments) {
                const LinePlacement where{row.block, frame.width_pt, seg.inline_start, seg.options.first_indent};
                if (seg.marker) render_marker(t, seg.marker_at, where, out.text);
                SetLine report = render_line(t, seg.line, where, out.text);
                report.paragraph = pi;
                out.lines.push_back(std::move(report));
            }
        }
        if (keep < total) {
            const uint32_t next = keep < rows.size() ? rows[keep].segments.front().line.begin : a;
            return finish({pi, p.chars[p.breaking.atoms[next].begin].source}, false);
        }
        if (grid > 0)
            st.grid_next = std::max(slot + grid_lines * grid,
                                    slot + std::ceil((st.block + em - slot) / grid - kEpsilon) * grid);
        st.pending += style.space_after_pt;
        whole.push_back(checkpoint);
        whole_keep.push_back({style.keep_with_next, first_in_frame});
    }
    return finish({story.paragraphs.size(), 0}, true);
}

size_t Typesetter::count_characters(const model::Story& story, StoryPosition from) {
    size_t count = 0;
    for (size_t pi = from.paragraph; pi < story.paragraphs.size(); ++pi) {
        size_t offset = 0;
        for (const model::Span& span : story.paragraphs[pi].spans) {
            for (unsigned char c : span.text) {
                const bool counted = (c & 0xC0) != 0x80 && (pi != from.paragraph || offset >= from.offset);
                count += counted ? 1 : 0;
                ++offset;
            }
        }
    }
    return count;
}

}  // namespace koho::text
