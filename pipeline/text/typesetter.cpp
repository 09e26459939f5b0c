// Typesetter::fill: paragraphs into one frame, line by line, until the
// frame's block extent is used up; the rest waits for the next frame.
#include "text/typesetter.h"

#include <cmath>

#include "text/line_render.h"
#include "text/shaper.h"

namespace koho::text {

namespace {
constexpr double kEpsilon = 1e-6;

// Moves the block within the frame for vertical_align Center/End: down in
// horizontal text, leftwards in vertical text (its lines start at the right).
void align_block(FrameFill& out, const FrameGeometry& frame, double extent) {
    const double room = extent - out.used_extent_pt;
    if (room <= 0 || frame.vertical_align == model::VerticalAlign::Start) return;
    const double shift = frame.vertical_align == model::VerticalAlign::Center ? room / 2 : room;
    const bool vertical = frame.writing == model::Writing::Vertical;
    for (auto& run : out.text.runs)
        for (auto& g : run.glyphs) (vertical ? g.x : g.y) += vertical ? -shift : shift;
    for (auto& rule : out.text.rules) (vertical ? rule.x : rule.y) += vertical ? -shift : shift;
    for (auto& line : out.lines) line.block_pt += shift;
}

size_t start_atom(const PreparedParagraph& p, size_t offset) {
    const auto& atoms = p.breaking.atoms;
    size_t a = 0;
    while (a < atoms.size() && p.chars[atoms[a].begin].source < offset) ++a;
    return a;
}
}  // namespace

struct Typesetter::Impl {
    std::shared_ptr<FontContext> fonts;
    FontCache cache;
    explicit Impl(std::shared_ptr<FontContext> f) : fonts(std::move(f)), cache(*fonts) {}
};

Typesetter::Typesetter(std::shared_ptr<FontContext> fonts) : impl_(std::make_unique<Impl>(std::move(fonts))) {}
Typesetter::~Typesetter() = default;

FontContext& Typesetter::fonts() const { return *impl_->fonts; }

FrameFill Typesetter::fill(const model::Story& story, StoryPosition from, const FrameGeometry& frame) {
    FrameFill out;
    const bool vertical = frame.writing == model::Writing::Vertical;
    const double measure = vertical ? frame.height_pt : frame.width_pt;
    const double extent = vertical ? frame.width_pt : frame.height_pt;

    bool any_line = false;
    double block = 0;        // em-box top (or right edge) of the last line set
    double last_em = 0;
    double pending = 0;      // paragraph spacing waiting for the next line
    double grid_next = 0;    // line grid: top of the next free grid line
    for (size_t pi = from.paragraph; pi < story.paragraphs.size(); ++pi) {
        const model::Paragraph& paragraph = story.paragraphs[pi];
        PreparedText t;
        prepare_paragraph(paragraph, vertical, impl_->cache, t);
        t.options.measure = measure;
        const model::Style& style = *paragraph.style;
        const PreparedParagraph& p = t.p;
        const size_t n = p.breaking.atoms.size();
        size_t a = pi == from.paragraph ? start_atom(p, from.offset) : 0;
        if (a == 0 && any_line) pending += style.space_before_pt;

        auto place_next = [&](double em) -> bool {
            // The space between two lines (行間) is the new line's leading
            // less its own em: a line of the same size steps by its leading,
            // a smaller line after a bigger one never climbs into it.
            const double line_gap = style.effective_leading_pt() - em;
            const double next = any_line ? block + last_em + line_gap + pending : 0;
            if (next + em > extent + kEpsilon) return false;
            block = next;
            pending = 0;
            any_line = true;
            last_em = em;
            return true;
        };
        auto stop_here = [&](size_t offset) {
            out.end = {pi, offset};
            out.story_done = false;
            out.used_extent_pt = any_line ? block + last_em : 0;
            align_block(out, frame, extent);
            return out;
        };

        if (frame.grid_pitch_pt > 0 && (a < n || (n == 0 && (pi != from.paragraph || from.offset == 0)))) {
            // 行取り: the paragraph takes m grid lines, its lines centred in them.
            const double grid = frame.grid_pitch_pt;
            const double grid_em = frame.grid_em_pt > 0 ? frame.grid_em_pt : p.em;
            const double lead = style.effective_leading_pt();
            std::vector<BreakLine> lines = n ? break_paragraph(p.breaking, static_cast<uint32_t>(a), t.options)
                                             : std::vector<BreakLine>{};
            const double natural = (lines.empty() ? 0 : (lines.size() - 1) * lead) + p.em;
            const double slot = any_line ? std::ceil((grid_next + pending) / grid - kEpsilon) * grid : 0;
            const double m = std::max(1.0, std::ceil((natural - grid_em) / grid - kEpsilon) + 1);
            const double region = (m - 1) * grid + grid_em;
            const bool whole = slot + region <= extent + kEpsilon;
            double top = slot + (whole ? (region - natural) / 2 : 0);
            if (lines.empty()) {
                if (!whole) return stop_here(0);
                block = top, any_line = true, last_em = p.em, pending = 0;
            }
            for (const BreakLine& line : lines) {
                if (top + p.em > extent + kEpsilon) return stop_here(p.chars[p.breaking.atoms[line.begin].begin].source);
                block = top, any_line = true, last_em = p.em, pending = 0;
                SetLine report = render_line(t, line, {block, frame.width_pt}, out.text);
                report.paragraph = pi;
                out.lines.push_back(std::move(report));
                top += lead;
            }
            grid_next = slot + m * grid;
            pending += style.space_after_pt;
            continue;
        }
        if (n == 0) {  // an empty paragraph is a blank line
            if (pi != from.paragraph || from.offset == 0) {
                if (!place_next(p.em)) return stop_here(0);
            }
        }
        while (a < n) {
            BreakLine line = break_line(p.breaking, static_cast<uint32_t>(a), t.options);
            if (!place_next(p.em)) return stop_here(p.chars[p.breaking.atoms[a].begin].source);
            SetLine report = render_line(t, line, {block, frame.width_pt}, out.text);
            report.paragraph = pi;
            out.lines.push_back(std::move(report));
            a = line.end;
        }
        pending += style.space_after_pt;
    }
    out.end = {story.paragraphs.size(), 0};
    out.story_done = true;
    out.used_extent_pt = any_line ? block + last_em : 0;
    align_block(out, frame, extent);
    return out;
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

namespace koho::text {

ContentWidths Typesetter::measure(const model::Story& story, model::Writing writing) {
    ContentWidths widths;
    const bool vertical = writing == model::Writing::Vertical;
    for (const model::Paragraph& paragraph : story.paragraphs) {
        PreparedText t;
        prepare_paragraph(paragraph, vertical, impl_->cache, t);
        const auto& atoms = t.p.breaking.atoms;
        const auto& gaps = t.p.breaking.gaps;
        const double indent = t.options.first_indent;
        double line = indent;
        for (size_t a = 0; a < atoms.size(); ++a) {
            // An atom is never broken; kinsoku may glue it to its neighbours,
            // so the unbreakable width runs from one breakable gap to the next.
            widths.min_pt = std::max(widths.min_pt, atoms[a].width + (a == 0 ? indent : 0));
            line += (a > 0 ? gaps[a].natural : 0) + atoms[a].width;
        }
        double unit = 0;
        for (size_t a = 0; a < atoms.size(); ++a) {
            if (a > 0 && gaps[a].breakable) unit = 0;
            unit += (a > 0 && !gaps[a].breakable ? gaps[a].natural : 0) + atoms[a].width;
            widths.min_pt = std::max(widths.min_pt, unit);
        }
        widths.max_pt = std::max(widths.max_pt, line);
    }
    return widths;
}

}  // namespace koho::text
