// Text wrap inside the typesetter: which parts of a line's measure are left
// free by the frame's exclusions (typesetter.h: flow-relative coordinates).
#pragma once

#include <vector>

#include "text/typesetter.h"

namespace koho::text {

struct FreeSegment {
    double begin = 0, end = 0;  // inline range, within [0, measure]
};

// The free segments, in inline order, of a line whose em box spans
// [block, block + em]: [0, measure] less the inline ranges of every
// exclusion whose block range overlaps the em box (touching is not
// overlapping). A segment counts only if its part after `text_start` (the
// start indent) is at least `min_width` wide. A line no exclusion meets
// is one segment, whatever its width.
std::vector<FreeSegment> free_segments(const std::vector<Exclusion>& exclusions, double block, double em,
                                       double measure, double text_start, double min_width);

// Where a line blocked at `block` may try next: the nearest block_end of the
// exclusions that meet its em box (always > block, so trying again makes
// progress); +infinity when none meets it.
double next_block_after(const std::vector<Exclusion>& exclusions, double block, double em);

}  // namespace koho::text
