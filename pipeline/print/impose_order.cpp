// Which page goes where on a saddle-stitched booklet's sheets.
//
// The sheets of a saddle-stitched booklet are nested and folded once. Sheet
// k (0-based, outermost first) carries four pages: on its front the last
// unused page from the back of the book beside the first from the front,
// on its back the next page from the front beside the next from the back.
// For a left-bound (横組み) book the front's outer page is on the left; a
// right-bound (縦組み, 右綴じ) book reads right to left, so every pair is
// mirrored.
#include <string>
#include <utility>
#include <vector>

#include "core/diagnostic.h"
#include "print/impose.h"

namespace koho::print {

std::vector<std::pair<int, int>> saddle_stitch_order(int page_count, Binding binding) {
    if (page_count <= 0 || page_count % 4 != 0)
        fail_input({}, "a saddle-stitched booklet needs a multiple of 4 pages, not " +
                           std::to_string(page_count));
    std::vector<std::pair<int, int>> sides;
    sides.reserve(page_count / 2);
    for (int k = 0; k < page_count / 4; ++k) {
        const int front_first = 2 * k + 1;          // odd: right of the front for left binding
        const int front_last = page_count - 2 * k;  // even
        std::pair<int, int> front{front_last, front_first};
        std::pair<int, int> back{front_first + 1, front_last - 1};
        if (binding == Binding::Right) {
            std::swap(front.first, front.second);
            std::swap(back.first, back.second);
        }
        sides.push_back(front);
        sides.push_back(back);
    }
    return sides;
}

std::vector<int> booklet_pages(int source_pages, bool pad_with_blanks) {
    if (source_pages <= 0) fail_input({}, "the PDF has no pages to impose");
    const int blanks = (4 - source_pages % 4) % 4;
    if (blanks != 0 && !pad_with_blanks)
        fail_input({}, "the PDF has " + std::to_string(source_pages) +
                           " pages; a saddle-stitched booklet needs a multiple of 4 (--pad adds " +
                           std::to_string(blanks) + " blank page" + (blanks == 1 ? "" : "s") +
                           " before the back cover)");
    std::vector<int> pages;
    pages.reserve(source_pages + blanks);
    // With one page there is no back cover to keep last.
    const int body = source_pages == 1 ? 1 : source_pages - 1;
    for (int p = 1; p <= body; ++p) pages.push_back(p);
    pages.insert(pages.end(), blanks, 0);
    if (source_pages > 1) pages.push_back(source_pages);
    return pages;
}

}  // namespace koho::print
