// Greedy JLReq line composition: take the furthest legal break whose line
// fits when every reducible space is reduced; hang 、。 that do not fit;
// then push in (reduce) or push out (expand) in JLReq's order.
#include "text/line_breaker.h"

#include <algorithm>

#include "text/epsilon.h"

namespace koho::text {

namespace {
// Sets the line's ratios so that its interior gaps absorb `measure - natural`.
void adjust(const BreakParagraph& p, BreakLine& line, uint32_t content_end, double measure, bool justify) {
    double shrink[kShrinkLevels] = {};
    double stretch[kStretchLevels] = {};
    for (uint32_t i = line.begin + 1; i < content_end; ++i) {
        const BreakGap& g = p.gaps[i];
        shrink[g.shrink_priority] += g.shrink;
        stretch[g.stretch_priority] += g.stretch;
    }
    line.width = line.natural;
    if (line.natural > measure + kEpsilon) {
        double need = line.natural - measure;
        for (int level = 1; level < kShrinkLevels && need > kEpsilon; ++level) {
            if (shrink[level] <= 0) continue;
            double take = std::min(need, shrink[level]);
            line.shrink_ratio[level] = take / shrink[level];
            need -= take;
        }
        line.width = measure + std::max(need, 0.0);  // > measure only for an emergency break
        return;
    }
    if (!justify || line.natural >= measure - kEpsilon) return;
    double extra = measure - line.natural;
    for (int level = 1; level < kStretchLevels && extra > kEpsilon; ++level) {
        if (stretch[level] <= 0) continue;
        bool capped = level <= kStretchJapaneseLatin;
        if (level == kStretchAki && stretch[kStretchInterCharacter] > 0) break;
        double give = capped ? std::min(extra, stretch[level]) : extra;
        line.stretch_ratio[level] = give / stretch[level];
        extra -= give;
    }
    line.width = measure - std::max(extra, 0.0);
}

bool should_justify(const BreakOptions& o, bool last) {
    return (last ? o.last_line_align : o.align) == model::Align::Justify;
}

void place(BreakLine& line, const BreakOptions& o) {
    model::Align a = line.last ? o.last_line_align : o.align;
    if (a == model::Align::Justify && line.last) a = model::Align::Start;
    double room = o.measure - line.width;
    if (room <= 0) return;
    if (a == model::Align::Center) line.offset = room / 2;
    if (a == model::Align::End) line.offset = room;
}
}  // namespace

BreakLine break_line(const BreakParagraph& p, uint32_t start, const BreakOptions& o) {
    const uint32_t n = static_cast<uint32_t>(p.atoms.size());
    BreakLine line;
    line.begin = start;
    line.first = start == 0;
    const double indent = line.first ? o.first_indent : 0;
    const double measure = o.measure;

    // Running sums over atoms [start, j]: natural width and total shrink.
    double width = indent;
    double shrink = 0;
    uint32_t best = UINT32_MAX;        // last atom of the furthest legal fitting line
    double best_natural = 0;
    uint32_t first_overflow = UINT32_MAX;  // first atom that does not fit at natural width
    double natural_before_overflow = 0;
    uint32_t fits_any = UINT32_MAX;    // furthest atom that fits ignoring kinsoku
    double fits_any_natural = 0;
    uint32_t fits_weak = UINT32_MAX;   // furthest that fits breaking only weak rules
    double fits_weak_natural = 0;

    for (uint32_t j = start; j < n; ++j) {
        if (j > start) {
            width += p.gaps[j].natural;
            shrink += p.gaps[j].shrink;
        }
        width += p.atoms[j].width;
        const BreakGap& after = p.gaps[j + 1];
        const double at_end = width + after.keep_at_end;
        if (first_overflow == UINT32_MAX && at_end > measure + kEpsilon) {
            first_overflow = j;
            natural_before_overflow = j > start ? width - p.atoms[j].width - p.gaps[j].natural +
                                                      p.gaps[j].keep_at_end
                                                : indent;
        }
        if (at_end - shrink > measure + kEpsilon) break;
        fits_any = j;
        fits_any_natural = at_end;
        if (j + 1 == n || after.breakable || after.violation <= 1) {
            fits_weak = j;
            fits_weak_natural = at_end;
        }
        if (j + 1 == n || after.breakable) {
            best = j;
            best_natural = at_end;
        }
    }

    // Burasagari: a 、 or 。 that does not fit hangs in the margin.
    if (o.hanging && first_overflow != UINT32_MAX && first_overflow > start &&
        p.atoms[first_overflow].hangable &&
        (first_overflow + 1 == n || p.gaps[first_overflow + 1].breakable)) {
        line.end = first_overflow + 1;
        line.hanging = true;
        line.last = line.end == n;
        line.natural = natural_before_overflow;
        adjust(p, line, first_overflow, measure, should_justify(o, line.last));
        place(line, o);
        return line;
    }

    if (best != UINT32_MAX) {
        line.end = best + 1;
        line.natural = best_natural;
    } else if (fits_weak != UINT32_MAX) {
        // No legal break fits: relax the weak rules first (as `loose` does)…
        line.end = fits_weak + 1;
        line.natural = fits_weak_natural;
    } else if (fits_any != UINT32_MAX) {
        // …then break where it fits rather than overflow the measure.
        line.end = fits_any + 1;
        line.natural = fits_any_natural;
    } else {
        // Not even one unit fits: set it alone, overfull.
        line.end = start + 1;
        line.natural = indent + p.atoms[start].width + p.gaps[start + 1].keep_at_end;
    }
    line.last = line.end == n;
    adjust(p, line, line.end, measure, should_justify(o, line.last));
    place(line, o);
    return line;
}

BreakLine set_line(const BreakParagraph& p, uint32_t begin, uint32_t end, const BreakOptions& o, bool hang) {
    BreakLine line;
    line.begin = begin;
    line.end = end;
    line.first = begin == 0;
    line.last = end == p.atoms.size();
    line.hanging = hang && end > begin + 1 && p.atoms[end - 1].hangable;
    const uint32_t content_end = line.hanging ? end - 1 : end;
    double width = line.first ? o.first_indent : 0;
    for (uint32_t j = begin; j < content_end; ++j) width += (j > begin ? p.gaps[j].natural : 0) + p.atoms[j].width;
    line.natural = width + p.gaps[content_end].keep_at_end;
    adjust(p, line, content_end, o.measure, should_justify(o, line.last));
    place(line, o);
    return line;
}

std::vector<BreakLine> break_paragraph(const BreakParagraph& p, uint32_t start, const BreakOptions& o) {
    std::vector<BreakLine> lines;
    const uint32_t n = static_cast<uint32_t>(p.atoms.size());
    while (start < n) {
        lines.push_back(break_line(p, start, o));
        start = lines.back().end;
    }
    return lines;
}

}  // namespace koho::text
