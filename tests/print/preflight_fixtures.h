// PDFs built to break one preflight check each, and a clean PDF/X-4-like
// CMYK one on which every check is silent. Pages and dictionaries are made
// with libqpdf; the one real embedded font comes from a Cairo PDF (Noto
// Sans CJK from the repository's fonts/), so that Ghostscript can render
// every file for the ink check.
#pragma once

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include <memory>
#include <string>

namespace koho::test {

constexpr double kMm = 72.0 / 25.4;
constexpr double kTrimMm = 100;   // a 100 mm square page
constexpr double kSlugMm = 10;    // paper beyond the bleed, for marks and labels

// Where the trim starts on a page built with `bleed_mm` of bleed.
inline double trim_origin_pt(double bleed_mm) { return (kSlugMm + bleed_mm) * kMm; }

class PdfFixture {
public:
    PdfFixture();
    QPDF& pdf() { return *pdf_; }

    // A 100 mm page with TrimBox, BleedBox (bleed_mm each side) and a slug.
    // Resources are made empty; add them with add_resource().
    QPDFObjectHandle add_page(const std::string& content, double bleed_mm = 3);
    // Appends content (a new stream after the existing ones).
    void append_content(QPDFObjectHandle page, const std::string& content);
    void add_resource(QPDFObjectHandle holder, const std::string& category, const std::string& name,
                      QPDFObjectHandle object);

    QPDFObjectHandle embedded_font();  // Type0 / CIDFontType0C subset from Cairo, indirect
    QPDFObjectHandle helvetica();      // Type1 Helvetica, not embedded
    QPDFObjectHandle type3_font();     // one glyph, a square, for code 'a'
    QPDFObjectHandle unembedded_cid_font();
    // An image XObject with `components` × 8-bit samples (all at `level`).
    QPDFObjectHandle image(int width, int height, const std::string& colour_space, int components,
                           unsigned char level = 60);
    QPDFObjectHandle stencil_mask(int width, int height);
    QPDFObjectHandle form(const std::string& content, QPDFObjectHandle resources, const std::string& matrix = "");
    QPDFObjectHandle ext_gstate(const std::string& dict_text);

    // PDF/X-4: OutputIntent (CMYK profile stream), /Info keys, XMP; or X-1a.
    void make_pdfx4();
    void make_pdfx1a();

    // Written with a deterministic /ID; `pdf_version` e.g. "1.6".
    std::string bytes(const std::string& pdf_version = "1.6");

private:
    // Declared first, destroyed last: pdf_ may read the font's stream data.
    std::unique_ptr<std::string> font_bytes_;
    std::unique_ptr<QPDF> font_source_;
    std::unique_ptr<QPDF> pdf_;
    QPDFObjectHandle font_;
};

// One page with everything a clean print page has: CMYK fills up to 300 %
// ink, K-only small text, large rich-black text, 0.3 pt rules, a thin rule
// scaled up to 0.5 pt, a 300 ppi CMYK image, a low-resolution stencil
// mask, a form XObject with text, and a label in the slug. PDF/X-4 keys.
// Tests add their defect with append_content() and add_resource().
PdfFixture clean_fixture();
QPDFObjectHandle clean_page(PdfFixture& fixture);

// The embedded font's glyph codes, for Tj operands: "<00010002>".
inline const char* kGlyphs = "<000100020003>";

}  // namespace koho::test
