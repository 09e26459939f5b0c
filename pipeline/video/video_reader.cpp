// VideoReader: the picture on screen at a time, decoded forward, seeking
// only when asked to go back or far ahead; converted to Cairo ARGB32
// (little-endian BGRA, premultiplied) only for the frames actually shown.
#include <cmath>
#include <cstring>
#include <vector>

#include "core/units.h"
#include "video/media_input.h"
#include "video/media_open.h"
#include "video/media_rotation.h"

extern "C" {
#include <libavutil/imgutils.h>
#include <libavutil/pixdesc.h>
#include <libswscale/swscale.h>
}

namespace koho::video {

namespace {

struct SwsFreer {
    void operator()(SwsContext* ctx) const { sws_freeContext(ctx); }
};
struct AvFreer {
    void operator()(uint8_t* data) const { av_free(data); }
};

// Going forward this far (or more) is done by seeking rather than decoding
// every frame in between.
constexpr double kSeekAhead_s = 2.0;
// Frame times come from rational time bases, request times from n / fps;
// this much slack keeps "the frame at exactly its own time" exact.
constexpr double kTimeSlack_s = 1e-6;

// Cairo's ARGB32 in memory order on this machine.
constexpr AVPixelFormat kCairoFormat =
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    AV_PIX_FMT_BGRA;
#else
    AV_PIX_FMT_ARGB;
#endif

int aligned_stride(int width) { return (width * 4 + 63) / 64 * 64; }

// The YUV matrix of a decoded picture. Untagged pictures are taken as
// BT.709 from 720 lines up and BT.601 below, as players do.
int sws_colorspace(const AVFrame& frame) {
    switch (frame.colorspace) {
        case AVCOL_SPC_BT709: return SWS_CS_ITU709;
        case AVCOL_SPC_FCC: return SWS_CS_FCC;
        case AVCOL_SPC_SMPTE240M: return SWS_CS_SMPTE240M;
        case AVCOL_SPC_BT2020_NCL:
        case AVCOL_SPC_BT2020_CL: return SWS_CS_BT2020;
        case AVCOL_SPC_BT470BG:
        case AVCOL_SPC_SMPTE170M: return SWS_CS_ITU601;
        default: return frame.height >= 720 ? SWS_CS_ITU709 : SWS_CS_ITU601;
    }
}

bool is_full_range(const AVFrame& frame) {
    if (frame.color_range == AVCOL_RANGE_JPEG) return true;
    // The old "J" formats are full range by definition.
    const auto f = static_cast<AVPixelFormat>(frame.format);
    return f == AV_PIX_FMT_YUVJ420P || f == AV_PIX_FMT_YUVJ422P || f == AV_PIX_FMT_YUVJ444P ||
           f == AV_PIX_FMT_YUVJ440P;
}

}  // namespace

struct VideoReader::Impl {
    std::filesystem::path path;
    SourceLoc where;
    MediaInfo info;
    media::FormatPtr format;
    std::unique_ptr<media::StreamDecoder> decoder;
    int turns = 0;
    int scaled_width = 0, scaled_height = 0;  // before the turn

    media::FramePtr shown = media::make_frame();  // the last decoded frame at or before the request
    media::FramePtr ahead = media::make_frame();  // decoded, after the request, kept for the next call
    bool have_shown = false, have_ahead = false, at_end = false;
    double shown_t = 0, ahead_t = 0, first_t = 0;
    bool shown_converted = false;

    std::unique_ptr<SwsContext, SwsFreer> sws;
    std::unique_ptr<uint8_t, AvFreer> pixels, turned;  // ARGB32 output (and the unturned picture when turning)
    int stride = 0, turned_stride = 0;

    double frame_step() const { return info.fps > 0 ? 1.0 / info.fps : 1.0 / 25; }

    // Decodes the next frame into `ahead`; false at the end.
    bool read_ahead() {
        if (at_end) return false;
        av_frame_unref(ahead.get());
        if (!decoder->next(*ahead)) {
            at_end = true;
            return false;
        }
        ahead_t = decoder->frame_seconds(*ahead, have_shown ? shown_t + frame_step() : 0.0);
        have_ahead = true;
        return true;
    }

    void show_ahead() {
        std::swap(shown, ahead);
        shown_t = ahead_t;
        have_shown = true;
        have_ahead = false;
        shown_converted = false;
    }

    // Seeks so that the next frame decoded is at or before `t`. Demuxers
    // that seek by searching timestamps (MPEG-TS) may land on a keyframe
    // after the target; then the seek is repeated further back.
    void seek(double t) {
        double back = 0;
        for (;;) {
            const double target = std::max(0.0, t - back);
            decoder->seek(target);
            have_shown = have_ahead = at_end = false;
            const bool landed = read_ahead();
            if (target <= 0 || (landed && ahead_t <= t + kTimeSlack_s)) return;
            back = back == 0 ? 1.0 : back * 2;
        }
    }

    void advance_to(double t) {
        for (;;) {
            if (!have_ahead && !read_ahead()) return;
            // The first frame after a seek is shown even if it starts after
            // `t`: nothing earlier exists.
            if (have_shown && ahead_t > t + kTimeSlack_s) return;
            show_ahead();
        }
    }

