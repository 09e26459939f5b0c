// `koho concat`: the segments of a split render (segment.h) joined into the
// MP4 a whole render would have written. The H.264 packets are copied, not
// re-encoded, their times moved to each segment's place; the soundtrack is
// mixed and normalised once, whole, by the whole render's code
// (soundtrack_job.h), so the AAC track is the whole render's and nothing
// clicks at a join; chapters, title, captions, the thumbnail and the
// depfile are written as `koho video` writes them, all in one output set.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "core/progress.h"
#include "model/timeline.h"
#include "text/typesetter.h"
#include "video/render_video.h"
#include "video/segment.h"

namespace koho::video {

struct SegmentFile {
    std::filesystem::path path;  // as the user named it
    SegmentTag tag;
};

// Reads the tag of every file in `paths` (nothing else) and checks that
// together they are the N segments of one split render, given in order:
// each a koho segment; the same N, timeline, variant, settings and koho;
// K = 1 … N, each once, in that order; frame ranges that follow on. The
// first fault is BadInput at the file it concerns. Records each file as a
// dependency (core/dependency_log.h).
std::vector<SegmentFile> read_segment_tags(const std::vector<std::filesystem::path>& paths);

struct ConcatJob {
    std::vector<SegmentFile> segments;  // from read_segment_tags
    std::filesystem::path output;       // OUT.mp4; sidecars beside it as for koho video
    std::string timeline_sha256;        // of the timeline file `timeline` was loaded from
    // As VideoJob::before_commit.
    std::function<void(const std::vector<std::filesystem::path>& written)> before_commit;
};

// The VideoJob the segments were rendered with (preset, CRF, x264 preset
// from their tag), writing `output`.
VideoJob segment_job(const SegmentTag& tag, const std::filesystem::path& output);

// Joins job.segments for `timeline` (loaded with the segments' variant).
// Refuses (BadInput, at the segment) segments of another timeline file or
// settings, a frame range other than segment_frames', and a segment whose
// packets are not exactly its frames, starting with a key frame.
VideoReport concat_video(const model::Timeline& timeline, const ConcatJob& job, text::Typesetter& typesetter,
                         ProgressSink* progress);

}  // namespace koho::video
