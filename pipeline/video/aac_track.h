// The AAC-LC track: 48 kHz stereo float in, packets whose times start at 0
// and whose total length is exactly the video's.
//
// FFmpeg's AAC encoder takes exactly frame_size (1024) samples per frame
// and outputs packets whose timestamps start at −initial_padding (its
// priming delay). An MP4 without an edit list cannot say "skip the
// priming", so koho keeps the sound in sync instead: the first
// initial_padding samples of the mix are not encoded, every packet is
// moved later by the same amount, and decoded sample n then plays the
// mix's sample n at time n / 48000 — the first 21 ms come out as silence
// (the decoder's warm-up), never late. At the end, packets past the video
// are dropped and the last one's duration is cut so that the track ends
// where the video ends, to the sample.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>

#include "core/diagnostic.h"
#include "video/libav_handles.h"

namespace koho::video {

class AacTrack {
public:
    // Receives a packet ready for the muxer: stream-relative times in
    // 1/48000 s (pts = dts ≥ 0), duration set. It may take the reference.
    using Sink = std::function<void(AVPacket*)>;

    // `global_header`: the container wants the AudioSpecificConfig in
    // extradata (MP4 does). Throws koho::Error (Failure) at `where`.
    AacTrack(int bitrate_kbps, bool global_header, const SourceLoc& where);

    AVCodecContext* context() const { return encoder_.get(); }

    // Sound in any chunking, interleaved L R.
    void add(const float* interleaved, size_t frames);

    // Hands to `sink` the packets that end at or before `video_end`
    // (samples): they cannot be past the video, however it ends.
    void write_ready(int64_t video_end, const Sink& sink);

    // The video ended at `video_end` samples: pads the sound with silence
    // up to there, flushes the encoder and hands out the rest, the last
    // packet cut to end exactly at `video_end`.
    void finish(int64_t video_end, const Sink& sink);

private:
    void encode_fifo(bool pad_last);
    void send(AVFrame* frame);

    SourceLoc where_;
    libav::CodecContextPtr encoder_;
    libav::AudioFifoPtr fifo_;
    libav::FramePtr frame_;
    int frame_size_ = 1024;
    int64_t priming_ = 0;        // samples of the mix not encoded (see above)
    int64_t to_skip_ = 0;        // of those, still to skip from the input
    int64_t encoded_input_ = 0;  // samples sent to the encoder (its own timeline)
    std::deque<libav::PacketPtr> pending_;  // encoded, times already moved to start at 0
};

}  // namespace koho::video
