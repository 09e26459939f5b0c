// Reading media files through libavformat/libavcodec: what a file holds,
// its sound as koho's 48 kHz stereo float, and its pictures frame by frame.
// Any format FFmpeg reads is accepted; anything it cannot read is a
// koho::Error (BadInput) at the layout value that named the file.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "core/diagnostic.h"
#include "core/limits.h"
#include "video/audio_buffer.h"

namespace koho::video {

struct MediaInfo {
    bool has_video = false;
    bool has_audio = false;
    double duration_s = 0;           // of the longest stream (container duration when known)
    int width = 0, height = 0;       // of the first video stream as shown (sample aspect ratio and right-angle rotation applied)
    double fps = 0;                  // of the first video stream (average frame rate)
    std::string video_codec;         // FFmpeg's short name of each first stream's codec ("h264", "aac"); empty when absent
    std::string audio_codec;
};

// `max_frame_pixels`: the first video stream's frames larger than this are
// refused (Limits::max_image_pixels; media_open.h).
MediaInfo probe_media(const std::filesystem::path& path, const SourceLoc& where,
                      uint64_t max_frame_pixels = Limits{}.max_image_pixels);

// The file's first audio stream from `start_s` on, for at most `length_s`
// seconds (none: to the end), resampled to 48 kHz stereo (swresample; mono
// is copied to both sides, more than two channels are downmixed). A file
// with no audio stream is an error at `where`.
AudioBuffer decode_audio(const std::filesystem::path& path, const SourceLoc& where, double start_s = 0,
                         std::optional<double> length_s = std::nullopt);

// Cairo ARGB32 pixels (premultiplied, opaque here), owned by the reader and
// valid until its next call.
struct VideoFrameView {
    const uint8_t* data = nullptr;
    int width = 0, height = 0, stride = 0;
};

// The pictures of a file's first video stream. Frames are read forward;
// asking for an earlier time (or one far ahead) seeks. The frame returned
// for `t_s` is the one on screen at that instant (the last with pts <= t).
class VideoReader {
public:
    // `out_width`/`out_height` > 0: frames are scaled to that size
    // (swscale, bicubic); 0: the stream's own size.
    // Frames larger than `max_frame_pixels` are refused before decoding.
    VideoReader(const std::filesystem::path& path, const SourceLoc& where, int out_width = 0,
                int out_height = 0, uint64_t max_frame_pixels = Limits{}.max_image_pixels);
    ~VideoReader();
    VideoReader(const VideoReader&) = delete;
    VideoReader& operator=(const VideoReader&) = delete;

    const MediaInfo& info() const;
    // Times past the end give the last frame.
    VideoFrameView frame_at(double t_s);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace koho::video
