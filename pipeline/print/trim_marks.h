// Japanese trim marks (トンボ), drawn in the margin outside the bleed.
//
// Corner marks (角トンボ) are double lines on both axes at each corner: the
// inner line (内トンボ, 仕上がり線) continues the trim edge, the outer line
// (外トンボ, 塗り足し線) continues the bleed edge, so the two lie the bleed
// (3 mm by default) apart. As in the Japanese typesetting tradition (pLaTeX's
// tombow, Illustrator's 日本式トンボ), the outer lines run along the bleed
// edge as far as the inner lines, closing the corner of the bleed, and every
// line then runs kMarkLengthPt out beyond the bleed edge (page_geometry.h). Nothing is drawn
// inside the bleed box: a line centred on the bleed edge is the closest any
// mark comes.
//
// Centre marks (センタートンボ, 十字トンボ) sit on the middle of each side:
// a stem on the centre line from the bleed edge outward and a short bar
// across it, making a cross that the printer aligns plates and folds by.
//
// All lines are 0.1 mm wide in registration colour (kRegistrationColor).
#pragma once

#include <vector>

#include "core/color.h"
#include "core/units.h"
#include "print/page_geometry.h"

typedef struct _cairo cairo_t;

namespace koho::print {

constexpr double kMarkLineWidthPt = 0.1 * kPtPerMm;
// The length of the bar across a centre mark's stem.
constexpr double kCentreBarLengthPt = 10 * kPtPerMm;

// Registration colour: printed on every plate (C100 M100 Y100 K100), so the
// marks show on each separation. In a CMYK job the marks are drawn with the
// code the ink palette reserves for it, which the prepress stage turns back
// into registration (never into K100 like black text).
Color registration_color();

// One straight mark line on the sheet, in points, origin at the media box's
// top-left corner, y down (Cairo device space of the PDF page).
struct MarkLine {
    double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
    bool operator==(const MarkLine&) const = default;
};

struct TrimMarks {
    std::vector<MarkLine> corner;  // 4 lines per corner (2 when there is no bleed)
    std::vector<MarkLine> centre;  // 2 lines per side: 8
};

// The lines of the marks for a page; both lists are empty for
// MarkStyle::None (geometry.margin_pt == 0).
TrimMarks trim_marks(const PageGeometry& geometry);

// Strokes the marks on `cr`, whose user space must be the sheet's (origin
// at the media box's top-left corner, points, y down). Leaves the context's
// state as it found it. `ink` is the RGB Cairo draws them with: the
// registration colour's code in a CMYK job (print/ink_palette.h), its
// display black otherwise.
void draw_trim_marks(cairo_t* cr, const PageGeometry& geometry, const Rgb& ink = registration_color().rgb);

}  // namespace koho::print
