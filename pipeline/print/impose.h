// Imposition: printer spreads from a finished PDF.
#pragma once

#include <string>
#include <vector>

namespace koho::print {

enum class Binding { Left, Right };  // 左綴じ (横組み) / 右綴じ (縦組み)

// For a saddle-stitched booklet of `page_count` pages (a multiple of 4):
// the pages on each side of each sheet, left then right, 1-based; 0 is a
// blank. Sheet sides in printing order (sheet 1 front, sheet 1 back, …).
// Left-bound 8 pages: {8,1} {2,7} {6,3} {4,5}; right-bound mirrors each.
std::vector<std::pair<int, int>> saddle_stitch_order(int page_count, Binding binding);

struct ImposeOptions {
    Binding binding = Binding::Left;
    bool pad_with_blanks = false;  // otherwise a page count not a multiple of 4 is an error
};

// Printer spreads: two pages' trim boxes side by side at the spine, each
// page's bleed kept on the outer edges, new trim marks round the spread,
// TrimBox/BleedBox set. Throws koho::Error (BadInput) for PDFs without
// TrimBox or with pages of different sizes.
std::string impose_saddle_stitch(const std::string& pdf_bytes, const std::string& source_name,
                                 const ImposeOptions& options);

}  // namespace koho::print
