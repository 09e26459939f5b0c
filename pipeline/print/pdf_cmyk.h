// The prepress colour pass: rewrites a PDF Cairo wrote (RGB) into CMYK.
//
// Every content stream (pages, form XObjects, tiling patterns, Type 3 glyph
// procedures) has its colour operators rewritten (rg/RG/g/G/sc/scn/cs/CS →
// k/K or DeviceCMYK) by asking an InkConverter; shadings get DeviceCMYK
// functions; image XObjects are converted pixel by pixel (DeviceRGB →
// DeviceCMYK, DCT stays DCT, Flate stays Flate; DeviceGray tone-mapped);
// soft masks (luminosity groups) become DeviceGray, since they are not ink.
// Overprint for colours the converter marks so is set with ExtGStates
// (/OP /op /OPM 1) tracked through q/Q. Transparency Cairo adds without
// need is removed: the page group, ExtGStates with CA = ca = 1 and no SMask
// or blend mode, groups painted opaque with nothing transparent inside.
// Anything the pass cannot convert (an unknown colour space, a colour
// operator it cannot read) is an error naming the page, never passed
// through in RGB.
#pragma once

#include <string>
#include <vector>

#include "print/ink.h"

class QPDF;

namespace koho::print {

// Real transparency that is left after the pass: what PDF/X-1a refuses.
struct TransparencyUse {
    int page = 0;           // 1-based
    std::string what;       // "soft mask", "constant alpha 0.5", "blend mode Multiply", …
};

struct CmykPassResult {
    std::vector<TransparencyUse> transparency;
    int images_converted = 0;
    int colours_rewritten = 0;
};

// Converts `pdf` in place. Throws koho::Error (Failure) for constructs it
// cannot convert.
CmykPassResult convert_to_cmyk(QPDF& pdf, const InkConverter& inks);

}  // namespace koho::print
