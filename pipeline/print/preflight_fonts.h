// Fonts for preflight: whether a font is embedded (and what kind it is),
// and its metrics, so the content walk can estimate glyph boxes.
#pragma once

#include <qpdf/QPDFObjectHandle.hh>

#include <map>
#include <string>
#include <vector>

#include "print/preflight.h"

namespace koho::print::detail {

// Advance widths and vertical extent per unit of font size (text space).
struct FontMetrics {
    bool two_byte = false;   // Type0: two-byte codes (Identity and most CJK CMaps)
    bool vertical = false;   // a -V CMap: glyphs advance downwards
    double ascent = 0.8, descent = -0.2;
    double default_width = 0.5;
    int first_char = 0;
    std::vector<double> widths;       // simple fonts, from first_char
    std::map<int, double> cid_widths; // Type0, from /W
    double width(int code) const;
};

FontMetrics font_metrics(QPDFObjectHandle font);

struct FontProblem {
    QPDFObjGen id;          // of the font dictionary, for reporting each font once
    std::string font;       // a readable name: BaseFont, else the resource name
    Severity severity = Severity::Error;
    std::string message;
};

// The problems of `font` and of what it draws with: a Type0 font's
// descendant, the fonts a Type 3 font's glyphs use.
std::vector<FontProblem> font_problems(QPDFObjectHandle font, const std::string& resource_name);

}  // namespace koho::print::detail
