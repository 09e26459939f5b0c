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

    // Fills `frame` (yuv420p, width × height, e.g. from new_bt709_frame)
    // from opaque native-endian ARGB pixels (Cairo's layout; alpha ignored).
    void convert(const uint8_t* argb, int stride, AVFrame* frame);

private:
    int height_;
    libav::SwsPtr sws_;
};

// A yuv420p frame of width × height with its own (reference-counted)
// buffer, tagged as the converter fills it: BT.709 primaries, transfer and
// matrix, limited range. Throws koho::Error (Failure) at `where`.
libav::FramePtr new_bt709_frame(int width, int height, const SourceLoc& where);

}  // namespace koho::video
