// PDF/X: the keys that make a PDF a print exchange file.
//
// PDF/X-4 (ISO 15930-7, the default): live transparency allowed, XMP
// metadata with pdfxid:GTS_PDFXVersion, PDF 1.6. PDF/X-1a:2001 (ISO
// 15930-1): no transparency, PDF 1.3, no object streams. Both: an output
// intent (/S /GTS_PDFX with the embedded CMYK profile and its condition),
// /Info with GTS_PDFXVersion (and GTS_PDFXConformance for X-1a), /Title,
// D: dates from SOURCE_DATE_EPOCH, /Trapped /False; a trailer /ID; TrimBox
// and BleedBox on every page (pdf_finish writes those).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "print/color_manager.h"

class QPDF;
class QPDFWriter;

namespace koho::print {

enum class PdfxLevel { None, X4, X1a };

struct PdfxOptions {
    PdfxLevel level = PdfxLevel::X4;
    const OutputProfile* profile = nullptr;   // required unless level == None
    std::string title;
    std::string creator;                      // "koho 0.2.0"
    std::optional<int64_t> date_epoch;        // nullopt: no dates at all
};

// Adds the output intent, /Info keys and the XMP metadata stream.
void apply_pdfx(QPDF& pdf, const PdfxOptions& options);

// PDF version and object streams as the level requires; call before write().
void configure_writer_for_pdfx(QPDFWriter& writer, PdfxLevel level);

// "4" → X4, "1a" → X1a, "none" → None; nullopt for anything else.
std::optional<PdfxLevel> parse_pdfx_level(const std::string& text);
const char* pdfx_level_name(PdfxLevel level);  // "PDF/X-4", "PDF/X-1a:2001", "none"

}  // namespace koho::print
