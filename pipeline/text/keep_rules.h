// Frame-break rules of the typesetter: orphans and widows (line counts of a
// paragraph on each side of a frame break) and keep_with_next (a heading is
// never left alone at the end of a frame). Pure decisions over counts.
#pragma once

#include <cstddef>
#include <vector>

namespace koho::text {

// A paragraph broken by the end of a frame: `fit` of its `total` lines fit
// (the rest would follow in the next frame). Returns how many to set here:
// all when all fit; else `fit`, lowered so that at least `widows` lines go
// on (total − widows), and 0 (the whole paragraph moves on) when fewer than
// `orphans` would stay. When the paragraph is the first thing in the frame,
// moving it on gains nothing: then at least one line stays (as many as fit
// if the rules leave none).
size_t lines_to_keep(size_t fit, size_t total, int orphans, int widows, bool first_in_frame);

// A paragraph set whole in the current frame, in order.
struct SetParagraph {
    bool keep_with_next = false;
    bool first_in_frame = false;  // nothing was set before it in this frame
};

// The next paragraph cannot start in this frame. Returns the index into
// `set` of the paragraph the frame must end before (it and those after it
// move to the next frame), or set.size() when nothing moves: the trailing
// run of keep_with_next paragraphs moves, except one that is the first
// thing in the frame (it stays, and the rest of the run moves).
size_t keep_with_next_cut(const std::vector<SetParagraph>& set);

}  // namespace koho::text
