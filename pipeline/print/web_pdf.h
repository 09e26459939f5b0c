// The web edition: the same pages as the print PDF, for screens. RGB (no
// colour conversion), trim size (no bleed, no marks), pictures resampled to
// screen resolution, and tagged for reading aloud and reflow: a structure
// tree in display-list order (headings, paragraphs, figures with their alt
// text), /Lang, the title shown in the window, and link annotations over
// every http(s) address set in the text and over items that carry a link
// (QR codes). Cairo 1.16 draws it (structure tags and links); libqpdf then
// adds what Cairo cannot write (alt text, the Document element, artifacts,
// catalog keys) and packs it into compressed object streams.
//
// What the model supplies, per item (scene::Item):
//   role  "h1".."h6", "p", "figure", "artifact" or "" for the default: text
//         → P, pictures and SVG art → Figure (compose gives QR codes the
//         role "figure"),
//         other shapes (rules, boxes, backgrounds) → artifact. A heading or
//         paragraph role on a plain shape (a text or table frame's rules,
//         fills, borders, which compose gives the frame's role) still makes
//         it an artifact. Consecutive items of one frame (same frame_id and
//         location) with the role "figure" form one Figure.
//   alt   /Alt of the item's element (when not empty) — for pictures, SVG
//         art, QR codes and shapes whatever their role (lettering drawn as
//         a picture with role "h1" is an H1 read by its alt), and for text
//         with the role "figure"; ignored on other text, whose words are
//         what is read.
//   link  a URI the whole item points to (a QR code's target): a Link
//         element (inside the item's element; inside a Div for decoration)
//         and an annotation over the item's area. Without one, every
//         http:// or https:// address in a text item's text is linked over
//         its glyphs.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "scene/display_list.h"

namespace koho::print {

struct WebPdfOptions {
    std::string title;          // /Info /Title, shown as the window title
    std::string lang = "ja";    // BCP 47, for /Lang
    std::string creator;        // e.g. "koho 0.1.0"
    // CreationDate and ModDate (SOURCE_DATE_EPOCH); nullopt: no dates.
    std::optional<int64_t> date_epoch;
    // Pictures keep no more pixels than this at their placed size.
    double max_image_ppi = 150;
    // Opaque pictures are embedded as JPEG at this quality (1–100).
    int jpeg_quality = 82;
};

// The PDF's bytes: the same pages and options give the same bytes. Throws
// koho::Error: BadInput at an item's location for a role it does not know;
// Failure when Cairo or qpdf fail or the options are out of range.
std::string render_web_pdf(const std::vector<scene::PageScene>& pages, const WebPdfOptions& options);

// render_web_pdf, written atomically: on any error nothing appears at
// `target` (an existing file there is left as it was).
void write_web_pdf(const std::filesystem::path& target, const std::vector<scene::PageScene>& pages,
                   const WebPdfOptions& options);

}  // namespace koho::print
