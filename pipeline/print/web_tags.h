// Stage 1 of the web PDF: Cairo draws the pages with structure tags and
// link annotations around the items.
#pragma once

#include <string>
#include <vector>

#include "print/web_pdf.h"
#include "scene/display_list.h"

namespace koho::print::detail {

// The structure element an item becomes: "H1".."H6", "P", "Figure", or ""
// for an artifact (drawn outside the structure tree). Throws koho::Error
// (BadInput) at the item's location for a role it does not know.
std::string structure_tag(const scene::Item& item);

// An element Cairo writes at the root of the structure tree: one per
// tagged item, in display-list order.
struct TaggedElement {
    std::string tag;  // "H1".."H6", "P", "Figure", or "Link" (an artifact with a link)
    // The item's alt text, for /Alt; empty for text frames (their text is
    // what a reader reads) and items without one.
    std::string alt;
};

struct TaggedPdf {
    std::string bytes;
    std::vector<TaggedElement> elements;
};

// Every page at its trim size, clipped to it, each item in list order
// inside its structure tag. Links: an item's own link wraps the item; the
// addresses in a text frame become Link elements after the text (which
// then sits in a Span, as Cairo 1.16 marks content only in leaf elements).
TaggedPdf draw_tagged(const std::vector<scene::PageScene>& pages, const WebPdfOptions& options);

}  // namespace koho::print::detail
