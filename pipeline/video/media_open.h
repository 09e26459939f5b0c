// Internal to video/: opening a media file with libavformat and a stream's
// decoder with libavcodec, each handle owned by a unique_ptr, every refusal
// a koho::Error naming the file. Shared by probe_media, decode_audio and
// VideoReader (media_probe.cpp, media_audio.cpp, video_reader.cpp).
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "core/diagnostic.h"
#include "core/limits.h"
#include "video/av_error.h"
#include "video/libav_handles.h"
#include "video/media_input.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
}

namespace koho::video::media {

// The file behind an opened format context (its `opaque`): koho's own
// descriptor and AVIOContext over it (see open_media), and the limit its
// decoders keep to.
struct MediaSource {
    MediaSource() = default;
    ~MediaSource();
    MediaSource(const MediaSource&) = delete;
    MediaSource& operator=(const MediaSource&) = delete;

    int fd = -1;
    AVIOContext* pb = nullptr;
    uint64_t max_frame_pixels = 0;
    std::string refused_url;  // the first nested open refused, for the message
};

// Closes the format context, then its MediaSource.
struct MediaCloser {
    void operator()(AVFormatContext* format) const;
};
using FormatPtr = std::unique_ptr<AVFormatContext, MediaCloser>;

// The handle owners of libav_handles.h, under the names the decoders use.
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
//
// `path` must be one resolve_in_root admitted: open_media reads that file
// and nothing else. It is read through koho's own descriptor, its container
// must be a self-contained one (MP4/MOV, Matroska, WAV, …; a playlist such
// as .m3u8 or an ffconcat list is refused by name), and any attempt of
// FFmpeg to open another file or URL from it is refused (see the rule in
// media_open.cpp). A first video stream whose frames are larger than
// `max_frame_pixels` (Limits::max_image_pixels) is refused here, before a
// decoder allocates one.
FormatPtr open_media(const std::filesystem::path& path, const SourceLoc& where,
                     uint64_t max_frame_pixels = Limits{}.max_image_pixels);

// The frame limit `format` was opened with.
uint64_t frame_limit(const AVFormatContext& format);

// What probe_media reports, for an opened file.
MediaInfo describe(const AVFormatContext& format);

// The first stream of `type` (attached pictures such as cover art are not
// video), or -1.
int first_stream(const AVFormatContext& format, AVMediaType type);

// An opened decoder for `stream`; `threads` 0 lets libavcodec choose. It
// refuses frames larger than `max_frame_pixels` before allocating them.
CodecPtr open_decoder(const AVStream& stream, const std::filesystem::path& path, const SourceLoc& where,
                      int threads = 1, uint64_t max_frame_pixels = Limits{}.max_image_pixels);

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
