// koho's line breaker and justifier (JLReq 3.1, 3.8): pure arithmetic over
// pre-measured units, no Pango, so that it runs at millions of characters
// per second and is testable with hand-made input.
//
// A paragraph is a sequence of atoms (units never broken: a kanji, a Latin
// word, a number with its prefix and suffix, ――) with a gap before each
// atom and one after the last. A gap holds the punctuation space (aki),
// Japanese–Latin space or word space between its neighbours; a line break
// may happen only at a breakable gap, and the gap then vanishes except for
// `keep_at_end`, which stays on the line before.
#pragma once

#include <cstdint>
#include <vector>

#include "model/document.h"

namespace koho::text {

// Reduction (push-in) priorities, in JLReq's order (3.8.3). The half em
// after a line-end 、。」 is simply dropped (3.1.9); the space after a
// mid-line full stop (and after ！？) is reduced only as a last resort, as
// a sentence end squeezed shut reads as a run-on.
enum ShrinkPriority : uint8_t {
    kShrinkNone = 0,
    kShrinkWordSpace = 1,
    kShrinkMiddleDot = 2,
    kShrinkBracketComma = 3,
    kShrinkJapaneseLatin = 4,
    kShrinkAfterFullStop = 5,
    kShrinkLevels = 6,
};

// Expansion (push-out) priorities (3.8.4). Levels 1 and 2 are capped at the
// gap's `stretch`; levels 3 and 4 are spread evenly without a cap (level 4
// only when a line has no level-3 gap).
enum StretchPriority : uint8_t {
    kStretchNone = 0,
    kStretchWordSpace = 1,
    kStretchJapaneseLatin = 2,
    kStretchInterCharacter = 3,
    kStretchAki = 4,
    kStretchLevels = 5,
};

struct BreakAtom {
    double width = 0;       // advance along the line, points
    uint32_t begin = 0;     // character range in the paragraph
    uint32_t end = 0;
    bool hangable = false;  // 、。，． (burasagari)
};

struct BreakGap {
    double natural = 0;      // points
    double keep_at_end = 0;  // what stays at a line end when breaking here
    double shrink = 0;       // removable amount
    double stretch = 0;      // addable amount (levels 1–2); weight for 3–4
    uint8_t shrink_priority = kShrinkNone;
    uint8_t stretch_priority = kStretchNone;
    bool breakable = false;
    // For emergencies only (no legal break fits): 1 if breaking here breaks
    // only the rules `loose` relaxes, 2 if it puts 、。」 and the like at a
    // line head or leaves an opening bracket at a line end.
    uint8_t violation = 2;
};

struct BreakParagraph {
    std::vector<BreakAtom> atoms;
    std::vector<BreakGap> gaps;  // atoms.size() + 1: gaps[i] precedes atoms[i]
};

struct BreakOptions {
    double measure = 0;          // points
    double first_indent = 0;     // points, first line of the paragraph only
    bool hanging = true;
    model::Align align = model::Align::Justify;
    model::Align last_line_align = model::Align::Start;
    // The current measure may differ per line (chained frames of other
    // widths), so breaking starts at any atom.
};

struct BreakLine {
    uint32_t begin = 0, end = 0;  // atoms [begin, end); the hanging atom included
    bool hanging = false;
    bool last = false;            // last line of the paragraph
    bool first = false;           // carries the first-line indent
    double natural = 0;           // width before adjustment (indent included)
    double width = 0;             // after adjustment, hanging mark excluded
    double offset = 0;            // start offset from alignment (center/end)
    double shrink_ratio[kShrinkLevels] = {};
    double stretch_ratio[kStretchLevels] = {};
};

// Breaks the paragraph from atom `start` (a line boundary) to its end.
std::vector<BreakLine> break_paragraph(const BreakParagraph& p, uint32_t start, const BreakOptions& options);

// Breaks one line starting at atom `start`.
BreakLine break_line(const BreakParagraph& p, uint32_t start, const BreakOptions& options);

// Sets atoms [begin, end) as one line, wherever that breaks: natural width
// (indent included when begin == 0), hanging when `hang` and the last atom
// is 、。, then reduced or expanded and aligned like any line.
BreakLine set_line(const BreakParagraph& p, uint32_t begin, uint32_t end, const BreakOptions& options,
                   bool hang = false);

// last_line_min_chars (no short last line, e.g. a lone 「す。」): when `last`
// (the paragraph's last line) holds fewer than `min_chars` characters and
// `prev` is the line just before it, pushes on (追い出し): `prev` ends at
// the latest earlier legal break that leaves at least `min_chars`
// characters for the last line, provided
//  - `prev` can still be justified within JLReq's push-out order with each
//    inter-character space opened by at most `max_spread` points (word and
//    Japanese–Latin spaces up to their own limits; a `prev` that is not
//    justified may simply get shorter), and
//  - the new last line fits its own measure.
// Otherwise both lines stay as they are. Pulling the last line back into
// `prev` (追い込み) is never possible: the greedy breaker already took the
// furthest break `prev` holds with every reducible space fully reduced and
// a final 、。 hung. Characters are counted per atom character (word spaces
// live in gaps and are not counted).
enum class ShortLastLine { Unchanged, PushedOn };
ShortLastLine fix_short_last_line(const BreakParagraph& p, BreakLine& prev, const BreakOptions& prev_options,
                                  BreakLine& last, const BreakOptions& last_options, int min_chars,
                                  double max_spread);

// The adjusted width of gap `i` on `line` (i in (line.begin, line.end)).
inline double adjusted_gap(const BreakGap& g, const BreakLine& line) {
    return g.natural - g.shrink * line.shrink_ratio[g.shrink_priority] +
           g.stretch * line.stretch_ratio[g.stretch_priority];
}

}  // namespace koho::text
