// The two stages of pdf_writer, separately testable. Internal to print/.
#pragma once

#include <string>
#include <vector>

#include "print/page_geometry.h"
#include "print/pdf_writer.h"
#include "scene/display_list.h"

namespace koho::print::detail {

// Stage 1: Cairo draws every page (scene clipped to the bleed box, then the
// marks) and returns the PDF it wrote.
std::string draw_with_cairo(const std::vector<scene::PageScene>& pages,
                            const std::vector<PageGeometry>& geometry, const PdfOptions& options);

// Stage 2: libqpdf reads Cairo's PDF and writes it again with the boxes of
// `geometry` on each page, /Lang, /Info (title, creator, dates) and a
// deterministic /ID.
std::string finish_with_qpdf(const std::string& cairo_pdf, const std::vector<PageGeometry>& geometry,
                             const PdfOptions& options);

}  // namespace koho::print::detail
