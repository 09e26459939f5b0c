// Stage 1 of the web PDF: Cairo draws the pages with structure tags and
// link annotations around the items.
#pragma once

#include <string>
#include <vector>

#include "print/web_pdf.h"
#include "scene/display_list.h"

namespace koho::print::detail {

// The structure element an item becomes: "H1".."H6", "P", "Figure", or ""
// for an artifact (drawn outside the structure tree). Without a role: text
// → P, pictures, SVG art and QR codes → Figure, other shapes → artifact.
// A heading or paragraph role on a shape (a text or table frame's rules,
// fills, borders) → artifact. Items that draw nothing → "". Throws koho::Error
// (BadInput) at the item's location for a role it does not know.
std::string structure_tag(const scene::Item& item);

// An element Cairo writes at the root of the structure tree: one per
// tagged item, in display-list order.
struct TaggedElement {
    std::string tag;  // "H1".."H6", "P", "Figure", or "Div" (decoration with a link)
    // The item's alt text, for /Alt; empty for text (its words are what a
    // reader reads) unless the text is a Figure, and for items without one.
    std::string alt;
};

struct TaggedPdf {
    std::string bytes;
    std::vector<TaggedElement> elements;
};

// Every page at its trim size, clipped to it, each item in list order
// inside its structure tag (consecutive items of one frame with the role
// "figure" share one Figure). Links: an item's own link wraps the item; the
// addresses in a text frame become Link elements after the text (which
// then sits in a Span, as Cairo 1.16 marks content only in leaf elements).
TaggedPdf draw_tagged(const std::vector<scene::PageScene>& pages, const WebPdfOptions& options);

}  // namespace koho::print::detail
