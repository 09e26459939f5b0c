// Internal to video/: the steps a whole render (render_video.cpp), a
// segment of a split render (segment_render.cpp) and the join of the
// segments (concat_video.cpp) share, so that the three cannot drift apart:
// the same preset check, the same frames, the same soundtrack, the same
// sidecars, the same set-up and ending of a whole video.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <vector>

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

// One MP4 set of the whole timeline (the MP4 and its sidecars), around
// whatever hands the writer its video: render_video encodes the frames,
// concat_video copies a split render's. Made before the writer: the
// soundtrack starts mixing on its own thread, the compositor (the frames,
// the thumbnail) is set up and the chapters are checked — everything that
// reads the user's files — and only then is the MP4's place taken. Nothing
// appears until commit(), and then all of it, the MP4 last
// (core/output_set.h); a failure before leaves the previous set.
class WholeVideoRender {
public:
    WholeVideoRender(const model::Timeline& timeline, text::Typesetter& typesetter,
                     const std::filesystem::path& output, ProgressSink* progress);
    WholeVideoRender(const WholeVideoRender&) = delete;
    WholeVideoRender& operator=(const WholeVideoRender&) = delete;

    FrameCompositor& compositor() { return compositor_; }
    // Where the writer writes the MP4 until commit().
    const std::filesystem::path& mp4_temp_path() const { return mp4_->temp_path(); }

    // After `done` frames have reached the writer: the sound as far, once
    // it is mixed (until then the muxer holds the video packets), and the
    // progress.
    void frames_done(SoundFeeder& sound, int64_t done);
    // After the last frame: waits for the soundtrack, hands the writer the
    // rest of it and finishes the MP4.
    void finish_mp4(SoundFeeder& sound, Mp4Writer& writer);
    // Once the writer is closed: the sidecars `job` asks for join the set,
    // `before_commit` (may be empty) sees every file of it, the MP4 first,
    // and the set is committed. Once.
    VideoReport commit(const VideoJob& job,
                       const std::function<void(const std::vector<std::filesystem::path>& written)>& before_commit);

private:
    const model::Timeline& timeline_;
    ProgressSink* progress_;
    VideoReport report_;
    SoundtrackJob sound_job_;
    FrameCompositor compositor_;
    OutputSet outputs_;
    AtomicFile* mp4_ = nullptr;
};

}  // namespace koho::video
