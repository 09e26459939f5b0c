// Comparing two editions of a PDF page by page, as a prepress compare does:
// both are drawn at the same resolution and their pixels compared, so any
// visible change is found whatever made the file (a reprint with new dates,
// a corrected phone number), and nothing invisible (object order, IDs) is
// reported. Pages are paired by number; pages beyond the shorter file are
// added or removed.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "proof/pdf_pages.h"
#include "proof/pixel_diff.h"
#include "scene/cairo_ptr.h"

namespace koho::proof {

struct DiffOptions {
    double dpi = 100;      // resolution of the comparison
    int threshold = 16;    // per-channel tolerance, 0–255 (pixel_diff.h)
    double group_mm = 3;   // changes closer than this are reported as one region
};

enum class PageStatus { Same, Changed, Added, Removed };
const char* status_name(PageStatus status);

// A changed region in millimetres from the top-left corner of the page's
// trim box (the new page's; the old page's for a removed page), x to the
// right, y down: where a printer finds it on the sheet.
struct ChangeBox {
    double x_mm = 0, y_mm = 0, w_mm = 0, h_mm = 0;
};

struct PageDiff {
    int number = 0;  // 1-based
    PageStatus status = PageStatus::Same;
    bool size_changed = false;                // the trim box's size differs
    double old_w_mm = 0, old_h_mm = 0;        // trim sizes (0 for a page one side lacks)
    double new_w_mm = 0, new_h_mm = 0;
    uint64_t changed_pixels = 0, total_pixels = 0;
    std::vector<ChangeBox> boxes;

    double changed_percent() const {
        return total_pixels ? 100.0 * static_cast<double>(changed_pixels) / static_cast<double>(total_pixels) : 0;
    }
};

struct DocumentDiff {
    std::string old_file, new_file;
    int old_pages = 0, new_pages = 0;
    DiffOptions options;
    std::vector<PageDiff> pages;

    int changed_pages() const;  // every page not Same
    bool identical() const { return changed_pages() == 0; }
};

// What a report writer gets for each page as it is compared: the renders
// (null for the side that lacks the page) and the pixel comparison (null
// unless both exist). The images live only during the call, so a long
// document is never held in memory whole.
struct PageImages {
    const PageDiff& page;
    cairo_surface_t* old_page;
    cairo_surface_t* new_page;
    const PixelDiff* pixels;
};
using PageVisitor = std::function<void(const PageImages&)>;

// Opens both files (BadInput for any that is not a readable PDF, before
// any page is drawn), compares every page and calls `visit` for each in
// order. Throws koho::Error (BadInput) for options out of range.
DocumentDiff diff_pdfs(const std::string& old_file, const std::string& new_file, const DiffOptions& options,
                       const PageVisitor& visit);

// The comparison as text (stdout of koho diff): one summary line, then a
// line per page that differs and a line per changed region. Numbers are
// locale-independent.
std::string diff_summary_text(const DocumentDiff& diff);

}  // namespace koho::proof
