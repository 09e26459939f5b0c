// Right-angle turns of decoded pictures (see media_rotation.h).
#include "video/media_rotation.h"

#include <cmath>
#include <cstring>

extern "C" {
#include <libavutil/display.h>
}

namespace koho::video::media {

int quarter_turns(const AVStream& stream) {
    size_t size = 0;
    const uint8_t* data = av_stream_get_side_data(&stream, AV_PKT_DATA_DISPLAYMATRIX, &size);
    if (!data || size < 9 * sizeof(int32_t)) return 0;
    // The matrix turns counter-clockwise by this angle; showing the picture
    // upright takes the opposite turn.
    const double ccw = av_display_rotation_get(reinterpret_cast<const int32_t*>(data));
    if (std::isnan(ccw)) return 0;
    const long clockwise = std::lround(-ccw / 90.0);
    return static_cast<int>(((clockwise % 4) + 4) % 4);
}

void turn_pixels(const uint8_t* src, int src_width, int src_height, int src_stride, uint8_t* dst,
                 int dst_stride, int turns) {
    auto src_px = [&](int x, int y) { return src + static_cast<ptrdiff_t>(y) * src_stride + x * 4; };
    switch (turns) {
        case 0:
            for (int y = 0; y < src_height; ++y)
                std::memcpy(dst + static_cast<ptrdiff_t>(y) * dst_stride, src_px(0, y), src_width * 4);
            break;
        case 1:  // clockwise: source row y becomes destination column (h-1-y)
            for (int y = 0; y < src_height; ++y)
                for (int x = 0; x < src_width; ++x)
                    std::memcpy(dst + static_cast<ptrdiff_t>(x) * dst_stride + (src_height - 1 - y) * 4,
                                src_px(x, y), 4);
            break;
        case 2:
            for (int y = 0; y < src_height; ++y)
                for (int x = 0; x < src_width; ++x)
                    std::memcpy(dst + static_cast<ptrdiff_t>(src_height - 1 - y) * dst_stride +
                                    (src_width - 1 - x) * 4,
                                src_px(x, y), 4);
            break;
        case 3:  // counter-clockwise: source column x becomes destination row (w-1-x)
            for (int y = 0; y < src_height; ++y)
                for (int x = 0; x < src_width; ++x)
                    std::memcpy(dst + static_cast<ptrdiff_t>(src_width - 1 - x) * dst_stride + y * 4,
                                src_px(x, y), 4);
            break;
        default:
            break;
    }
}

}  // namespace koho::video::media
