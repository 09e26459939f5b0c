// Reader-spread proofs: the pages as a reader sees them in the bound
// booklet, two facing pages side by side, trimmed (no bleed), drawn by the
// same scene renderer as the PDF and the page proofs.
//
// The first page (the cover) stands alone, then facing pairs, then the last
// page alone when the count is even. A left-bound book (横組み) opens to the
// left: page 1 on the right, then 2|3, 4|5 …. A right-bound book (右綴じ,
// 縦組み) reads right to left: page 1 on the left, then 3|2, 5|4 … (the
// lower number on the right).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/output_set.h"
#include "print/impose.h"
#include "print/proof.h"
#include "scene/display_list.h"

namespace koho::print {

struct SpreadProof {
    int left_page = 0;   // 1-based; 0 when that side is empty
    int right_page = 0;
    SurfacePtr surface;  // RGB24
};

// Which pages face each other, left then right, in reading order.
std::vector<std::pair<int, int>> reader_spread_pages(int page_count, Binding binding);

// One image per spread at `dpi`. Each side is as wide as its page's trim
// (an empty side as wide as the page opposite) and the image as tall as the
// taller page, tops aligned; pages are white paper on a light grey desk
// that shows through an empty side. With `gutter_line`, a hairline of
// mid grey marks the spine of a two-page spread. Throws koho::Error
// (BadInput) for a dpi outside 1..2400.
std::vector<SpreadProof> reader_spreads(const std::vector<scene::PageScene>& pages, Binding binding,
                                        double dpi, bool gutter_line = true);

// Writes DIR/<stem>-spread-<N>.png (N from 1 in reading order), creating
// DIR; the PNGs appear together, atomically (core/output_set.h).
void write_spread_proofs(const std::filesystem::path& dir, const std::string& stem,
                         const std::vector<scene::PageScene>& pages, Binding binding, double dpi);
// The same PNGs as members of `outputs`, renamed into place by its commit().
void write_spread_proofs(OutputSet& outputs, const std::filesystem::path& dir, const std::string& stem,
                         const std::vector<scene::PageScene>& pages, Binding binding, double dpi);

}  // namespace koho::print
