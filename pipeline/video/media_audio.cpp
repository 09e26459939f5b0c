// decode_audio: a file's first audio stream as koho's 48 kHz stereo float,
// cut sample-exactly to [start, start + length).
//
// The cut is made on the resampled output: swresample keeps output sample 0
// aligned with the first input sample it is given (its filter delay is
// compensated, held back until flushed), so output sample k lies at
// t0 + k / 48000 where t0 is the first decoded frame's time. Samples before
// `start` are dropped and the rest kept up to `length`.
#include <cmath>
#include <memory>
#include <vector>

#include "video/media_input.h"
#include "video/media_open.h"

extern "C" {
#include <libavutil/channel_layout.h>
#include <libavutil/opt.h>
#include <libswresample/swresample.h>
}

namespace koho::video {

namespace {

struct SwrFreer {
    void operator()(SwrContext* ctx) const { swr_free(&ctx); }
};
using SwrPtr = std::unique_ptr<SwrContext, SwrFreer>;

// Seeking lands on a packet boundary at or before the target; starting
// this far earlier leaves room for decoders that need a few packets to
// settle (AAC priming) before the samples that matter.
constexpr double kSeekMargin_s = 1.0;

// Where resampled sound goes: the first `skip` frames are dropped, then at
// most `wanted` frames are kept.
class Cutter {
public:
    Cutter(AudioBuffer& out, std::optional<size_t> wanted) : out_(out), wanted_(wanted) {}

