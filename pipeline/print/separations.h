// Per-plate separations of a PDF, rendered by Ghostscript's tiffsep device
// and read back with libtiff: what each ink would put on paper, overprint
// included (Ghostscript simulates it on separation devices). Used by
// preflight's ink limit check and by tests that need an independent reader.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace koho::print {

struct Plate {
    std::string ink;                // "Cyan", "Magenta", "Yellow", "Black" or a spot name
    std::vector<uint8_t> coverage;  // row-major, top row first: 0 = no ink, 255 = solid
};

struct SeparatedPage {
    int page = 0;  // 1-based
    int width_px = 0;
    int height_px = 0;
    double dpi = 72;
    std::vector<Plate> plates;  // process inks first (C, M, Y, K), then spots by name

    const Plate* plate(const std::string& ink) const;
    // Ink at pixel (x, y) from the top-left, 0..1.
    double ink_at(const Plate& plate, int x, int y) const {
        return plate.coverage[static_cast<size_t>(y) * width_px + x] / 255.0;
    }
};

struct SeparationOptions {
    double dpi = 72;
    std::vector<int> pages;            // 1-based; empty = every page
    std::string ghostscript = "gs";    // looked up on PATH unless it contains a '/'
};

// Renders the MediaBox of each chosen page. Ghostscript runs as
//   gs -q -dSAFER -dBATCH -dNOPAUSE -sDEVICE=tiffsep -r<dpi> [-sPageList=..] -o DIR/p%d.tif IN.pdf
// in a private temporary directory that is removed afterwards, whatever
// happens. Throws koho::Error (Failure) with Ghostscript's own message when
// it is missing or fails.
std::vector<SeparatedPage> render_separations(const std::string& pdf_bytes,
                                              const SeparationOptions& options);

}  // namespace koho::print
