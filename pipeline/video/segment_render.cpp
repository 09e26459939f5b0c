// `koho video --segment K/N`: one closed-GOP stretch of the frames, encoded
// with the whole render's settings, into a video-only MP4 tagged with what
// it belongs to (segment.h).
#include "core/build_info.h"
#include "core/output_set.h"
#include "raster/image_loader.h"
#include "video/compositor.h"
#include "video/h264_encoder.h"
#include "video/presets.h"
#include "video/render_steps.h"
#include "video/segment.h"

namespace koho::video {

VideoReport render_segment(const model::Timeline& timeline, const VideoJob& job, const SegmentSpec& spec,
                           const std::string& timeline_sha256, text::Typesetter& typesetter,
                           ProgressSink* progress) {
    EncodeSettings settings = encode_settings(timeline, job);
    const FrameRange range =
        segment_frames(timeline.frame_count(), gop_length(settings), spec, SourceLoc{"--segment"});

    SegmentTag tag;
    tag.spec = spec;
    tag.range = range;
    tag.frames = timeline.frame_count();
    tag.timeline_sha256 = timeline_sha256;
    tag.variant = timeline.variant;
    tag.preset = checked_preset(timeline, job).name;
    tag.crf = settings.crf;
    tag.encoder_preset = settings.x264_preset;
    tag.settings = encoding_summary(settings);
    tag.koho_version = build_info::kVersion;
    // The x264 settings stay the whole render's; the segment starts at its
    // own frame, carries no sound (the join mixes it whole) and no chapters.
    settings.first_frame = range.first;
    settings.audio = false;
    settings.chapters.clear();
    settings.metadata = {{"comment", tag.to_text()}};

    VideoReport report;
    report.frames = range.size();
    report.duration_s = static_cast<double>(range.size()) / timeline.fps.value();

    FrameCompositor compositor(timeline, typesetter,
                               raster::make_cached_image_loader(raster::DecodeLimits{timeline.limits.max_image_pixels}));
    OutputSet outputs;
    AtomicFile& mp4 = outputs.add_main(job.output);
    {
        Mp4Writer writer(mp4.temp_path(), settings, job.output);
        encode_frames(timeline, compositor, settings, writer, range.first, range.end, SourceLoc{job.output.string()},
                      [&](int64_t done) {
                          if (progress) progress->advance(done, range.size());
                      });
        writer.finish();
    }
    if (progress) progress->finish();
    report.written = outputs.targets();
    if (job.before_commit) job.before_commit(report.written);
    outputs.commit();
    return report;
}

}  // namespace koho::video
