// The two stages of pdf_writer, separately testable. Internal to print/.
#pragma once

#include <string>
#include <vector>

#include "print/ink.h"
#include "print/page_geometry.h"
#include "print/pdf_writer.h"
#include "scene/display_list.h"

namespace koho::print::detail {

// Stage 1: Cairo draws every page (scene clipped to the bleed box, then the
// marks) and returns the PDF it wrote.
// `marks_ink` is the RGB the trim marks are drawn with.
std::string draw_with_cairo(const std::vector<scene::PageScene>& pages,
                            const std::vector<PageGeometry>& geometry, const PdfOptions& options,
                            const Rgb& marks_ink);

// Stage 2: libqpdf reads Cairo's PDF and writes it again with the boxes of
// `geometry` on each page, /Lang, /Info (title, creator, dates) and a
// deterministic /ID. With `inks` (a CMYK job) every colour is converted
// (pdf_cmyk.h) and the PDF/X keys of options.color.pdfx added; `pages`
// are the scenes drawn, to locate what PDF/X-1a refuses.
std::string finish_with_qpdf(const std::string& cairo_pdf, const std::vector<PageGeometry>& geometry,
                             const PdfOptions& options, const InkConverter* inks,
                             const std::vector<scene::PageScene>& pages);

}  // namespace koho::print::detail
