// The print PDF: display lists in, a press-ready PDF out.
//
// Two stages. Cairo draws each page on a sheet the size of the media box
// (trim + bleed + room for トンボ): the scene clipped to the bleed box, then
// the marks, unclipped. Cairo embeds and subsets the fonts and writes the
// text as Unicode. libqpdf then finishes what Cairo 1.16 cannot: /TrimBox
// and /BleedBox on every page, /Lang in the catalog, the title and dates in
// /Info, a deterministic /ID. The same pages and options give the same
// bytes.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "print/page_geometry.h"
#include "scene/display_list.h"

namespace koho::print {

struct PdfOptions {
    std::string title;
    std::string lang = "ja";                 // BCP 47, for /Lang
    std::string creator;                     // e.g. "koho 0.1.0"
    MarkStyle marks = MarkStyle::Tombo;
    // CreationDate and ModDate, seconds since 1970 UTC (SOURCE_DATE_EPOCH);
    // nullopt: the PDF carries no dates at all rather than the clock's.
    std::optional<int64_t> date_epoch;
};

// The geometry of each page as the PDF will have it.
std::vector<PageGeometry> page_geometries(const std::vector<scene::PageScene>& pages,
                                          MarkStyle marks);

// The PDF's bytes. Throws koho::Error (Failure) when Cairo or qpdf fail, and
// passes on whatever scene::render throws.
std::string render_pdf(const std::vector<scene::PageScene>& pages, const PdfOptions& options);

// render_pdf, written atomically: on any error nothing appears at `target`
// (an existing file there is left as it was).
void write_pdf(const std::filesystem::path& target, const std::vector<scene::PageScene>& pages,
               const PdfOptions& options);

}  // namespace koho::print
