// `koho video`: set up everything that can fail on bad input first (preset,
// text, images, clips), then compose and encode frame by frame — frames
// composed ahead on one thread, the soundtrack mixed beside them on
// another — then the sidecars. The MP4 and its sidecars appear together,
// atomically (core/output_set.h). The steps are render_steps.h's, shared
// with the split render (segment.h, concat_video.h).
#include "video/render_video.h"

#include "core/diagnostic.h"
#include "video/mp4_writer.h"
#include "video/render_steps.h"

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

    // The soundtrack mixes on its own thread from now on (soundtrack_job.h),
    // beside the compositor's set-up and then the frames. Everything else
    // that reads the user's files happens before any output; a sound file
    // that cannot be read fails the render as soon as the job finds it, and
    // a failure here stops the job.
    WholeVideoRender render(timeline, typesetter, job.output, progress);
    {
        Mp4Writer writer(render.mp4_temp_path(), settings, job.output);
        SoundFeeder sound(writer, timeline.fps);
        encode_frames(timeline, render.compositor(), settings, writer, 0, timeline.frame_count(),
                      SourceLoc{job.output.string()}, [&](int64_t done) { render.frames_done(sound, done); });
        render.finish_mp4(sound, writer);
    }
    return render.commit(job, job.before_commit);
}

}  // namespace koho::video
