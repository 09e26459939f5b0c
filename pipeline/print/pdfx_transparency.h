// PDF/X-1a refuses transparency; these checks say where it comes from.
//
// The scene check runs before drawing and points at the frame in the
// layout (file:line:col and JSON pointer of the item's frame). What it
// cannot see — transparency inside SVG art — the CMYK pass reports per
// page (pdf_cmyk.h TransparencyUse); refuse_leftover_transparency_for_x1a
// turns that into an error at the SVG frame on that page when there is
// exactly one, else at the page. PDF/X-4 keeps live transparency: call
// neither for it.
#pragma once

#include <vector>

#include "core/diagnostic.h"
#include "print/pdf_cmyk.h"
#include "scene/display_list.h"

class QPDF;

namespace koho::print {

// Throws fail_input at the first item (in page and drawing order) that
// would need transparency: opacity between 0 and 1; a fill, stroke,
// backdrop, text, outline, rule, background or shadow colour with alpha
// between 0 and 1; a gradient with a stop whose alpha is below 1 (unless
// every stop is fully clear); an image with transparent pixels; the
// shadow of SVG art (a soft mask of the art's shape). Fully
// clear colours (alpha 0) and items (opacity 0) paint nothing and pass.
void refuse_transparency_for_x1a(const std::vector<scene::PageScene>& pages);

// Throws fail_input for the first use in `uses` (none: returns). `pages`
// are the scenes the PDF was drawn from (page n of the PDF is pages[n-1]);
// `document` locates the layout when no single frame can be named. Runs
// refuse_transparency_for_x1a(pages) first, so that a use the scenes
// explain is named at its frame and only the rest is put down to SVG art.
void refuse_leftover_transparency_for_x1a(const std::vector<TransparencyUse>& uses,
                                          const std::vector<scene::PageScene>& pages,
                                          const SourceLoc& document);

// The last check before writing PDF/X-1a (after the CMYK pass and
// apply_pdfx): nothing reachable in `pdf` may need more than PDF 1.3 — no
// transparency group, soft mask, constant alpha below 1 or blend mode, no
// JPEG 2000, JBIG2 or 16-bit image, optional content, XMP stream or
// OpenType font program. configure_writer_for_pdfx forces the header to
// 1.3 and would hide them. Throws fail_input at `document`, naming the page.
void refuse_features_above_pdf13(QPDF& pdf, const SourceLoc& document);

}  // namespace koho::print
