// Owners for the libav* handles of video/ (decoding and encoding): every C
// handle is freed by its unique_ptr on every path, exceptions included.
#pragma once

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/audio_fifo.h>
#include <libavutil/dict.h>
#include <libswscale/swscale.h>
}

#include <memory>
#include <string>

namespace koho::video::libav {

struct CodecContextFreer {
    void operator()(AVCodecContext* c) const { avcodec_free_context(&c); }
};
struct FrameFreer {
    void operator()(AVFrame* f) const { av_frame_free(&f); }
};
struct PacketFreer {
    void operator()(AVPacket* p) const { av_packet_free(&p); }
};
struct SwsFreer {
    void operator()(SwsContext* s) const { sws_freeContext(s); }
};
struct AudioFifoFreer {
    void operator()(AVAudioFifo* f) const { av_audio_fifo_free(f); }
};
struct DictionaryFreer {
    void operator()(AVDictionary* d) const { av_dict_free(&d); }
};
struct InputContextCloser {
    void operator()(AVFormatContext* c) const { avformat_close_input(&c); }
};
// An output context owns its AVIOContext once avio_open succeeded: closed
// here too, so a failure halfway through never leaks the file handle.
struct OutputContextFreer {
    void operator()(AVFormatContext* c) const {
        if (c->pb && !(c->oformat->flags & AVFMT_NOFILE)) avio_closep(&c->pb);
        avformat_free_context(c);
    }
};

using CodecContextPtr = std::unique_ptr<AVCodecContext, CodecContextFreer>;
using FramePtr = std::unique_ptr<AVFrame, FrameFreer>;
using PacketPtr = std::unique_ptr<AVPacket, PacketFreer>;
using SwsPtr = std::unique_ptr<SwsContext, SwsFreer>;
using AudioFifoPtr = std::unique_ptr<AVAudioFifo, AudioFifoFreer>;
using OutputContextPtr = std::unique_ptr<AVFormatContext, OutputContextFreer>;
using InputContextPtr = std::unique_ptr<AVFormatContext, InputContextCloser>;

// An AVDictionary of options being built. libav* functions take an
// AVDictionary** and may replace it; get() hands that out.
class Options {
public:
    Options() = default;
    ~Options() { av_dict_free(&dict_); }
    Options(const Options&) = delete;
    Options& operator=(const Options&) = delete;

    void set(const char* key, const std::string& value) { av_dict_set(&dict_, key, value.c_str(), 0); }
    AVDictionary** get() { return &dict_; }
    const AVDictionary* dict() const { return dict_; }

private:
    AVDictionary* dict_ = nullptr;
};

}  // namespace koho::video::libav
