// H.264/AAC in MP4 through libavcodec and libavformat (no ffmpeg CLI).
//
// Frames come in as Cairo ARGB32 (sRGB, full range) and are converted to
// BT.709 limited-range yuv420p by swscale with the BT.709 matrix set
// explicitly (swscale's default is BT.601); the stream is tagged BT.709
// (primaries, transfer, matrix) and limited range. Known FFmpeg 5.1
// pitfalls handled here: every packet gets a duration (else the MP4 ends a
// frame short), packet times are rescaled to the time base the muxer chose,
// the MP4 muxer is told not to write edit lists and to put moov first
// (faststart), with signed composition offsets (ctts v1, brand iso4) so
// that the B-frame delay does not push the first frame late, the AAC
// encoder is fed exact frame sizes through an AVAudioFifo with its 1024
// samples of priming moved in front of time 0 (sound in sync without an
// edit list; the first 21 ms play as silence) and its last packet cut to
// end with the video, and AVDictionary options the encoders or muxer did
// not consume are an error (a typo in an option never passes silently).
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "model/timeline.h"
#include "video/audio_buffer.h"
#include "video/libav_handles.h"

namespace koho::video {

struct EncodeSettings {
    int width = 1920, height = 1080;   // even
    model::FrameRate fps;
    int crf = 20;
    std::string x264_preset = "medium";
    int maxrate_kbps = 8000;
    int bufsize_kbps = 16000;
    int gop_frames = 0;                // 0: half the frame rate, rounded (closed GOP, keyframe at each start)
    bool audio = true;                 // an AAC track (48 kHz stereo)
    int audio_bitrate_kbps = 384;
    int threads = 0;                   // x264 threads; 0: automatic. 1 → identical bytes run to run (not more: VBV rate control with threads varies)
    // The first frame's number in the whole video: a segment of a split
    // render (segment.h) keeps its frames' places, so its pts go on from here.
    int64_t first_frame = 0;
    std::string title;                 // MP4 metadata
    std::string language = "jpn";      // ISO 639-2 of the audio track
    std::vector<model::Chapter> chapters;  // written as MP4 chapters
    std::vector<std::pair<std::string, std::string>> metadata;  // more container tags (key, value), e.g. "comment"
    double duration_s = 0;             // for the last chapter's end (0: where the video ends)
    // Extra AVOptions (name, value) for libx264 and for the MP4 muxer,
    // applied after koho's own. Any that the encoder or muxer does not
    // consume is an error naming it. For experiments and tests.
    std::vector<std::pair<std::string, std::string>> video_codec_options;
    std::vector<std::pair<std::string, std::string>> muxer_options;
};

class Mp4Writer {
public:
    // Opens `path` (normally an AtomicFile's temporary path) and the
    // encoders. Throws koho::Error (Failure) when libav* refuses; its
    // messages name `shown_as` (the AtomicFile's target) when given, else
    // `path`.
    Mp4Writer(const std::filesystem::path& path, const EncodeSettings& settings,
              const std::filesystem::path& shown_as = {});
    // Stream copy (koho concat): no video encoder; the H.264 stream described
    // by `copied_video` (its SPS/PPS, size, colour tags) comes in already
    // encoded through add_video_packet. Everything else — the AAC track,
    // chapters, title, the muxer's options — is as above.
    Mp4Writer(const std::filesystem::path& path, const EncodeSettings& settings,
              const AVCodecParameters& copied_video, const std::filesystem::path& shown_as = {});
    ~Mp4Writer();
    Mp4Writer(const Mp4Writer&) = delete;
    Mp4Writer& operator=(const Mp4Writer&) = delete;

    // The next frame in display order; width × height of the settings,
    // converted to BT.709 yuv420p here.
    void add_video_frame(const uint8_t* argb, int stride);
    // The next frame, converted already (Bt709Converter into a frame from
    // new_bt709_frame, at the settings' size): lets the caller convert on
    // another thread. Its pts is set here. The encoder may keep a reference
    // to its buffer: av_frame_make_writable before writing into it again.
    void add_video_frame(AVFrame& yuv);
    // Stream copy only: the next encoded frame in decode order, pts and dts
    // counted in frames of the whole video (time base 1/fps), as the
    // encoder gave them. Its stream index and duration (one frame) are set here.
    void add_video_packet(AVPacket& packet);
    // Sound in any chunking; the writer interleaves it with the video.
    void add_audio(const float* interleaved, size_t frames);
    // Flushes the encoders and writes the trailer (moov moved to the front).
    void finish();

    int64_t video_frames() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// x264's presets, fastest first ("ultrafast" … "placebo"): what
// EncodeSettings::x264_preset (the CLI's --encoder-preset) accepts.
const std::vector<std::string>& x264_preset_names();

// The thumbnail: the frame scaled to 1280 px on its longer side (1280×720
// for 16:9), baseline JPEG quality 90, written atomically.
void write_thumbnail(const std::filesystem::path& target, const uint8_t* argb, int width, int height,
                     int stride);
// The thumbnail's JPEG bytes (what write_thumbnail writes).
std::string thumbnail_jpeg(const uint8_t* argb, int width, int height, int stride);

}  // namespace koho::video
