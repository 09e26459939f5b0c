#include "proof/pixel_diff.h"

#include <algorithm>
#include <cstdlib>
#include <deque>

namespace koho::proof {

namespace {

// A surface's pixel at (x, y) as 0x00RRGGBB, white outside it.
struct PixelReader {
    const uint8_t* data;
    int width, height, stride;

    explicit PixelReader(cairo_surface_t* s)
        : data(cairo_image_surface_get_data(s)),
          width(cairo_image_surface_get_width(s)),
          height(cairo_image_surface_get_height(s)),
          stride(cairo_image_surface_get_stride(s)) {}

    uint32_t at(int x, int y) const {
        if (x >= width || y >= height) return 0xFFFFFF;
        return reinterpret_cast<const uint32_t*>(data + static_cast<size_t>(y) * stride)[x] & 0xFFFFFF;
    }
};

bool differs(uint32_t a, uint32_t b, int threshold) {
    for (int shift = 0; shift <= 16; shift += 8) {
        const int ca = static_cast<int>((a >> shift) & 0xFF), cb = static_cast<int>((b >> shift) & 0xFF);
        if (std::abs(ca - cb) > threshold) return true;
    }
    return false;
}

// Groups changed pixels: the page is cut into cells of group_px; cells
// holding a change that touch (eight neighbours) are one region, and its
// box is the exact extent of the changed pixels in it.
std::vector<PixelBox> group_changes(const PixelDiff& d, int group_px) {
    const int cell = std::max(1, group_px);
    const int cols = (d.width + cell - 1) / cell, rows = (d.height + cell - 1) / cell;
    std::vector<PixelBox> cell_extent(static_cast<size_t>(cols) * rows);
    std::vector<uint8_t> hit(cell_extent.size(), 0);
    for (int y = 0; y < d.height; ++y)
        for (int x = 0; x < d.width; ++x) {
            if (!d.is_changed(x, y)) continue;
            const size_t c = static_cast<size_t>(y / cell) * cols + x / cell;
            PixelBox& e = cell_extent[c];
            if (!hit[c]) e = {x, y, x + 1, y + 1};
            e = {std::min(e.x0, x), std::min(e.y0, y), std::max(e.x1, x + 1), std::max(e.y1, y + 1)};
            hit[c] = 1;
        }
    std::vector<PixelBox> boxes;
    std::vector<uint8_t> seen(hit.size(), 0);
    for (size_t start = 0; start < hit.size(); ++start) {
        if (!hit[start] || seen[start]) continue;
        PixelBox box = cell_extent[start];
        std::deque<size_t> queue{start};
        seen[start] = 1;
        while (!queue.empty()) {
            const size_t c = queue.front();
            queue.pop_front();
            const PixelBox& e = cell_extent[c];
            box = {std::min(box.x0, e.x0), std::min(box.y0, e.y0), std::max(box.x1, e.x1), std::max(box.y1, e.y1)};
            const int cx = static_cast<int>(c % cols), cy = static_cast<int>(c / cols);
            for (int dy = -1; dy <= 1; ++dy)
                for (int dx = -1; dx <= 1; ++dx) {
                    const int nx = cx + dx, ny = cy + dy;
                    if (nx < 0 || ny < 0 || nx >= cols || ny >= rows) continue;
                    const size_t n = static_cast<size_t>(ny) * cols + nx;
                    if (hit[n] && !seen[n]) {
                        seen[n] = 1;
                        queue.push_back(n);
                    }
                }
        }
        boxes.push_back(box);
    }
    std::sort(boxes.begin(), boxes.end(), [](const PixelBox& a, const PixelBox& b) {
        return a.y0 != b.y0 ? a.y0 < b.y0 : a.x0 < b.x0;
    });
    return boxes;
}

}  // namespace

PixelDiff compare_pixels(cairo_surface_t* old_page, cairo_surface_t* new_page, int threshold, int group_px) {
    cairo_surface_flush(old_page);
    cairo_surface_flush(new_page);
    const PixelReader a(old_page), b(new_page);
    PixelDiff d;
    d.width = std::max(a.width, b.width);
    d.height = std::max(a.height, b.height);
    d.mask.assign(static_cast<size_t>(d.width) * d.height, 0);
    for (int y = 0; y < d.height; ++y)
        for (int x = 0; x < d.width; ++x)
            if (differs(a.at(x, y), b.at(x, y), threshold)) {
                d.mask[static_cast<size_t>(y) * d.width + x] = 1;
                ++d.changed;
            }
    if (d.changed) d.boxes = group_changes(d, group_px);
    return d;
}

}  // namespace koho::proof
