// Internal to video/: opening a media file with libavformat and a stream's
// decoder with libavcodec, each handle owned by a unique_ptr, every refusal
// a koho::Error naming the file. Shared by probe_media, decode_audio and
// VideoReader (media_probe.cpp, media_audio.cpp, video_reader.cpp).
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "core/diagnostic.h"
#include "video/av_error.h"
#include "video/libav_handles.h"
#include "video/media_input.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
}

namespace koho::video::media {

// The handle owners of libav_handles.h, under the names the decoders use.
using FormatPtr = libav::InputContextPtr;
using CodecPtr = libav::CodecContextPtr;
using FramePtr = libav::FramePtr;
using PacketPtr = libav::PacketPtr;

FramePtr make_frame();
PacketPtr make_packet();

// FFmpeg's own words for an error code ("Invalid data found when processing input").
inline std::string av_error_text(int code) { return libav::error_text(code); }

// The path as a person would recognise it: relative to the working
// directory when it lies inside it, else as given.
std::string display_name(const std::filesystem::path& path);

// Opens `path` and reads its stream information. A file that does not
// exist, that FFmpeg cannot read, or that holds no streams is BadInput at
// `where`, the message naming the file.
FormatPtr open_media(const std::filesystem::path& path, const SourceLoc& where);

// What probe_media reports, for an opened file.
MediaInfo describe(const AVFormatContext& format);

// The first stream of `type` (attached pictures such as cover art are not
// video), or -1.
int first_stream(const AVFormatContext& format, AVMediaType type);

// An opened decoder for `stream`; `threads` 0 lets libavcodec choose.
CodecPtr open_decoder(const AVStream& stream, const std::filesystem::path& path, const SourceLoc& where,
                      int threads = 1);

// The file's time origin in seconds (the container's start time, 0 when
// unknown): media times koho uses count from here, so that a file whose
// timestamps start at 1.4 s (MPEG-TS) still starts at 0.
double origin_seconds(const AVFormatContext& format);

// Decoded frames of one stream, read forward, with seeking.
class StreamDecoder {
public:
    StreamDecoder(AVFormatContext& format, int stream_index, const std::filesystem::path& path,
                  const SourceLoc& where, int threads = 1);

    AVCodecContext& codec() { return *codec_; }
    const AVStream& stream() const { return *format_.streams[stream_index_]; }

    // The next frame into `frame`; false once the stream has ended and the
    // decoder is drained. A damaged file is BadInput naming it.
    bool next(AVFrame& frame);
    // Seeks to the last keyframe at or before `seconds` (file time, from
    // the origin) and drops what the decoder held.
    void seek(double seconds);
    // A frame's time in seconds from the origin; `fallback` when it has none.
    double frame_seconds(const AVFrame& frame, double fallback) const;

private:
    AVFormatContext& format_;
    int stream_index_;
    std::filesystem::path path_;
    SourceLoc where_;
    CodecPtr codec_;
    PacketPtr packet_;
    double origin_s_;
    bool draining_ = false;
};

}  // namespace koho::video::media
