// Split renders: `koho video --segment K/N` renders one closed-GOP stretch
// of a timeline's frames, and `koho concat` (concat_video.h) joins the N
// stretches by copying their packets, with the soundtrack mixed whole.
//
// Segment K of N (1-based: 1/3, 2/3, 3/3) holds frames [first, end) where
// the boundaries split the video's GOPs, not its frames, evenly: with F
// frames in GOPs of G (encoder's keyframe interval, h264_encoder.h), M =
// ceil(F / G) GOPs and boundary(k) = min(F, G × floor(k × M / N)). So every
// segment starts where the whole render has an IDR frame, its GOPs are the
// whole render's GOPs, and the boundaries depend on F, N and G alone.
//
// A segment is a video-only MP4 encoded with the whole render's settings,
// its frames' pts going on from `first`. Its "comment" tag (SegmentTag)
// says what it is part of — the timeline's SHA-256, the variant, the
// encoder settings, K, N and the frame range — so the join can refuse
// segments that do not belong together.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "core/diagnostic.h"
#include "model/timeline.h"
#include "text/typesetter.h"
#include "video/mp4_writer.h"
#include "video/render_video.h"

namespace koho::video {

struct SegmentSpec {
    int k = 1;  // 1 … n
    int n = 1;
};

// "K/N" (two positive integers, K ≤ N); anything else is BadInput at `where`.
SegmentSpec parse_segment_spec(const std::string& text, const SourceLoc& where);

struct FrameRange {
    int64_t first = 0;  // the first frame
    int64_t end = 0;    // one past the last
    int64_t size() const { return end - first; }
};

// The most segments a video of `frames` frames in GOPs of `gop` splits
// into: its number of GOPs.
int64_t max_segments(int64_t frames, int gop);

// Segment spec.k of spec.n (see above). More segments than GOPs is BadInput
// at `where`, saying how many the video allows.
FrameRange segment_frames(int64_t frames, int gop, const SegmentSpec& spec, const SourceLoc& where);

// What a segment says about itself (its MP4 "comment" tag).
struct SegmentTag {
    SegmentSpec spec;
    FrameRange range;
    int64_t frames = 0;            // the whole video's
    std::string timeline_sha256;   // of the timeline file's bytes
    std::string variant;           // "" for the main timeline
    std::string preset;            // the encoding preset's name
    int crf = 0;                   // and the encoder settings the render chose
    std::string encoder_preset;    // (x264's preset)
    std::string settings;          // encoding_summary() of the segment's settings
    std::string koho_version;

    // One line of JSON, starting with "koho-segment ".
    std::string to_text() const;
    // The tag of `text`, or nullopt when it is not a koho segment's.
    static std::optional<SegmentTag> parse(const std::string& text);
};

// The encoder settings that must agree for packets to be joined: size,
// frame rate, GOP, CRF, x264 preset, VBV ("1280x720 30/1 gop 15 crf 23
// x264 ultrafast vbv 4000/8000").
std::string encoding_summary(const EncodeSettings& settings);

// SHA-256 of a file's bytes, as 64 lowercase hex digits. An unreadable file
// is BadInput naming it.
std::string file_sha256(const std::filesystem::path& file, const SourceLoc& where);

// `koho video --segment K/N`: frames `range` of `timeline`, encoded exactly
// as render_video would (encode_settings(timeline, job)), into job.output
// alone: no sound, no chapters, no sidecars (concat makes those). Atomic;
// job.before_commit as for render_video. `timeline_sha256` goes in the tag.
VideoReport render_segment(const model::Timeline& timeline, const VideoJob& job, const SegmentSpec& spec,
                           const std::string& timeline_sha256, text::Typesetter& typesetter,
                           ProgressSink* progress);

}  // namespace koho::video
