// The typesetter: sets a Story into frames by the rules of W3C JLReq
// (kinsoku, hanging punctuation, punctuation spacing, Japanese–Latin
// spacing, justification, ruby, bouten, vertical writing). Pango/HarfBuzz
// itemise and shape; breaking, spacing and justification are koho's own.
//
// One engine serves the pamphlet and the video captions.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "model/document.h"
#include "text/font_context.h"
#include "text/glyph_run.h"

namespace koho::text {

// Text wrap: a part of the frame no text may enter, in flow-relative
// coordinates of the inner box. Horizontal writing: block = y down from the
// top, inline = x from the left. Vertical writing: block = distance from the
// right edge leftwards, inline = y down from the top. A contour is many thin
// exclusions.
struct Exclusion {
    double block_begin = 0, block_end = 0;
    double inline_begin = 0, inline_end = 0;
};

struct FrameGeometry {
    double width_pt = 0;   // the frame's inner box (inset already removed)
    double height_pt = 0;
    model::Writing writing = model::Writing::Horizontal;
    model::VerticalAlign vertical_align = model::VerticalAlign::Start;
    // Line grid (行取り): when > 0, every paragraph starts on a grid line of
    // this pitch (normally the body text's leading) and takes a whole number
    // of grid lines, its lines centred in them, so headings take whole body
    // lines and body lines in adjacent columns line up.
    double grid_pitch_pt = 0;
    double grid_em_pt = 0;  // the body text's size: a grid line's em box (0: the paragraph's)
    // Text wrap: a line whose em box meets an exclusion is set in the parts
    // of the measure left free (each at least a few em wide), in order;
    // where none is left the line moves on to the next free place.
    std::vector<Exclusion> exclusions;
};

// How wide a story wants to be: `min_pt` its widest unbreakable unit (a
// word, a number, a kinsoku-bound pair), `max_pt` its widest paragraph set
// on one line. For table columns of width "auto".
struct ContentWidths {
    double min_pt = 0;
    double max_pt = 0;
};

// A point in a story: paragraph index and byte offset into the paragraph's
// base text (the concatenation of its spans' text).
struct StoryPosition {
    size_t paragraph = 0;
    size_t offset = 0;
    bool operator==(const StoryPosition&) const = default;
};

// One set line, for reports (`koho typeset --json`), tests and proofs.
struct SetLine {
    size_t paragraph = 0;
    size_t source_begin = 0, source_end = 0;  // byte range of the base text on the line
    std::string text;           // the characters placed (normalised, markup removed)
    bool hanging = false;       // ends with a hanging 、 or 。
    double width_pt = 0;        // set width after adjustment, indent included, hanging mark excluded
    double em_pt = 0;           // the paragraph's font size
    double block_pt = 0;        // em-box top (horizontal) or right edge offset (vertical) of the line
    double inline_pt = 0;       // where the line's measure starts (text wrap, list indent): x or y in the frame
};

struct FrameFill {
    SetText text;               // coordinates relative to the inner box
    std::vector<SetLine> lines; // the lines set, in order
    StoryPosition end;          // where the next frame of the chain resumes
    bool story_done = false;    // everything from `from` on was set
    double used_extent_pt = 0;  // block extent used (height, or width when vertical)
};

class Typesetter {
public:
    explicit Typesetter(std::shared_ptr<FontContext> fonts);
    ~Typesetter();

    // Sets as much of `story` as fits into `frame`, starting at `from`.
    // Throws koho::Error (BadInput) at the style's font_loc when a family is
    // missing from the FontContext.
    FrameFill fill(const model::Story& story, StoryPosition from, const FrameGeometry& frame);

    // Characters (Unicode scalar values of base text) from `from` to the
    // end of the story: the "N characters did not fit" of overset errors.
    static size_t count_characters(const model::Story& story, StoryPosition from);

    // The story's minimum and maximum content widths (along the line).
    ContentWidths measure(const model::Story& story, model::Writing writing);

    FontContext& fonts() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace koho::text
