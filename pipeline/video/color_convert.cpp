// The BT.709 conversion of composed frames for the encoder.
#include "video/color_convert.h"

#include "video/av_error.h"

namespace koho::video {

Bt709Converter::Bt709Converter(int width, int height, const SourceLoc& where) : height_(height) {
    // AV_PIX_FMT_RGB32 is ARGB in native endianness: Cairo's own layout.
    // Accurate rounding and full chroma interpolation of the input keep
    // flat colours exact to ±1; the cost is small next to x264.
    sws_.reset(sws_getContext(width, height, AV_PIX_FMT_RGB32, width, height, AV_PIX_FMT_YUV420P,
                              SWS_BICUBIC | SWS_ACCURATE_RND | SWS_FULL_CHR_H_INP, nullptr, nullptr, nullptr));
    if (!sws_) fail_system(where, "swscale cannot convert ARGB to yuv420p at this size");
    // Source: RGB, full range (the table is unused for RGB input). Target:
    // the BT.709 matrix, limited (studio) range 16–235 / 16–240.
    const int* bt709 = sws_getCoefficients(SWS_CS_ITU709);
    if (sws_setColorspaceDetails(sws_.get(), bt709, 1, bt709, 0, 0, 1 << 16, 1 << 16) < 0)
        fail_system(where, "swscale refused the BT.709 colour details");
}

void Bt709Converter::convert(const uint8_t* argb, int stride, AVFrame* frame) {
    const uint8_t* src[4] = {argb, nullptr, nullptr, nullptr};
    const int src_stride[4] = {stride, 0, 0, 0};
    sws_scale(sws_.get(), src, src_stride, 0, height_, frame->data, frame->linesize);
}

}  // namespace koho::video
