// Stream facts: what an encoded file really holds, read back independently
// of the writer — libavformat for the streams, libavcodec for decoded
// frames, and a walk of the MP4 box tree for what libavformat hides (where
// moov sits, whether an edit list exists). Video tests assert on these.
//
// Durations are measured from packets (last pts + its duration − first
// pts), not from container headers, so a missing last-packet duration or a
// lost frame shows. Failures throw std::runtime_error naming the file.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace koho::test {

struct Rational {
    int num = 0;
    int den = 1;
    double value() const { return den ? static_cast<double>(num) / den : 0.0; }
};

struct StreamInfo {
    int index = 0;
    std::string type;        // "video", "audio", "data", "subtitle", "other"
    std::string codec;       // "h264", "aac", …
    std::string profile;     // "High", "LC", … ("" when unknown)
    std::map<std::string, std::string> metadata;  // e.g. "language" → "jpn"
    Rational time_base;
    int64_t packets = 0;     // every packet of the stream, counted
    int64_t first_pts = 0;   // in time_base (smallest pts)
    int64_t end_pts = 0;     // in time_base: max(pts + duration)
    double duration_s = 0;   // (end_pts − first_pts) × time_base
    // The duration the container declares for the stream (MP4: the
    // track's mdhd). A last packet written without a duration leaves this
    // one frame short even where demuxers paper over it packet by packet.
    double declared_duration_s = 0;
    int64_t bit_rate = 0;    // from codecpar (bits/s; 0 when unknown)

    // Video.
    std::string pix_fmt;     // "yuv420p"
    int width = 0, height = 0;
    Rational avg_frame_rate;
    std::string color_primaries, color_trc, color_space, color_range;  // "bt709", "tv", …
    int video_delay = 0;     // codecpar video_delay (reorder depth: > 0 with B-frames)
    int64_t decoded_frames = 0;  // frames out of the decoder, flushed to the end
    int64_t b_frames = 0;        // decoded frames whose picture type is B
    std::vector<int64_t> keyframes;  // display-order indices of decoded key frames
    int64_t key_packets = 0;     // packets flagged key (sync samples in MP4)
    // Packets that come after a key packet in decode order but are shown
    // before it: an open GOP's leading pictures (0 for closed GOPs).
    int64_t leading_pictures = 0;
    std::string picture_types;   // one letter per decoded frame, display order ("IBBP…")
    // x264's own record of its settings (the user-data SEI in the first
    // packet): "cabac=1 ref=3 … bframes=2 … keyint=15 … vbv_maxrate=8000 …";
    // empty for streams made by another encoder.
    std::string x264_settings;
    // One setting from it ("bframes" → "2"); "" when absent.
    std::string x264_setting(const std::string& key) const;

    // Audio.
    int sample_rate = 0;
    int channels = 0;
    int frame_size = 0;          // codecpar frame_size (1024 for AAC-LC)
    int initial_padding = 0;     // codecpar initial_padding (encoder priming, samples)
    // Samples per channel out of the decoder: what a player plays, so
    // priming an edit list tells libavformat to skip is not counted.
    int64_t decoded_samples = 0;

    bool is_video() const { return type == "video"; }
    bool is_audio() const { return type == "audio"; }
};

struct ChapterInfo {
    double start_s = 0;
    double end_s = 0;
    std::string title;
};

struct StreamFacts {
    std::string format;          // libavformat's name, e.g. "mov,mp4,m4a,3gp,3g2,mj2"
    std::vector<StreamInfo> streams;
    std::map<std::string, std::string> metadata;  // container: "title", "major_brand", …
    std::vector<ChapterInfo> chapters;
    double container_duration_s = 0;  // AVFormatContext duration

    // From the MP4 box tree (false for other containers).
    std::vector<std::string> top_level_boxes;  // in file order: "ftyp", "moov", "mdat", …
    bool moov_before_mdat = false;
    bool has_edit_list = false;  // an 'elst' (or 'edts') box anywhere inside moov
    bool has_chpl = false;       // Nero chapter list ('chpl' inside moov/udta)

    // The first video / audio stream (throws when absent).
    const StreamInfo& video() const;
    const StreamInfo& audio() const;
    bool has_video() const;
    bool has_audio() const;
};

// Everything above, reading the whole file (every packet; every video frame
// and audio frame decoded).
StreamFacts read_stream_facts(const std::filesystem::path& path);

// The MP4 box tree's paths, e.g. "moov/trak/edts/elst", in file order (for
// tests that need a box StreamFacts does not summarise).
std::vector<std::string> mp4_box_paths(const std::filesystem::path& path);

// RGB24 pixels (width × 3 bytes per row, no padding) of a decoded video frame.
struct RgbFrame {
    int64_t index = 0;           // display order, from 0
    int width = 0, height = 0;
    std::vector<uint8_t> rgb;

    // The pixel at (x, y): {r, g, b}.
    std::array<uint8_t, 3> at(int x, int y) const {
        const uint8_t* p = rgb.data() + (static_cast<size_t>(y) * width + x) * 3;
        return {p[0], p[1], p[2]};
    }
};

// The first video stream's frames at `indices` (display order), converted
// to full-range RGB with the matrix and range the stream is tagged with
// (BT.709 limited for koho's files; untagged streams are read as BT.601,
// as swscale would). Throws when an index is past the last frame.
std::vector<RgbFrame> decode_frames_rgb(const std::filesystem::path& path,
                                        const std::vector<int64_t>& indices);

// Every frame in display order, to `each` (stop early by returning false).
void for_each_frame_rgb(const std::filesystem::path& path,
                        const std::function<bool(const RgbFrame&)>& each);

// The first audio stream decoded to interleaved float, resampled to
// `sample_rate` stereo (use the stream's own rate to avoid resampling).
std::vector<float> decode_audio_stereo(const std::filesystem::path& path, int sample_rate);

}  // namespace koho::test
