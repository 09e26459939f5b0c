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
    std::string title;                        // empty: "Untitled" (PDF/X needs one)
    std::string creator;                      // "koho 0.2.0"; empty: "koho"
    // PDF/X needs dates: with level X4 or X1a, nullopt is an error
    // (BadInput at SOURCE_DATE_EPOCH); the caller always passes one.
    std::optional<int64_t> date_epoch;
};

// Adds the output intent, /Info keys and the XMP metadata stream;
// removes /Metadata for X-1a. Does nothing for None. Throws BadInput for a
// profile an output intent cannot carry (not CMYK 'prtr', ICC version above
// 2 for X-1a or 4 for X-4) and for a title XML cannot carry.
void apply_pdfx(QPDF& pdf, const PdfxOptions& options);

// PDF version and object streams as the level requires (X-4: header 1.6;
// X-1a: header 1.3, no object streams); call it last, just before write().
// The header is forced: for X-1a run refuse_features_above_pdf13
// (pdfx_transparency.h) first, or newer features would go out unseen.
void configure_writer_for_pdfx(QPDFWriter& writer, PdfxLevel level);

// "4" → X4, "1a" → X1a, "none" → None; nullopt for anything else.
std::optional<PdfxLevel> parse_pdfx_level(const std::string& text);
const char* pdfx_level_name(PdfxLevel level);  // "PDF/X-4", "PDF/X-1a:2001", "none"

}  // namespace koho::print
