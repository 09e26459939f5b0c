// last_line_min_chars: re-breaking a paragraph's last two lines so the last
// line is not one lonely character (line_breaker.h says exactly how).
#include <algorithm>

#include "text/epsilon.h"
#include "text/line_breaker.h"

namespace koho::text {

namespace {
uint32_t characters(const BreakParagraph& p, uint32_t begin, uint32_t end) {
    uint32_t n = 0;
    for (uint32_t a = begin; a < end; ++a) n += p.atoms[a].end - p.atoms[a].begin;
    return n;
}

bool fits(const BreakLine& line, const BreakOptions& o) { return line.width <= o.measure + kEpsilon; }

// Can `line` (natural width set, not wider than its measure) be justified
// within the push-out limits?
bool expandable(const BreakParagraph& p, const BreakLine& line, const BreakOptions& o, double max_spread) {
    const model::Align align = line.last ? o.last_line_align : o.align;
    if (align != model::Align::Justify) return true;  // a ragged line may end early
    double room = 0;
    for (uint32_t i = line.begin + 1; i < line.end; ++i) {
        const BreakGap& g = p.gaps[i];
        if (g.stretch_priority == kStretchWordSpace || g.stretch_priority == kStretchJapaneseLatin)
            room += g.stretch;
        else if (g.stretch_priority != kStretchNone)
            room += max_spread;
    }
    return line.natural + room >= o.measure - kEpsilon;
}
}  // namespace

ShortLastLine fix_short_last_line(const BreakParagraph& p, BreakLine& prev, const BreakOptions& prev_options,
                                  BreakLine& last, const BreakOptions& last_options, int min_chars,
                                  double max_spread) {
    const uint32_t n = static_cast<uint32_t>(p.atoms.size());
    if (min_chars <= 1 || !last.last || prev.end != last.begin || last.end != n) return ShortLastLine::Unchanged;
    if (characters(p, last.begin, last.end) >= static_cast<uint32_t>(min_chars)) return ShortLastLine::Unchanged;

    // Pulling the last line back into `prev` is never possible here: the
    // breaker already took the furthest break `prev` can hold with every
    // reducible space fully reduced and a final 、。 hung.
    // Push on: the latest legal break before which enough characters remain.
    for (uint32_t b = last.begin; b-- > prev.begin + 1;) {
        if (!p.gaps[b].breakable) continue;
        if (characters(p, b, n) < static_cast<uint32_t>(min_chars)) continue;
        BreakLine new_prev = set_line(p, prev.begin, b, prev_options);
        BreakLine new_last = set_line(p, b, n, last_options);
        if (!expandable(p, new_prev, prev_options, max_spread) || !fits(new_last, last_options))
            return ShortLastLine::Unchanged;  // an earlier break only needs more
        prev = new_prev;
        last = new_last;
        return ShortLastLine::PushedOn;
    }
    return ShortLastLine::Unchanged;
}

}  // namespace koho::text
