// Reading any PDF as pictures: its pages, their boxes, and each page drawn
// by poppler onto a Cairo surface — for comparing two editions of a
// document (koho diff) and for contact sheets (koho proof). The PDF need not
// come from koho: a printer's returned file, an older release.
//
// Every failure to read — a missing file, bytes that are not a PDF, a
// damaged or encrypted file, a PDF without pages — is a koho::Error
// (BadInput) naming the file, raised when the document is opened, before
// any output is begun. poppler's own messages are kept from stderr.
#pragma once

#include <cairo.h>

#include <filesystem>
#include <memory>
#include <string>

#include "scene/cairo_ptr.h"

namespace koho::proof {

// A rectangle in points, x to the right and y downwards from the top-left
// corner of what is drawn (the page's crop box, which is poppler's view).
struct BoxPt {
    double x = 0, y = 0, w = 0, h = 0;
};

struct PageBoxes {
    double width_pt = 0;   // the drawn area: the crop box (media box when none)
    double height_pt = 0;
    BoxPt trim;            // the TrimBox (the crop box when the page has none)
};

class PdfPages {
public:
    explicit PdfPages(const std::filesystem::path& file);
    ~PdfPages();
    PdfPages(const PdfPages&) = delete;
    PdfPages& operator=(const PdfPages&) = delete;

    const std::filesystem::path& file() const { return file_; }
    int count() const;
    // page is 0-based here; messages and reports number pages from 1.
    const PageBoxes& boxes(int page) const;

    // The page at `dpi` on white paper: an opaque ARGB32 surface of the
    // crop box, rounded up to whole pixels. Failure when Cairo cannot make
    // a surface that large.
    scene::SurfacePtr render(int page, double dpi) const;
    // Draws the page onto `cr` in points (1 unit = 1 pt, origin at the crop
    // box's top-left), without painting the paper: a contact sheet's tile.
    void draw(int page, cairo_t* cr) const;

    struct Impl;

private:
    std::filesystem::path file_;
    std::unique_ptr<Impl> impl_;
};

}  // namespace koho::proof
