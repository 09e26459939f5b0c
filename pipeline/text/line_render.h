// Turns broken lines of a prepared paragraph into positioned glyph runs:
// upright, sideways and tate-chu-yoko glyphs, ruby and emphasis dots.
#pragma once

#include <vector>

#include "text/paragraph.h"
#include "text/shaper.h"
#include "text/typesetter.h"

namespace koho::text {

struct PreparedText {
    PreparedParagraph p;
    std::vector<ShapedString> ruby;     // per span (empty when none)
    std::vector<FontRef> ruby_fonts;    // per span
    std::vector<ShapedString> dots;     // per span: the sesame dot, for bouten spans
    std::vector<std::pair<double, double>> dot_ink_centre;  // per span: ink centre from the origin, y down
    double em_top = 0;                  // baseline to the top of the ideographic em box, points
    BreakOptions options;
};

// Prepares a paragraph of `story` for `writing`: decode, shape, atoms, ruby.
// Throws BadInput at the style's font_loc for a missing family.
void prepare_paragraph(const model::Paragraph& paragraph, bool vertical, FontCache& fonts, PreparedText& out);

// Where a line goes: the top (horizontal) of its em box, or its distance
// from the frame's right edge (vertical), and the frame's inner width.
struct LinePlacement {
    double block = 0;
    double frame_width = 0;
};

// Appends the line's glyph runs to `out`, and returns its report.
SetLine render_line(const PreparedText& t, const BreakLine& line, const LinePlacement& where, SetText& out);

}  // namespace koho::text