    void convert() {
        const AVFrame& frame = *shown;
        const auto src_format = static_cast<AVPixelFormat>(frame.format);
        sws.reset(sws_getCachedContext(sws.release(), frame.width, frame.height, src_format, scaled_width,
                                       scaled_height, kCairoFormat, SWS_BICUBIC, nullptr, nullptr, nullptr));
        if (!sws)
            fail_system(where, media::display_name(path) + ": cannot convert its " +
                                   av_get_pix_fmt_name(src_format) + " pictures");
        const int* coefficients = sws_getCoefficients(sws_colorspace(frame));
        // Output is full-range sRGB-like RGB whatever the input range.
        sws_setColorspaceDetails(sws.get(), coefficients, is_full_range(frame) ? 1 : 0,
                                 sws_getCoefficients(SWS_CS_DEFAULT), 1, 0, 1 << 16, 1 << 16);

        uint8_t* target = turns == 0 ? pixels.get() : turned.get();
        const int target_stride = turns == 0 ? stride : turned_stride;
        uint8_t* planes[4] = {target, nullptr, nullptr, nullptr};
        const int strides[4] = {target_stride, 0, 0, 0};
        sws_scale(sws.get(), frame.data, frame.linesize, 0, frame.height, planes, strides);

        const AVPixFmtDescriptor* desc = av_pix_fmt_desc_get(src_format);
        if (desc && (desc->flags & AV_PIX_FMT_FLAG_ALPHA)) premultiply(target, target_stride);
        if (turns != 0)
            media::turn_pixels(turned.get(), scaled_width, scaled_height, turned_stride, pixels.get(), stride, turns);
        shown_converted = true;
    }

    // Cairo wants premultiplied alpha; swscale gives straight alpha.
    void premultiply(uint8_t* data, int row_stride) const {
        const int alpha_at = kCairoFormat == AV_PIX_FMT_BGRA ? 3 : 0;
        for (int y = 0; y < scaled_height; ++y) {
            uint8_t* px = data + static_cast<ptrdiff_t>(y) * row_stride;
            for (int x = 0; x < scaled_width; ++x, px += 4) {
                const unsigned a = px[alpha_at];
                if (a == 255) continue;
                for (int c = 0; c < 4; ++c)
                    if (c != alpha_at) px[c] = static_cast<uint8_t>((px[c] * a + 127) / 255);
            }
        }
    }
};

VideoReader::VideoReader(const std::filesystem::path& path, const SourceLoc& where, int out_width,
                         int out_height, uint64_t max_frame_pixels)
    : impl_(std::make_unique<Impl>()) {
    Impl& m = *impl_;
    m.path = path;
    m.where = where;
    m.format = media::open_media(path, where, max_frame_pixels);
    m.info = media::describe(*m.format);
    if (!m.info.has_video) fail_input(where, media::display_name(path) + " has no video stream");
    const int index = media::first_stream(*m.format, AVMEDIA_TYPE_VIDEO);
    // Frame threads speed up decoding of large footage; the pictures are
    // the same whatever the thread count.
    m.decoder = std::make_unique<media::StreamDecoder>(*m.format, index, path, where, 0);
    m.turns = media::quarter_turns(*m.format->streams[index]);

    const int width = out_width > 0 ? out_width : m.info.width;
    const int height = out_height > 0 ? out_height : m.info.height;
    if (width <= 0 || height <= 0)
        fail_input(where, media::display_name(path) + ": its video stream has no picture size");
    m.info.width = width;
    m.info.height = height;
    m.scaled_width = m.turns % 2 == 1 ? height : width;
    m.scaled_height = m.turns % 2 == 1 ? width : height;

    m.stride = aligned_stride(width);
    m.pixels.reset(static_cast<uint8_t*>(av_mallocz(static_cast<size_t>(m.stride) * height)));
    if (m.turns != 0) {
        m.turned_stride = aligned_stride(m.scaled_width);
        m.turned.reset(static_cast<uint8_t*>(av_mallocz(static_cast<size_t>(m.turned_stride) * m.scaled_height)));
    }
    if (!m.pixels || (m.turns != 0 && !m.turned)) fail_system(where, "out of memory for video frames");

    m.advance_to(-1.0);  // decode the first frame: its time is where the stream begins
    if (!m.have_shown) fail_input(where, media::display_name(path) + ": its video stream has no frames");
    m.first_t = m.shown_t;
}

VideoReader::~VideoReader() = default;

const MediaInfo& VideoReader::info() const { return impl_->info; }

VideoFrameView VideoReader::frame_at(double t_s) {
    Impl& m = *impl_;
    const bool before_shown = m.have_shown && t_s < m.shown_t - kTimeSlack_s;
    const bool before_start = t_s < m.first_t + kTimeSlack_s;
    const bool far_ahead = m.have_shown && t_s > m.shown_t + kSeekAhead_s &&
                           !(m.have_ahead && m.ahead_t > t_s) && !m.at_end;
    if ((before_shown && !(before_start && m.shown_t <= m.first_t + kTimeSlack_s)) || far_ahead) {
        m.seek(before_start ? 0.0 : t_s);
    }
    m.advance_to(t_s);
    if (!m.have_shown)
        fail_input(m.where, media::display_name(m.path) + ": no frame could be decoded near " +
                                format_number(t_s, 3) + " s");
    if (!m.shown_converted) m.convert();
    return {m.pixels.get(), m.info.width, m.info.height, m.stride};
}

}  // namespace koho::video
