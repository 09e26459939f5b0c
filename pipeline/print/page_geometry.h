// Where a printed page's boxes lie on the sheet that carries it.
//
// A print PDF page is larger than the paper the reader holds: around the
// trimmed page (TrimBox) lies the bleed (BleedBox, default 3 mm), where
// backgrounds and photos run on so that a cut a little off the line shows
// no white edge; around that, when the layout asks for トンボ, a margin
// holds the trim marks (MediaBox). With `marks: none` the page is exactly
// the bleed box, as many online printers ask.
//
// Everything here is pure arithmetic in points (1/72 in), so it is tested
// on its own. Boxes are in PDF user space: origin at the media box's
// bottom-left corner, y up.
#pragma once

#include "core/units.h"

namespace koho::print {

// The bleed a layout gets when it names none (FORMAT.md).
constexpr double kDefaultBleedPt = 3 * kPtPerMm;

// How far every trim mark reaches beyond the bleed edge.
constexpr double kMarkLengthPt = 10 * kPtPerMm;
// With no bleed the double lines of the corner marks coincide; the marks
// then start this far outside the trim, so that none touches the page.
constexpr double kZeroBleedGapPt = 3 * kPtPerMm;
// Blank paper between the marks' far ends and the media edge.
constexpr double kMarkQuietBorderPt = 3 * kPtPerMm;
// Room for the marks outside the bleed box, on every side, for a page with
// a bleed: 13 mm (marks 10 mm + 3 mm of blank border).
constexpr double kMarkMarginPt = kMarkLengthPt + kMarkQuietBorderPt;

// Where marks start, measured outward from the trim: at the bleed edge, or
// kZeroBleedGapPt out when there is no bleed.
inline double mark_start_pt(double bleed_pt) { return bleed_pt > 0 ? bleed_pt : kZeroBleedGapPt; }

enum class MarkStyle {
    Tombo,  // Japanese trim marks (トンボ) in a margin outside the bleed
    None,   // media box = bleed box
};

// A rectangle in PDF user space: lower-left (x0, y0), upper-right (x1, y1).
struct PdfBox {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;

    double width() const { return x1 - x0; }
    double height() const { return y1 - y0; }
    bool operator==(const PdfBox&) const = default;
};

struct PageGeometry {
    double trim_w_pt = 0, trim_h_pt = 0;
    double bleed_pt = 0;
    double margin_pt = 0;  // media edge to bleed edge, on every side

    PdfBox media;  // [0 0 W H]
    PdfBox bleed;  // trim grown by the bleed
    PdfBox trim;   // the finished page

    // Where the trim's top-left corner lies on the sheet measured from the
    // media box's top-left corner, y down (Cairo's device space on a PDF
    // page): margin + bleed on both axes.
    double trim_origin_x() const { return margin_pt + bleed_pt; }
    double trim_origin_y() const { return margin_pt + bleed_pt; }
};

// Computes the boxes of one page. Throws koho::Error (Failure) for sizes
// that are not positive and finite or a negative bleed: the model rejects
// such layouts long before, so reaching here with one is koho's own fault.
PageGeometry page_geometry(double trim_w_pt, double trim_h_pt, double bleed_pt, MarkStyle marks);

}  // namespace koho::print
