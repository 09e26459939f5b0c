// Imposition: printer spreads from a finished PDF.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace koho::print {

enum class Binding { Left, Right };  // 左綴じ (横組み) / 右綴じ (縦組み)

// For a saddle-stitched booklet of `page_count` pages (a multiple of 4):
// the pages on each side of each sheet, left then right, 1-based; 0 is a
// blank. Sheet sides in printing order (sheet 1 front, sheet 1 back, …).
// Left-bound 8 pages: {8,1} {2,7} {6,3} {4,5}; right-bound mirrors each.
// Throws koho::Error (BadInput) for a count that is not a positive multiple
// of 4.
std::vector<std::pair<int, int>> saddle_stitch_order(int page_count, Binding binding);

// The booklet's pages in reading order for a PDF of `source_pages` pages:
// element i is the source page (1-based) at booklet page i + 1, 0 a blank.
// Without padding the count must be a multiple of 4 (else BadInput). With
// padding, blanks fill the booklet up to the next multiple of 4 and go
// before the source's last page, which stays the back cover (表4), as print
// shops expect of a cover set: 6 pages → 1 2 3 4 5 _ _ 6. A single page is
// the front cover and is followed by the blanks.
std::vector<int> booklet_pages(int source_pages, bool pad_with_blanks);

// The binding a PDF declares: its catalog's /ViewerPreferences /Direction
// (/R2L → Right, /L2R → Left; what InDesign writes for a right- or
// left-edge binding), nullopt when it declares none. Throws koho::Error
// (BadInput) for what is not a PDF.
std::optional<Binding> declared_binding(const std::string& pdf_bytes, const std::string& source_name);

struct ImposeOptions {
    Binding binding = Binding::Left;
    bool pad_with_blanks = false;  // otherwise a page count not a multiple of 4 is an error
};

// Printer spreads: two pages' trim boxes side by side at the spine, each
// page's bleed kept on the outer edges, new trim marks round the spread,
// TrimBox/BleedBox set. The sheets keep the smallest bleed any page has;
// their marks are registration colour (1 1 1 1 K), the top and bottom
// centre marks on the fold. The output intents, XMP metadata, /Lang, /Info
// and PDF version of the input go along; the /ID is deterministic.
// Throws koho::Error (BadInput, located at `source_name`) for what is not
// a PDF, a page without TrimBox, pages of different trim sizes, rotated
// pages, printing annotations other than links, and a page count that is
// not a multiple of 4 without padding.
std::string impose_saddle_stitch(const std::string& pdf_bytes, const std::string& source_name,
                                 const ImposeOptions& options);

}  // namespace koho::print
