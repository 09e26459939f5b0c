// The steps of render_steps.h, moved out of render_video.cpp unchanged in
// what they do.
#include "video/render_steps.h"

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

#include "core/diagnostic.h"
#include "raster/image_loader.h"
#include "video/av_error.h"
#include "video/color_convert.h"
#include "video/frame_scaler.h"
#include "video/frames_ahead.h"
#include "video/sidecars.h"

namespace koho::video {
namespace {

namespace fs = std::filesystem;

fs::path sidecar_path(const fs::path& output, const std::string& suffix) {
    fs::path p = output;
    return p.replace_filename(output.stem().string() + suffix);
}

// The frame the thumbnail shows: a time, the middle of a named scene, or
// the middle of the first scene.
int64_t thumbnail_frame(const model::Timeline& timeline) {
    double t = 0;
    if (timeline.output.thumbnail_s) {
        t = *timeline.output.thumbnail_s;
    } else {
        const model::Scene* chosen = timeline.scenes.empty() ? nullptr : &timeline.scenes.front();
        for (const auto& scene : timeline.scenes)
            if (!timeline.output.thumbnail_scene.empty() && scene.id == timeline.output.thumbnail_scene) chosen = &scene;
        if (chosen) t = chosen->start_s + chosen->duration_s / 2;
    }
    const int64_t index = static_cast<int64_t>(std::floor(t * timeline.fps.value()));
    return std::clamp<int64_t>(index, 0, std::max<int64_t>(timeline.frame_count() - 1, 0));
}

// Samples of the soundtrack that belong with the first `frames` frames.
size_t audio_frame_boundary(int64_t frames, const model::FrameRate& fps) {
    return static_cast<size_t>((static_cast<__int128>(frames) * kSampleRate * fps.den) / fps.num);
}

}  // namespace

const VideoPreset& checked_preset(const model::Timeline& timeline, const VideoJob& job) {
    const SourceLoc where = job.preset.empty() ? timeline.output.preset_loc : SourceLoc{"--preset"};
    const VideoPreset& preset = preset_named(job.preset.empty() ? timeline.output.preset : job.preset, where);
    if (static_cast<int64_t>(preset.width) * timeline.height_px != static_cast<int64_t>(preset.height) * timeline.width_px)
        fail_input(where, "preset '" + preset.name + "' is " + std::to_string(preset.width) + "x" +
                              std::to_string(preset.height) + " but the timeline" +
                              (timeline.variant.empty() ? "" : " (variant '" + timeline.variant + "')") + " is " +
                              std::to_string(timeline.width_px) + "x" + std::to_string(timeline.height_px) +
                              "; give the other shape its own variant with its own \"size\"");
    return preset;
}

void encode_frames(const model::Timeline& timeline, FrameCompositor& compositor, const EncodeSettings& settings,
                   Mp4Writer& writer, int64_t first, int64_t end, const SourceLoc& where,
                   const std::function<void(int64_t done)>& after_each) {
    FrameScaler scaler(timeline.width_px, timeline.height_px, settings.width, settings.height);
    // A frame at the timeline's size: each frame is composed here, then
    // (scaled to the preset if need be and) converted to the encoder's
    // yuv420p on the same worker thread.
    std::vector<uint8_t> canvas(static_cast<size_t>(timeline.width_px) * 4 * timeline.height_px);
    const int canvas_stride = timeline.width_px * 4;
    const bool same_size = settings.width == timeline.width_px && settings.height == timeline.height_px;
    Bt709Converter converter(settings.width, settings.height, where);
    // Six converted frames ahead (3 MB each at 1080p) ride out the
    // moments the worker is not scheduled (frames_ahead.h).
    FramesAhead<libav::FramePtr> frames(
        end - first, 6, [&] { return new_bt709_frame(settings.width, settings.height, where); },
        [&](int64_t index, libav::FramePtr& frame) {
            compositor.draw(first + index, canvas.data(), canvas_stride);
            // The encoder may still hold a reference to this slot's buffer.
            libav::check_av(where, "cannot write into a video frame", av_frame_make_writable(frame.get()));
            if (same_size) {
                converter.convert(canvas.data(), canvas_stride, frame.get());
            } else {
                const FrameView scaled = scaler.scale(canvas.data(), canvas_stride);
                converter.convert(scaled.data, scaled.stride, frame.get());
            }
        });
    for (int64_t done = 1; done <= end - first; ++done) {
        writer.add_video_frame(*frames.next());
        after_each(done);
    }
}

void SoundFeeder::send(const Soundtrack& sound, int64_t frames_done) {
    const size_t to = std::min(audio_frame_boundary(frames_done, fps_), sound.audio.frames());
    if (to > sent_) writer_.add_audio(sound.audio.samples.data() + sent_ * kChannels, to - sent_);
    sent_ = std::max(sent_, to);
}

void add_sidecars(OutputSet& outputs, const model::Timeline& timeline, const VideoJob& job,
                  FrameCompositor& compositor) {
    if (job.thumbnail) {
        std::vector<uint8_t> canvas(static_cast<size_t>(timeline.width_px) * 4 * timeline.height_px);
        const int stride = timeline.width_px * 4;
        compositor.draw(thumbnail_frame(timeline), canvas.data(), stride);
        outputs.write(sidecar_path(job.output, ".jpg"),
                      thumbnail_jpeg(canvas.data(), timeline.width_px, timeline.height_px, stride));
    }
    if (job.sidecars && !timeline.captions.empty()) {
        outputs.write(sidecar_path(job.output, ".srt"), srt_text(timeline.captions));
        outputs.write(sidecar_path(job.output, ".vtt"), vtt_text(timeline.captions));
    }
    if (job.sidecars && !timeline.chapters.empty())
        outputs.write(sidecar_path(job.output, "-chapters.txt"), chapters_text(timeline.chapters));
}

WholeVideoRender::WholeVideoRender(const model::Timeline& timeline, text::Typesetter& typesetter,
                                   const fs::path& output, ProgressSink* progress)
    : timeline_(timeline),
      progress_(progress),
      sound_job_(timeline),
      compositor_(timeline, typesetter,
                  raster::make_cached_image_loader(raster::DecodeLimits{timeline.limits.max_image_pixels})) {
    report_.frames = timeline.frame_count();
    report_.duration_s = timeline.duration_s;
    for (const auto& warning : check_chapters(timeline.chapters, timeline.duration_s))
        report_.warnings.push_back({warning.loc, "warning", warning.message});
    mp4_ = &outputs_.add_main(output);
}

void WholeVideoRender::frames_done(SoundFeeder& sound, int64_t done) {
    if (const Soundtrack* ready = sound_job_.ready()) sound.send(*ready, done);
    if (progress_) progress_->advance(done, report_.frames);
}

void WholeVideoRender::finish_mp4(SoundFeeder& sound, Mp4Writer& writer) {
    const Soundtrack& soundtrack = sound_job_.wait();
    sound.send(soundtrack, report_.frames);
    report_.loudness = soundtrack.loudness;
    writer.finish();
}

VideoReport WholeVideoRender::commit(
    const VideoJob& job, const std::function<void(const std::vector<fs::path>& written)>& before_commit) {
    if (progress_) progress_->finish();
    add_sidecars(outputs_, timeline_, job, compositor_);
    // The set names its members, the MP4 first.
    report_.written = outputs_.targets();
    if (before_commit) before_commit(report_.written);
    outputs_.commit();
    return std::move(report_);
}

}  // namespace koho::video
