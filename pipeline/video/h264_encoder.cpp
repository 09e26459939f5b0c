// libx264 through libavcodec, with every setting the presets promise made
// explicit rather than left to x264's defaults.
#include "video/h264_encoder.h"

#include <algorithm>
#include <cmath>

#include "video/av_error.h"

namespace koho::video {

const std::vector<std::string>& x264_preset_names() {
    static const std::vector<std::string> names = {"ultrafast", "superfast", "veryfast", "faster", "fast",
                                                   "medium",    "slow",      "slower",   "veryslow", "placebo"};
    return names;
}

int gop_length(const EncodeSettings& settings) {
    if (settings.gop_frames > 0) return settings.gop_frames;
    return std::max(1, static_cast<int>(std::lround(settings.fps.value() / 2)));
}

libav::CodecContextPtr open_h264_encoder(const EncodeSettings& settings, bool global_header, const SourceLoc& where) {
    const AVCodec* codec = avcodec_find_encoder_by_name("libx264");
    if (!codec) fail_system(where, "this FFmpeg was built without libx264");
    if (settings.width <= 0 || settings.height <= 0 || settings.width % 2 || settings.height % 2)
        fail_system(where, "the video size " + std::to_string(settings.width) + "x" + std::to_string(settings.height) +
                               " is not positive and even (yuv420p needs even sides)");
    if (settings.fps.num <= 0 || settings.fps.den <= 0) fail_system(where, "the frame rate is not positive");
    // Checked here because x264 reports a bad preset on stderr by itself.
    const auto& presets = x264_preset_names();
    if (std::find(presets.begin(), presets.end(), settings.x264_preset) == presets.end()) {
        std::string list;
        for (const auto& name : presets) list += (list.empty() ? "" : ", ") + name;
        fail_system(where, "unknown x264 preset '" + settings.x264_preset + "' (presets: " + list + ")");
    }
    libav::CodecContextPtr encoder(avcodec_alloc_context3(codec));
    if (!encoder) fail_system(where, "out of memory opening the H.264 encoder");
    AVCodecContext* c = encoder.get();
    c->width = settings.width;
    c->height = settings.height;
    c->pix_fmt = AV_PIX_FMT_YUV420P;
    c->time_base = AVRational{settings.fps.den, settings.fps.num};
    c->framerate = AVRational{settings.fps.num, settings.fps.den};
    c->sample_aspect_ratio = AVRational{1, 1};
    // Tagged BT.709, limited range: what Bt709Converter produces.
    c->color_primaries = AVCOL_PRI_BT709;
    c->color_trc = AVCOL_TRC_BT709;
    c->colorspace = AVCOL_SPC_BT709;
    c->color_range = AVCOL_RANGE_MPEG;
    c->chroma_sample_location = AVCHROMA_LOC_LEFT;
    // Closed GOPs of a fixed length: every GOP decodes on its own.
    const int gop = gop_length(settings);
    c->gop_size = gop;
    c->keyint_min = gop;  // x264 clamps this to gop/2+1; with scene cuts off it never acts
    c->max_b_frames = 2;
    c->flags |= AV_CODEC_FLAG_CLOSED_GOP;
    if (global_header) c->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    // CRF, capped by the VBV: maxrate over a bufsize window.
    c->rc_max_rate = static_cast<int64_t>(settings.maxrate_kbps) * 1000;
    c->rc_buffer_size = settings.bufsize_kbps * 1000;
    // 0 lets x264 choose (1.5 threads per core). Only one thread gives the
    // same bytes run to run: with more, the VBV's rate control depends on
    // which frame thread finishes first (tests/cli/determinism_test.cpp).
    c->thread_count = settings.threads > 0 ? settings.threads : 0;

    libav::Options options;
    options.set("preset", settings.x264_preset);
    options.set("profile", "high");
    options.set("crf", std::to_string(settings.crf));
    options.set("coder", "cabac");
    // The fast x264 presets turn the 8×8 transform off, and x264 then
    // signals Main: force it so every --encoder-preset stays High profile.
    options.set("8x8dct", "1");
    options.set("sc_threshold", "0");  // no scene-cut keyframes: the GOP stays fixed
    options.set("b-pyramid", "normal");
    // x264's medium preset looks 40 frames ahead; at 1080p each frame in the
    // lookahead costs ~3 MB, and 20 frames keep a 3-minute render's memory
    // ~130 MB lower for a small loss in CRF bit allocation (x264's own
    // "faster" preset uses 20).
    options.set("rc-lookahead", "20");
    for (const auto& [key, value] : settings.video_codec_options) options.set(key.c_str(), value);
    int err = avcodec_open2(c, codec, options.get());
    if (err < 0)
        libav::fail_av(where,
                       "cannot open the H.264 encoder (x264 preset '" + settings.x264_preset + "', CRF " +
                           std::to_string(settings.crf) + ")",
                       err);
    libav::require_all_consumed(where, options, "the H.264 encoder (libx264)");
    return encoder;
}

}  // namespace koho::video
