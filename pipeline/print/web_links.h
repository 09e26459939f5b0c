// Hyperlinks of the web PDF: the http:// and https:// addresses written in
// a text frame, found in its glyph runs' text and placed over their glyphs.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "scene/display_list.h"

namespace koho::print::detail {

// A URL in a text: bytes [begin, end) of the UTF-8.
struct UrlSpan {
    size_t begin = 0, end = 0;
};

// Every http:// or https:// address in `text` (scheme case-insensitive),
// running over the characters RFC 3986 allows in a URI and stopping at
// anything else (a space, Japanese text, 、。「」). Punctuation that ends a
// sentence (. , ; : ! ? ' ") is left out at the end, and so is a closing
// bracket the address did not open.
std::vector<UrlSpan> find_urls(std::string_view text);

// A link annotation: where to go and the areas (page points, y down) that
// go there — one per line the address is set on.
struct LinkArea {
    std::string uri;
    std::vector<scene::Rect> rects;
};

// The addresses in a text frame and the boxes of their glyphs: each box
// spans the glyphs' advances and the em box (0.88 em up, 0.12 em down from
// the baseline), turned with
// the run (Latin set sideways in vertical text). The frame's runs are read
// as one text in list order, so an address broken across lines is one link.
std::vector<LinkArea> text_links(const scene::TextItem& text);

// The box of all the frame's glyphs (empty when it has none): where a link
// the whole text frame carries goes.
scene::Rect text_bounds(const scene::TextItem& text);

// A URI as a PDF link may carry it: 7-bit ASCII, so bytes outside printable
// ASCII are percent-encoded (UTF-8, RFC 3987 §3.1).
std::string ascii_uri(std::string_view uri);

}  // namespace koho::print::detail
