// Cairo ARGB32 (sRGB, full range) → yuv420p BT.709 limited range.
//
// swscale converts RGB to YUV with the BT.601 matrix unless told
// otherwise; a stream tagged BT.709 but converted as BT.601 shows reds and
// greens visibly shifted in every player. The matrix is set explicitly
// here, the same one the stream is tagged with (mp4_writer.cpp).
#pragma once

#include <cstdint>

#include "core/diagnostic.h"
#include "video/libav_handles.h"

namespace koho::video {

class Bt709Converter {
public:
    // Throws koho::Error (Failure) at `where` when swscale refuses.
    Bt709Converter(int width, int height, const SourceLoc& where);

    // Fills `frame` (yuv420p, width × height, allocated by the caller)
    // from opaque native-endian ARGB pixels (Cairo's layout; alpha ignored).
    void convert(const uint8_t* argb, int stride, AVFrame* frame);

private:
    int height_;
    libav::SwsPtr sws_;
};

}  // namespace koho::video
