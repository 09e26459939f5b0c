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
    BreakOptions options;               // measure unset; first_indent: the style's first-line indent

    // Lists (list_marker.cpp): every line starts `start_indent` in (the
    // style's, raised to the marker box for a list item); the marker is
    // set flush-start in the `marker_box` before the text.
    double start_indent = 0;
    double marker_box = 0;              // 0: not a list item
    ShapedString marker;                // shaped Paragraph::marker
    FontRef marker_font;
    Color marker_color;
};

// The style's hanging indent for the marker (list.width, or 1 em for a
// bullet and 2 em for a number) and the start indent lines get: the
// style's start_indent, raised to the marker box for list items.
double list_marker_box(const model::Style& style);
double effective_start_indent(const model::Style& style);

// Shapes the paragraph's marker (list items only).
void prepare_marker(const model::Paragraph& paragraph, bool vertical, FontCache& fonts, PreparedText& out);

// Where the marker and the first line's text go in a segment of the
// measure starting at `segment_start` (the frame edge side of any start
// indent): the marker flush-start in its box before the start indent (or at
// the segment start when text wrap pushes the segment on), the text after
// the box or, for a wider marker, after the marker.
struct MarkerPlace {
    double marker_at = 0;   // inline position of the marker
    double text_at = 0;     // inline position where the first line's text starts
};
MarkerPlace place_marker(const PreparedText& t, double segment_start);

// Appends the marker's glyphs at inline position `at` on the line at `block`.
struct LinePlacement;
void render_marker(const PreparedText& t, double at, const LinePlacement& where, SetText& out);

// Prepares a paragraph of `story` for `writing`: decode, shape, atoms, ruby.
// Throws BadInput at the style's font_loc for a missing family.
void prepare_paragraph(const model::Paragraph& paragraph, bool vertical, FontCache& fonts, PreparedText& out);

// Where a line goes: the top (horizontal) of its em box, or its distance
// from the frame's right edge (vertical), and the frame's inner width.
struct LinePlacement {
    double block = 0;
    double frame_width = 0;
    double inline_start = 0;   // where the line's measure starts (start indent, wrap)
    double first_indent = 0;   // the indent the line was broken with, if it is the paragraph's first
};

// Appends the line's glyph runs to `out`, and returns its report.
SetLine render_line(const PreparedText& t, const BreakLine& line, const LinePlacement& where, SetText& out);

}  // namespace koho::text
