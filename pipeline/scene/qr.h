// QR codes as vector modules: libqrencode decides the modules, scene/ turns
// them into rectangles (one per horizontal run of dark modules) so that the
// PDF holds a few hundred crisp rectangles, never a bitmap.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "scene/display_list.h"

namespace koho::scene {

struct QrMatrix {
    int width = 0;               // modules per side, quiet zone excluded
    std::vector<uint8_t> dark;   // width × width, row-major, 1 = dark
    bool is_dark(int x, int y) const { return dark[static_cast<size_t>(y) * width + x] != 0; }
};

// Encodes UTF-8 `data` (8-bit mode, case kept, smallest version that fits)
// at error-correction level 'L', 'M', 'Q' or 'H'. Throws BadInput at
// `where` for empty data, an unknown level, or data too long for any version.
QrMatrix encode_qr(const std::string& data, char error_correction, const SourceLoc& where);

// The dark modules as rectangles in `area` (a square, quiet zone included:
// the code occupies area.w / (width + 2 × quiet_zone) per module). A shape
// of kind Rects filled with `color`.
ShapeItem qr_modules(const QrMatrix& matrix, const Rect& area, int quiet_zone_modules, const Color& color);

}  // namespace koho::scene
