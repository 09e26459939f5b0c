// Inks: what the colours of a print PDF become.
//
// Cairo writes RGB only. The prepress stage (print/pdf_cmyk.h) reads every
// colour Cairo wrote and asks an InkConverter what to print instead. The
// converter knows the designer's intent: each colour the display lists use
// is handed to Cairo as its own 8-bit RGB code (print/ink_palette.h), so a
// code read back from the PDF names exactly one intended colour.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace koho::print {

// Ink coverage, 0..1 per plate, as PDF colour operands.
struct Cmyk {
    double c = 0, m = 0, y = 0, k = 0;
    double total() const { return c + m + y + k; }
    bool operator==(const Cmyk& o) const { return c == o.c && m == o.m && y == o.y && k == o.k; }
};

struct InkChoice {
    Cmyk cmyk;
    // Black (K100 only): printed over what lies below instead of knocking
    // it out, so misregistration never shows a white halo round text.
    bool overprint = false;
};

class InkConverter {
public:
    virtual ~InkConverter() = default;

    // A vector colour (fill, stroke, shading stop) that Cairo wrote as RGB,
    // each channel 0..1 as read from the PDF.
    virtual InkChoice vector_rgb(double r, double g, double b) const = 0;
    // A DeviceGray vector colour (0 black .. 1 white).
    virtual InkChoice vector_gray(double gray) const = 0;
    // `count` pixels of interleaved 8-bit sRGB → interleaved 8-bit CMYK
    // (0 = no ink, 255 = solid), within the ink limit.
    virtual void rgb_pixels(const uint8_t* rgb, uint8_t* cmyk, size_t count) const = 0;
    // DeviceGray pixels (0 black) → DeviceGray pixels with the press's
    // tone (a grey prints on the K plate only; DeviceGray is K in PDF/X).
    virtual void gray_pixels(const uint8_t* gray_in, uint8_t* gray_out, size_t count) const = 0;
    // What decides rgb_pixels and gray_pixels: two converters with the same
    // non-empty identity turn every pixel alike, so an image one converted
    // serves the other (converted_images.h). Empty: never shared.
    virtual std::string pixel_identity() const { return {}; }
};

}  // namespace koho::print