    void skip(int64_t frames) { skip_ = frames; }
    void silence(size_t frames) {
        const std::vector<float> zeros(frames * kChannels, 0.0f);
        take(zeros.data(), frames);
    }
    void take(const float* interleaved, size_t frames) {
        if (skip_ > 0) {
            const size_t dropped = std::min<size_t>(frames, static_cast<size_t>(skip_));
            skip_ -= static_cast<int64_t>(dropped);
            interleaved += dropped * kChannels;
            frames -= dropped;
        }
        if (wanted_) frames = std::min(frames, *wanted_ - out_.frames());
        out_.samples.insert(out_.samples.end(), interleaved, interleaved + frames * kChannels);
    }
    bool full() const { return wanted_ && out_.frames() >= *wanted_; }

private:
    AudioBuffer& out_;
    std::optional<size_t> wanted_;
    int64_t skip_ = 0;
};

AVChannelLayout input_layout(const AVFrame& frame) {
    AVChannelLayout layout{};
    // Streams that only know their channel count get the usual layout for it.
    if (frame.ch_layout.order == AV_CHANNEL_ORDER_UNSPEC || av_channel_layout_check(&frame.ch_layout) == 0)
        av_channel_layout_default(&layout, frame.ch_layout.nb_channels);
    else
        av_channel_layout_copy(&layout, &frame.ch_layout);
    return layout;
}

// A resampler from the decoder's format to 48 kHz stereo float. Mono is
// copied to both sides at full level (swresample's default would lower it
// by 3 dB); more channels are downmixed by swresample's standard matrix
// (centre and surrounds at −3 dB, LFE left out).
SwrPtr make_resampler(const AVFrame& frame, const std::string& name, const SourceLoc& where) {
    AVChannelLayout in_layout = input_layout(frame);
    AVChannelLayout out_layout = AV_CHANNEL_LAYOUT_STEREO;
    SwrContext* raw = nullptr;
    int status = swr_alloc_set_opts2(&raw, &out_layout, AV_SAMPLE_FMT_FLT, kSampleRate, &in_layout,
                                     static_cast<AVSampleFormat>(frame.format), frame.sample_rate, 0, nullptr);
    SwrPtr swr(raw);
    const int in_channels = in_layout.nb_channels;
    av_channel_layout_uninit(&in_layout);
    if (status < 0 || !swr)
        fail_system(where, name + ": cannot set up the resampler (" + media::av_error_text(status) + ")");
    if (in_channels == 1) {
        const double both_sides[2] = {1.0, 1.0};
        status = swr_set_matrix(swr.get(), both_sides, 1);
        if (status < 0)
            fail_system(where, name + ": cannot set the mono matrix (" + media::av_error_text(status) + ")");
    }
    status = swr_init(swr.get());
    if (status < 0)
        fail_input(where, name + ": cannot resample its sound (" + media::av_error_text(status) + ")");
    return swr;
}

bool same_format(const AVFrame& a, const AVFrame& b) {
    return a.format == b.format && a.sample_rate == b.sample_rate &&
           av_channel_layout_compare(&a.ch_layout, &b.ch_layout) == 0;
}

}  // namespace

AudioBuffer decode_audio(const std::filesystem::path& path, const SourceLoc& where, double start_s,
                         std::optional<double> length_s) {
    const std::string name = media::display_name(path);
    const media::FormatPtr format = media::open_media(path, where);
    const int index = media::first_stream(*format, AVMEDIA_TYPE_AUDIO);
    if (index < 0) fail_input(where, name + " has no audio stream");
    media::StreamDecoder decoder(*format, index, path, where);

    const double start = std::max(0.0, start_s);
    std::optional<size_t> wanted;
    if (length_s) wanted = static_cast<size_t>(std::llround(std::max(0.0, *length_s) * kSampleRate));
    media::FramePtr frame = media::make_frame();
    // Seek to a little before `start`; demuxers that seek by searching
    // timestamps (MPEG-TS) may land after it, so go further back until the
    // first frame starts at or before `start` (at worst: the beginning).
    bool have_frame = false;
    double seek_to = start - kSeekMargin_s;
    double margin = kSeekMargin_s;
    while (seek_to > 0) {
        decoder.seek(seek_to);
        have_frame = decoder.next(*frame);
        if (have_frame && decoder.frame_seconds(*frame, seek_to) <= start) break;
        av_frame_unref(frame.get());
        have_frame = false;
        margin *= 2;
        seek_to = start - margin;
        if (seek_to <= 0) decoder.seek(0);
    }

    AudioBuffer out;
    if (wanted) out.samples.reserve(*wanted * kChannels);
    Cutter cutter(out, wanted);

    SwrPtr swr;
    media::FramePtr format_of = media::make_frame();  // the frame the resampler was made for
    std::vector<float> converted;

    // Runs `input` (or, with nullptr, what the resampler still holds)
    // through the resampler into the cutter.
    auto convert = [&](const AVFrame* input) {
        const int in_samples = input ? input->nb_samples : 0;
        for (;;) {
            const int capacity = swr_get_out_samples(swr.get(), in_samples) + 32;
            converted.resize(static_cast<size_t>(capacity) * kChannels);
            uint8_t* out_planes[1] = {reinterpret_cast<uint8_t*>(converted.data())};
            const int made = swr_convert(swr.get(), out_planes, capacity,
                                         input ? const_cast<const uint8_t**>(input->extended_data) : nullptr,
                                         in_samples);
            if (made < 0) fail_input(where, name + ": cannot resample its sound (" + media::av_error_text(made) + ")");
            cutter.take(converted.data(), static_cast<size_t>(made));
            if (input || made == 0) return;  // flushing: repeat until nothing is left
        }
    };

    while (!cutter.full() && (have_frame || decoder.next(*frame))) {
        have_frame = false;
        if (!swr) {
            const double t0 = decoder.frame_seconds(*frame, std::max(0.0, seek_to));
            const int64_t offset = std::llround((start - t0) * kSampleRate);
            if (offset >= 0) {
                cutter.skip(offset);
            } else {
                // The sound begins after `start` (a stream starting late):
                // silence until it does, so times stay true.
                cutter.silence(static_cast<size_t>(-offset));
            }
            swr = make_resampler(*frame, name, where);
            av_frame_ref(format_of.get(), frame.get());
        } else if (!same_format(*frame, *format_of)) {
            // The sound changed format mid-file (broadcast recordings do):
            // finish the old resampler and carry on with a new one.
            convert(nullptr);
            swr = make_resampler(*frame, name, where);
            av_frame_unref(format_of.get());
            av_frame_ref(format_of.get(), frame.get());
        }
        convert(frame.get());
        av_frame_unref(frame.get());
    }
    if (swr && !cutter.full()) convert(nullptr);
    return out;
}

}  // namespace koho::video
