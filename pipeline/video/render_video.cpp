// `koho video`: set up everything that can fail on bad input first (preset,
// text, images, clips), then compose and encode frame by frame — frames
// composed ahead on one thread, the soundtrack mixed beside them on
// another — then the sidecars. The MP4 and its sidecars appear together,
// atomically (core/output_set.h).
#include "video/render_video.h"

#include <cairo.h>

#include <algorithm>
#include <cmath>
#include <memory>

#include "core/output_set.h"
#include "core/diagnostic.h"
#include "raster/image_loader.h"
#include "video/av_error.h"
#include "video/color_convert.h"
#include "video/compositor.h"
#include "video/frame_scaler.h"
#include "video/frames_ahead.h"
#include "video/mp4_writer.h"
#include "video/presets.h"
#include "video/sidecars.h"
#include "video/soundtrack_job.h"

namespace koho::video {
namespace {

namespace fs = std::filesystem;

fs::path sidecar(const fs::path& output, const std::string& suffix) {
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

const VideoPreset& chosen_preset(const model::Timeline& timeline, const VideoJob& job) {
    if (!job.preset.empty()) return preset_named(job.preset, SourceLoc{"--preset"});
    return preset_named(timeline.output.preset, timeline.output.preset_loc);
}

// Samples of the soundtrack that belong with frame `index`, so that audio
// and video reach the muxer interleaved.
size_t audio_frame_boundary(int64_t index, const model::FrameRate& fps) {
    return static_cast<size_t>((static_cast<__int128>(index) * kSampleRate * fps.den) / fps.num);
}

}  // namespace

EncodeSettings encode_settings(const model::Timeline& timeline, const VideoJob& job) {
    const VideoPreset& preset = chosen_preset(timeline, job);
    EncodeSettings settings;
    settings.width = preset.width;
    settings.height = preset.height;
    settings.fps = timeline.fps;
    settings.crf = job.crf ? *job.crf : timeline.output.crf ? *timeline.output.crf : preset.crf;
    settings.x264_preset = !job.encoder_preset.empty()             ? job.encoder_preset
                           : !timeline.output.encoder_preset.empty() ? timeline.output.encoder_preset
                                                                     : preset.x264_preset;
    settings.maxrate_kbps = preset.maxrate_kbps;
    settings.bufsize_kbps = preset.bufsize_kbps;
    settings.audio_bitrate_kbps = preset.audio_bitrate_kbps;
    settings.threads = job.threads;
    settings.title = timeline.title;
    settings.chapters = timeline.chapters;
    settings.duration_s = timeline.duration_s;
    return settings;
}

VideoReport render_video(const model::Timeline& timeline, const VideoJob& job, text::Typesetter& typesetter,
                         ProgressSink* progress) {
    const VideoPreset& preset = chosen_preset(timeline, job);
    const SourceLoc preset_loc = job.preset.empty() ? timeline.output.preset_loc : SourceLoc{"--preset"};
    // Frames are scaled to the preset only when the shapes agree: a 16:9
    // timeline squeezed into a square preset would distort every picture.
    if (static_cast<int64_t>(preset.width) * timeline.height_px != static_cast<int64_t>(preset.height) * timeline.width_px)
        fail_input(preset_loc, "preset '" + preset.name + "' is " + std::to_string(preset.width) + "x" +
                                   std::to_string(preset.height) + " but the timeline" +
                                   (timeline.variant.empty() ? "" : " (variant '" + timeline.variant + "')") +
                                   " is " + std::to_string(timeline.width_px) + "x" +
                                   std::to_string(timeline.height_px) +
                                   "; give the other shape its own variant with its own \"size\"");

    VideoReport report;
    report.frames = timeline.frame_count();
    report.duration_s = timeline.duration_s;

    // The soundtrack is mixed and normalised on its own thread from now on
    // (soundtrack_job.h), beside the compositor's set-up and then the
    // frames. Everything else that reads the user's files happens before
    // any output; a sound file that cannot be read fails the render as soon
    // as the job finds it, and a failure here stops the job.
    SoundtrackJob sound_job(timeline);
    FrameCompositor compositor(timeline, typesetter,
                               raster::make_cached_image_loader(raster::DecodeLimits{timeline.limits.max_image_pixels}));
    for (const auto& warning : check_chapters(timeline.chapters, timeline.duration_s))
        report.warnings.push_back(format_diagnostic(warning.loc, "warning", warning.message));

    const EncodeSettings settings = encode_settings(timeline, job);
    FrameScaler scaler(timeline.width_px, timeline.height_px, settings.width, settings.height);
    // A frame at the timeline's size: each frame is composed here, then
    // (scaled to the preset if need be and) converted to the encoder's
    // yuv420p on the same worker thread; the thumbnail reuses it at the end.
    std::vector<uint8_t> canvas(static_cast<size_t>(timeline.width_px) * 4 * timeline.height_px);
    const int canvas_stride = timeline.width_px * 4;
    const bool same_size = settings.width == timeline.width_px && settings.height == timeline.height_px;

    // The MP4 and its sidecars appear together or not at all, the MP4 last
    // (core/output_set.h): a failure anywhere leaves the previous set.
    OutputSet outputs;
    AtomicFile& mp4 = outputs.add_main(job.output);
    {
        Mp4Writer writer(mp4.temp_path(), settings, job.output);
        const SourceLoc where{job.output.string(), 0, 0, ""};
        Bt709Converter converter(settings.width, settings.height, where);
        // Six converted frames ahead (3 MB each at 1080p) ride out the
        // moments the worker is not scheduled (frames_ahead.h).
        FramesAhead<libav::FramePtr> frames(
            report.frames, 6, [&] { return new_bt709_frame(settings.width, settings.height, where); },
            [&](int64_t index, libav::FramePtr& frame) {
                compositor.draw(index, canvas.data(), canvas_stride);
                // The encoder may still hold a reference to this slot's buffer.
                libav::check_av(where, "cannot write into a video frame", av_frame_make_writable(frame.get()));
                if (same_size) {
                    converter.convert(canvas.data(), canvas_stride, frame.get());
                } else {
                    const FrameView scaled = scaler.scale(canvas.data(), canvas_stride);
                    converter.convert(scaled.data, scaled.stride, frame.get());
                }
            });
        // The sound goes in as far as the frames have gone, once it is ready;
        // until then the muxer holds the video packets.
        size_t sound_sent = 0;
        auto send_sound = [&](const Soundtrack& sound, int64_t frames_done) {
            const size_t to = std::min(audio_frame_boundary(frames_done, timeline.fps), sound.audio.frames());
            if (to > sound_sent)
                writer.add_audio(sound.audio.samples.data() + sound_sent * kChannels, to - sound_sent);
            sound_sent = std::max(sound_sent, to);
        };
        for (int64_t i = 0; i < report.frames; ++i) {
            writer.add_video_frame(*frames.next());
            if (const Soundtrack* sound = sound_job.ready()) send_sound(*sound, i + 1);
            if (progress) progress->advance(i + 1, report.frames);
        }
        const Soundtrack& sound = sound_job.wait();
        send_sound(sound, report.frames);
        report.loudness = sound.loudness;
        writer.finish();
    }
    if (progress) progress->finish();

    if (job.thumbnail) {
        compositor.draw(thumbnail_frame(timeline), canvas.data(), canvas_stride);
        const fs::path jpg = sidecar(job.output, ".jpg");
        outputs.write(jpg, thumbnail_jpeg(canvas.data(), timeline.width_px, timeline.height_px, canvas_stride));
    }
    if (job.sidecars && !timeline.captions.empty()) {
        const fs::path srt = sidecar(job.output, ".srt"), vtt = sidecar(job.output, ".vtt");
        outputs.write(srt, srt_text(timeline.captions));
        outputs.write(vtt, vtt_text(timeline.captions));
    }
    if (job.sidecars && !timeline.chapters.empty()) {
        const fs::path txt = sidecar(job.output, "-chapters.txt");
        outputs.write(txt, chapters_text(timeline.chapters));
    }
    // The set names its members, the MP4 first.
    report.written = outputs.targets();
    if (job.before_commit) job.before_commit(report.written);
    outputs.commit();
    return report;
}

}  // namespace koho::video
