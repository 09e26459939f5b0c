#include "scene/qr.h"

#include <qrencode.h>

#include <algorithm>
#include <cerrno>
#include <memory>
#include <optional>

namespace koho::scene {
namespace {

struct QrFree {
    void operator()(QRcode* code) const { QRcode_free(code); }
};

std::optional<QRecLevel> level_for(char letter) {
    switch (letter) {
    case 'L': return QR_ECLEVEL_L;
    case 'M': return QR_ECLEVEL_M;
    case 'Q': return QR_ECLEVEL_Q;
    case 'H': return QR_ECLEVEL_H;
    default: return std::nullopt;
    }
}

}  // namespace

QrMatrix encode_qr(const std::string& data, char error_correction, const SourceLoc& where) {
    if (data.empty()) fail_input(where, "QR data is empty");
    auto level = level_for(error_correction);
    if (!level)
        fail_input(where, std::string("unknown QR error correction level '") + error_correction +
                              "' (use L, M, Q or H)");
    // Hint QR_MODE_8: UTF-8 bytes go in as they are (Japanese included),
    // never reinterpreted as Shift_JIS kanji; digit runs may still use the
    // denser numeric mode. Case-sensitive, so URLs keep their case.
    errno = 0;
    std::unique_ptr<QRcode, QrFree> code(
        QRcode_encodeString(data.c_str(), 0, *level, QR_MODE_8, /*casesensitive=*/1));
    if (!code) {
        if (errno == ERANGE) {
            std::string why = "QR data is too long (" + std::to_string(data.size()) +
                              " bytes) for a QR code at error correction level " + error_correction;
            std::unique_ptr<QRcode, QrFree> at_l(
                QRcode_encodeString(data.c_str(), 0, QR_ECLEVEL_L, QR_MODE_8, 1));
            fail_input(where, why + (at_l && error_correction != 'L'
                                         ? " (shorten it or choose a lower level; it fits at L)"
                                         : " (shorten it: no QR code holds it)"));
        }
        fail_system(where, "libqrencode could not encode the QR data");
    }
    QrMatrix matrix;
    matrix.width = code->width;
    size_t count = static_cast<size_t>(code->width) * code->width;
    matrix.dark.resize(count);
    // Bit 0 of each byte is the module's colour; the other bits are
    // libqrencode's bookkeeping (function patterns, format info).
    for (size_t i = 0; i < count; ++i) matrix.dark[i] = code->data[i] & 1;
    return matrix;
}

ShapeItem qr_modules(const QrMatrix& matrix, const Rect& area, int quiet_zone_modules, const Color& color) {
    ShapeItem shape;
    shape.kind = ShapeKind::Rects;
    shape.bounds = area;
    shape.fill = color;
    int quiet = std::max(0, quiet_zone_modules);
    double side = std::min(area.w, area.h);
    double module = side / (matrix.width + 2 * quiet);
    double origin_x = area.x + quiet * module;
    double origin_y = area.y + quiet * module;
    for (int y = 0; y < matrix.width; ++y) {
        int x = 0;
        while (x < matrix.width) {
            if (!matrix.is_dark(x, y)) {
                ++x;
                continue;
            }
            int start = x;
            while (x < matrix.width && matrix.is_dark(x, y)) ++x;
            shape.rects.push_back({origin_x + start * module, origin_y + y * module,
                                   (x - start) * module, module});
        }
    }
    return shape;
}

}  // namespace koho::scene
