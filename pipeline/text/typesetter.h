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

    FontContext& fonts() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace koho::text
