// The checks behind preflight_pdf(), one file each; the driver
// (preflight.cpp) runs them page by page and orders the findings.
#pragma once

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "print/preflight.h"
#include "print/preflight_content.h"

namespace koho::print::detail {

// The checks in the order the report lists them.
const std::vector<std::string>& check_order();

// A page box by key, inherited from the page tree if need be, normalised
// (x0 < x1, y0 < y1); nullopt when absent or malformed.
std::optional<Rect> page_box(QPDFObjectHandle page, const std::string& key);
// The area ink can reach: BleedBox, else TrimBox, CropBox, MediaBox.
Rect ink_area(QPDFObjectHandle page);

void check_boxes(QPDFObjectHandle page, int page_no, const PreflightOptions& options,
                 std::vector<Finding>& findings);

// What the document-wide checks need to know from the page walks.
struct DocumentFacts {
    std::set<QPDFObjGen> fonts_reported;                   // each font once, where first used
    std::vector<std::pair<int, std::string>> transparency;  // page, what
};

// fonts, colorspace, image_resolution, rich_black, hairline, safe_zone.
void check_page_content(QPDFObjectHandle page, int page_no, const PreflightOptions& options,
                        DocumentFacts& facts, std::vector<Finding>& findings);

void check_tac(const std::string& pdf_bytes, const std::vector<QPDFObjectHandle>& pages,
               const PreflightOptions& options, std::vector<Finding>& findings);

void check_pdfx(QPDF& pdf, const DocumentFacts& facts, std::vector<Finding>& findings);

// "1.5" for 1.5 mm: one decimal, locale-independent.
std::string mm_text(double pt);

}  // namespace koho::print::detail
