// The print PDF: display lists in, a press-ready PDF out.
//
// Two stages. Cairo draws each page on a sheet the size of the media box
// (trim + bleed + room for トンボ): the scene clipped to the bleed box, then
// the marks, unclipped. Cairo embeds and subsets the fonts and writes the
// text as Unicode. libqpdf then finishes what Cairo 1.16 cannot: /TrimBox
// and /BleedBox on every page, /Lang in the catalog, the title and dates in
// /Info, a deterministic /ID. The same pages and options give the same
// bytes.
//
// A CMYK job (PrintColor::cmyk) goes further. Before drawing, every colour
// of the pages is given its own RGB code (ink_palette.h), colours over the
// ink limit are refused at their frame, and for PDF/X-1a anything
// transparent too. Cairo draws the codes; the prepress pass turns them back
// into the intended inks (pdf_cmyk.h through color_manager.h), and the
// PDF/X keys are added (pdfx.h).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "print/color_manager.h"
#include "print/page_geometry.h"
#include "print/pdfx.h"
#include "scene/display_list.h"

namespace koho::print {

struct PrintColor {
    bool cmyk = false;                       // false: Cairo's RGB as it is, no PDF/X
    const OutputProfile* profile = nullptr;  // required when cmyk
    ColorSettings settings;
    PdfxLevel pdfx = PdfxLevel::None;        // needs cmyk
    SourceLoc layout;                        // where errors that name no frame point
};

struct PdfOptions {
    std::string title;
    std::string lang = "ja";                 // BCP 47, for /Lang
    std::string creator;                     // e.g. "koho 0.1.0"
    MarkStyle marks = MarkStyle::Tombo;
    // CreationDate and ModDate, seconds since 1970 UTC (SOURCE_DATE_EPOCH);
    // nullopt: the PDF carries no dates at all rather than the clock's.
    std::optional<int64_t> date_epoch;
    PrintColor color;
    // A right-bound booklet (縦組み): viewers show its spreads right to
    // left and koho impose picks the binding from it (/Direction /R2L).
    bool right_to_left = false;
};

// The geometry of each page as the PDF will have it.
std::vector<PageGeometry> page_geometries(const std::vector<scene::PageScene>& pages,
                                          MarkStyle marks);

// The PDF's bytes. Throws koho::Error (Failure) when Cairo or qpdf fail,
// (BadInput) for what a CMYK or PDF/X job refuses, and passes on whatever
// scene::render throws.
std::string render_pdf(const std::vector<scene::PageScene>& pages, const PdfOptions& options);

// render_pdf, written atomically: on any error nothing appears at `target`
// (an existing file there is left as it was).
void write_pdf(const std::filesystem::path& target, const std::vector<scene::PageScene>& pages,
               const PdfOptions& options);

}  // namespace koho::print
