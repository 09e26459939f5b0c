// Internal to video/: the steps a whole render (render_video.cpp), a
// segment of a split render (segment_render.cpp) and the join of the
// segments (concat_video.cpp) share, so that the three cannot drift apart:
// the same preset check, the same frames, the same soundtrack, the same
// sidecars.
#pragma once

#include <cstdint>
#include <functional>

#include "core/output_set.h"
#include "model/timeline.h"
#include "video/compositor.h"
#include "video/mp4_writer.h"
#include "video/presets.h"
#include "video/render_video.h"
#include "video/soundtrack_job.h"

namespace koho::video {

// The preset the job renders with (its --preset, else the timeline's),
// refused when its shape is not the timeline's: a 16:9 timeline squeezed
// into a square preset would distort every picture.
const VideoPreset& checked_preset(const model::Timeline& timeline, const VideoJob& job);

// Composes frames [first, end) of `timeline` (ahead, on a worker thread),
// scales them to the writer's size when the preset asks for another, and
// hands them to `writer` in order; `after_each(done)` runs after each, with
// the number of frames handed so far. Failures name `where` (the output).
void encode_frames(const model::Timeline& timeline, FrameCompositor& compositor, const EncodeSettings& settings,
                   Mp4Writer& writer, int64_t first, int64_t end, const SourceLoc& where,
                   const std::function<void(int64_t done)>& after_each);

// Feeds the finished soundtrack to the writer as far as the video has got,
// so that audio and video reach the muxer interleaved.
class SoundFeeder {
public:
    SoundFeeder(Mp4Writer& writer, const model::FrameRate& fps) : writer_(writer), fps_(fps) {}
    // The sound up to the end of frame `frames_done` (never twice).
    void send(const Soundtrack& sound, int64_t frames_done);

private:
    Mp4Writer& writer_;
    model::FrameRate fps_;
    size_t sent_ = 0;
};

// The files that travel with OUT.mp4 (as the job asks): OUT.jpg (the
// thumbnail frame, drawn here), OUT.srt and OUT.vtt (captions),
// OUT-chapters.txt.
void add_sidecars(OutputSet& outputs, const model::Timeline& timeline, const VideoJob& job,
                  FrameCompositor& compositor);

}  // namespace koho::video
