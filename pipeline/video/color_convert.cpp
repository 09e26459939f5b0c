// The BT.709 conversion of composed frames for the encoder.
#include "video/color_convert.h"

#include <string>

extern "C" {
#include <libavutil/opt.h>
}

#include "video/av_error.h"

namespace koho::video {

Bt709Converter::Bt709Converter(int width, int height, const SourceLoc& where) : height_(height) {
    // AV_PIX_FMT_RGB32 is ARGB in native endianness: Cairo's own layout.
    // Accurate rounding and full-resolution chroma from the RGB input keep
    // flat colours exact to ±1; the cost is small next to x264.
    sws_.reset(sws_alloc_context());
    if (!sws_) fail_system(where, "out of memory for swscale");
    SwsContext* s = sws_.get();
    const bool set = av_opt_set_int(s, "srcw", width, 0) >= 0 && av_opt_set_int(s, "srch", height, 0) >= 0 &&
                     av_opt_set_int(s, "src_format", AV_PIX_FMT_RGB32, 0) >= 0 &&
                     av_opt_set_int(s, "dstw", width, 0) >= 0 && av_opt_set_int(s, "dsth", height, 0) >= 0 &&
                     av_opt_set_int(s, "dst_format", AV_PIX_FMT_YUV420P, 0) >= 0 &&
                     av_opt_set_int(s, "sws_flags", SWS_BICUBIC | SWS_ACCURATE_RND | SWS_FULL_CHR_H_INP, 0) >= 0 &&
                     // Chroma sited as H.264 assumes (and the stream says):
                     // horizontally on the even luma columns, vertically
                     // between the two rows. swscale's default is centred
                     // both ways, a quarter-pixel shift of every colour edge.
                     av_opt_set_int(s, "dst_h_chr_pos", 0, 0) >= 0 && av_opt_set_int(s, "dst_v_chr_pos", 128, 0) >= 0;
    if (!set || sws_init_context(s, nullptr, nullptr) < 0)
        fail_system(where, "swscale cannot convert ARGB to yuv420p at " + std::to_string(width) + "x" +
                               std::to_string(height));
    // Source: RGB, full range (the table is unused for RGB input). Target:
    // the BT.709 matrix, limited (studio) range 16–235 / 16–240.
    const int* bt709 = sws_getCoefficients(SWS_CS_ITU709);
    if (sws_setColorspaceDetails(s, bt709, 1, bt709, 0, 0, 1 << 16, 1 << 16) < 0)
        fail_system(where, "swscale refused the BT.709 colour details");
}

void Bt709Converter::convert(const uint8_t* argb, int stride, AVFrame* frame) {
    const uint8_t* src[4] = {argb, nullptr, nullptr, nullptr};
    const int src_stride[4] = {stride, 0, 0, 0};
    sws_scale(sws_.get(), src, src_stride, 0, height_, frame->data, frame->linesize);
}

libav::FramePtr new_bt709_frame(int width, int height, const SourceLoc& where) {
    libav::FramePtr frame(av_frame_alloc());
    if (!frame) fail_system(where, "out of memory for a video frame");
    frame->format = AV_PIX_FMT_YUV420P;
    frame->width = width;
    frame->height = height;
    frame->color_primaries = AVCOL_PRI_BT709;
    frame->color_trc = AVCOL_TRC_BT709;
    frame->colorspace = AVCOL_SPC_BT709;
    frame->color_range = AVCOL_RANGE_MPEG;
    libav::check_av(where, "cannot allocate a video frame", av_frame_get_buffer(frame.get(), 0));
    return frame;
}

}  // namespace koho::video
