// `koho video`: set up everything that can fail on bad input first (preset,
// text, images, clips), then compose and encode frame by frame — frames
// composed ahead on one thread, the soundtrack mixed beside them on
// another — then the sidecars. The MP4 and its sidecars appear together,
// atomically (core/output_set.h). The steps are render_steps.h's, shared
// with the split render (segment.h, concat_video.h).
#include "video/render_video.h"

#include "core/diagnostic.h"
#include "core/output_set.h"
#include "raster/image_loader.h"
#include "video/compositor.h"
#include "video/mp4_writer.h"
#include "video/render_steps.h"
#include "video/sidecars.h"
#include "video/soundtrack_job.h"

namespace koho::video {

EncodeSettings encode_settings(const model::Timeline& timeline, const VideoJob& job) {
    const VideoPreset& preset = checked_preset(timeline, job);
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
    const EncodeSettings settings = encode_settings(timeline, job);  // refuses a preset of another shape first

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

    // The MP4 and its sidecars appear together or not at all, the MP4 last
    // (core/output_set.h): a failure anywhere leaves the previous set.
    OutputSet outputs;
    AtomicFile& mp4 = outputs.add_main(job.output);
    {
        Mp4Writer writer(mp4.temp_path(), settings, job.output);
        // The sound goes in as far as the frames have gone, once it is ready;
        // until then the muxer holds the video packets.
        SoundFeeder sound(writer, timeline.fps);
        encode_frames(timeline, compositor, settings, writer, 0, report.frames, SourceLoc{job.output.string()},
                      [&](int64_t done) {
                          if (const Soundtrack* ready = sound_job.ready()) sound.send(*ready, done);
                          if (progress) progress->advance(done, report.frames);
                      });
        const Soundtrack& soundtrack = sound_job.wait();
        sound.send(soundtrack, report.frames);
        report.loudness = soundtrack.loudness;
        writer.finish();
    }
    if (progress) progress->finish();

    add_sidecars(outputs, timeline, job, compositor);
    // The set names its members, the MP4 first.
    report.written = outputs.targets();
    if (job.before_commit) job.before_commit(report.written);
    outputs.commit();
    return report;
}

}  // namespace koho::video
