// The reports `koho diff -o` writes: one PNG with the pages that differ,
// old | new | changes side by side, under a summary; or one HTML file that
// holds every page (its pictures as data: URIs, nothing outside the file),
// for a client's or a printer's browser. Both are built page by page from
// diff_pdfs's visitor, keeping only what they will show.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "proof/pdf_diff.h"
#include "proof/sheet_text.h"

namespace koho::proof {

// The "changes" picture of a page: the new page faded, every changed pixel
// in red and each changed region boxed, so small changes are not missed.
scene::SurfacePtr changes_overlay(cairo_surface_t* new_page, const PixelDiff& pixels);

class DiffPngReport {
public:
    explicit DiffPngReport(const SheetText& text) : text_(text) {}
    void add(const PageImages& page);
    // The PNG's bytes.
    std::string finish(const DocumentDiff& diff) const;

private:
    const SheetText& text_;
    std::vector<scene::SurfacePtr> rows_;  // one per page that differs
};

class DiffHtmlReport {
public:
    void add(const PageImages& page);
    std::string finish(const DocumentDiff& diff) const;

private:
    std::vector<std::string> sections_;  // one per page
};

}  // namespace koho::proof
