// Joining the segments of a split render (concat_video.h): their tags
// checked first, then the whole render's soundtrack, compositor (for the
// thumbnail) and sidecars around H.264 packets copied in order.
#include "video/concat_video.h"

#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <vector>

#include "core/dependency_log.h"
#include "video/h264_encoder.h"
#include "video/media_open.h"
#include "video/mp4_writer.h"
#include "video/render_steps.h"

namespace koho::video {
namespace {

namespace fs = std::filesystem;

std::string spec_text(const SegmentSpec& spec) { return std::to_string(spec.k) + "/" + std::to_string(spec.n); }

SourceLoc at_segment(const fs::path& path) { return SourceLoc{path.string(), 0, 0, ""}; }

// What two segments must share to be parts of one render; the first
// difference, in words, or "".
std::string segment_mismatch(const SegmentTag& a, const SegmentTag& b) {
    if (a.timeline_sha256 != b.timeline_sha256) return "another timeline file (or another version of it)";
    if (a.variant != b.variant)
        return "variant '" + b.variant + "' where the other is of variant '" + a.variant + "'";
    if (a.frames != b.frames) return "a video of " + std::to_string(b.frames) + " frames, not " + std::to_string(a.frames);
    if (a.preset != b.preset) return "preset '" + b.preset + "', not '" + a.preset + "'";
    if (a.settings != b.settings) return "the encoder settings " + b.settings + ", not " + a.settings;
    if (a.koho_version != b.koho_version) return "koho " + b.koho_version + ", not koho " + a.koho_version;
    return "";
}

struct SegmentParametersFreer {
    void operator()(AVCodecParameters* p) const { avcodec_parameters_free(&p); }
};
using SegmentParametersPtr = std::unique_ptr<AVCodecParameters, SegmentParametersFreer>;

// A segment opened for its packets: the video stream and its time base.
struct OpenSegment {
    media::FormatPtr format;
    const AVStream* video = nullptr;
};

OpenSegment open_segment(const fs::path& path) {
    OpenSegment segment;
    segment.format = media::open_media(path, at_segment(path));
    const int index = media::first_stream(*segment.format, AVMEDIA_TYPE_VIDEO);
    if (index < 0) fail_input(at_segment(path), "this segment holds no video stream");
    segment.video = segment.format->streams[index];
    if (segment.video->codecpar->codec_id != AV_CODEC_ID_H264)
        fail_input(at_segment(path), "this segment's video is not H.264");
    return segment;
}

// The segment's extradata (SPS and PPS), picture and reorder delay: packets from two
// streams join only when these agree.
bool same_stream_setup(const AVCodecParameters& a, const AVCodecParameters& b) {
    return a.width == b.width && a.height == b.height && a.format == b.format && a.video_delay == b.video_delay &&
           a.extradata_size == b.extradata_size &&
           std::equal(a.extradata, a.extradata + a.extradata_size, b.extradata);
}

// Copies one segment's video packets to `writer`, their times moved from
// the segment's own (its MP4 starts at 0) to the whole video's frames.
// Every packet is one frame, so the dts of the whole video's packet n is
// n − the reorder delay, as x264 counts it for a whole render (each
// segment's MP4 may have shifted its own dts by another amount).
// `each()` runs after each packet. Checks the packets are the segment's
// frames exactly: as many, each pts once, a key frame first.
void copy_segment_packets(const SegmentFile& file, OpenSegment& segment, const model::FrameRate& fps,
                          int reorder_delay, Mp4Writer& writer, const std::function<void()>& each) {
    const SourceLoc where = at_segment(file.path);
    const FrameRange range = file.tag.range;
    const AVRational frame_base{fps.den, fps.num};
    std::vector<bool> seen(static_cast<size_t>(range.size()), false);
    std::optional<int64_t> shift;  // frames from the segment's own times to the whole video's
    int64_t copied = 0;
    media::PacketPtr packet = media::make_packet();
    while (true) {
        const int err = av_read_frame(segment.format.get(), packet.get());
        if (err == AVERROR_EOF) break;
        if (err < 0) fail_input(where, "cannot read this segment (" + media::av_error_text(err) + ")");
        if (packet->stream_index != segment.video->index) {
            av_packet_unref(packet.get());
            continue;
        }
        if (packet->pts == AV_NOPTS_VALUE) fail_input(where, "a video packet of this segment has no timestamp");
        const int64_t pts = av_rescale_q(packet->pts, segment.video->time_base, frame_base);
        if (!shift) {
            // Closed GOPs: the first packet is the IDR frame shown first.
            if (!(packet->flags & AV_PKT_FLAG_KEY))
                fail_input(where, "segment " + spec_text(file.tag.spec) + " does not start with a key frame");
            shift = range.first - pts;
        }
        const int64_t frame = pts + *shift;
        const int64_t dts = range.first + copied - reorder_delay;
        if (frame < range.first || frame >= range.end || seen[static_cast<size_t>(frame - range.first)] || frame < dts)
            fail_input(where, "segment " + spec_text(file.tag.spec) + " holds a frame at " + std::to_string(frame) +
                                  " (packet " + std::to_string(copied + 1) + ") outside its frames " +
                                  std::to_string(range.first) + "–" + std::to_string(range.end - 1) +
                                  ", twice, or reordered further than its stream declares");
        seen[static_cast<size_t>(frame - range.first)] = true;
        packet->pts = frame;
        packet->dts = dts;
        packet->pos = -1;
        writer.add_video_packet(*packet);
        av_packet_unref(packet.get());
        ++copied;
        each();
    }
    if (copied != range.size())
        fail_input(where, "segment " + spec_text(file.tag.spec) + " holds " + std::to_string(copied) +
                              " frames, not the " + std::to_string(range.size()) + " of frames " +
                              std::to_string(range.first) + "–" + std::to_string(range.end - 1) +
                              " (a damaged or cut file)");
}

}  // namespace

std::vector<SegmentFile> read_segment_tags(const std::vector<fs::path>& paths) {
    if (paths.empty()) fail_input(SourceLoc{"koho concat"}, "no segments to join");
    std::vector<SegmentFile> files;
    std::map<int, size_t> by_k;  // K → position in `files`
    for (const fs::path& path : paths) {
        record_dependency(path);
        const media::FormatPtr format = media::open_media(path, at_segment(path));
        const AVDictionaryEntry* comment = av_dict_get(format->metadata, "comment", nullptr, 0);
        std::optional<SegmentTag> tag = comment ? SegmentTag::parse(comment->value) : std::nullopt;
        if (!tag)
            fail_input(at_segment(path),
                       "not a segment of a split render (it has no koho-segment tag); make segments with "
                       "koho video TIMELINE --segment K/N");
        if (!files.empty()) {
            const SegmentFile& first = files.front();
            if (tag->spec.n != first.tag.spec.n)
                fail_input(at_segment(path), "this is segment " + spec_text(tag->spec) + " but " + first.path.string() +
                                                 " is " + spec_text(first.tag.spec) +
                                                 ": every segment must come from one split into N parts");
            const std::string mismatch = segment_mismatch(first.tag, *tag);
            if (!mismatch.empty())
                fail_input(at_segment(path), "segment " + spec_text(tag->spec) + " is not part of the render " +
                                                 first.path.string() + " belongs to: it is of " + mismatch);
        }
        if (auto twice = by_k.find(tag->spec.k); twice != by_k.end())
            fail_input(at_segment(path), "segment " + spec_text(tag->spec) + " is given twice (also as " +
                                             files[twice->second].path.string() + ")");
        by_k[tag->spec.k] = files.size();
        files.push_back(SegmentFile{path, *tag});
    }
    const int n = files.front().tag.spec.n;
    for (int k = 1; k <= n; ++k)
        if (!by_k.count(k))
            fail_input(SourceLoc{"koho concat"}, "segment " + std::to_string(k) + "/" + std::to_string(n) +
                                                    " is missing: give all " + std::to_string(n) +
                                                    " segments, in order");
    for (size_t i = 0; i < files.size(); ++i) {
        const SegmentFile& file = files[i];
        if (file.tag.spec.k != static_cast<int>(i) + 1)
            fail_input(at_segment(file.path), "segment " + spec_text(file.tag.spec) + " is given in place " +
                                                  std::to_string(i + 1) + ": give the segments in order, 1/" +
                                                  std::to_string(n) + " to " + std::to_string(n) + "/" +
                                                  std::to_string(n));
        const int64_t expected_first = i == 0 ? 0 : files[i - 1].tag.range.end;
        if (file.tag.range.first != expected_first || file.tag.range.end <= file.tag.range.first ||
            (i + 1 == files.size() && file.tag.range.end != file.tag.frames))
            fail_input(at_segment(file.path), "segment " + spec_text(file.tag.spec) + " says it holds frames " +
                                                  std::to_string(file.tag.range.first) + "–" +
                                                  std::to_string(file.tag.range.end - 1) +
                                                  ", which do not follow on from the segment before it");
    }
    return files;
}

VideoJob segment_job(const SegmentTag& tag, const fs::path& output) {
    VideoJob job;
    job.output = output;
    job.preset = tag.preset;
    job.crf = tag.crf;
    job.encoder_preset = tag.encoder_preset;
    return job;
}

VideoReport concat_video(const model::Timeline& timeline, const ConcatJob& job, text::Typesetter& typesetter,
                         ProgressSink* progress) {
    if (job.segments.empty()) fail_input(SourceLoc{"koho concat"}, "no segments to join");
    const SegmentTag& first_tag = job.segments.front().tag;
    const VideoJob video_job = segment_job(first_tag, job.output);
    const EncodeSettings settings = encode_settings(timeline, video_job);
    for (const SegmentFile& file : job.segments) {
        const SourceLoc where = at_segment(file.path);
        if (file.tag.timeline_sha256 != job.timeline_sha256)
            fail_input(where, "segment " + spec_text(file.tag.spec) + " was rendered from another timeline than " +
                                  timeline.file + " (or from another version of it): render the segments again");
        if (file.tag.settings != encoding_summary(settings) || file.tag.frames != timeline.frame_count())
            fail_input(where, "segment " + spec_text(file.tag.spec) + " was encoded as " + file.tag.settings +
                                  " but " + timeline.file + " renders as " + encoding_summary(settings));
        const FrameRange expected =
            segment_frames(timeline.frame_count(), gop_length(settings), file.tag.spec, where);
        if (file.tag.range.first != expected.first || file.tag.range.end != expected.end)
            fail_input(where, "segment " + spec_text(file.tag.spec) + " holds frames " +
                                  std::to_string(file.tag.range.first) + "–" + std::to_string(file.tag.range.end - 1) +
                                  ", not " + std::to_string(expected.first) + "–" + std::to_string(expected.end - 1));
    }

    // As render_video: the soundtrack mixed beside the rest, the thumbnail's
    // compositor set up before any output.
    WholeVideoRender render(timeline, typesetter, job.output, progress);
    {
        OpenSegment first = open_segment(job.segments.front().path);
        // The first segment's stream setup, kept to compare the others' with.
        SegmentParametersPtr setup(avcodec_parameters_alloc());
        if (!setup) fail_system(at_segment(job.output), "out of memory");
        libav::check_av(at_segment(job.output), "cannot copy the stream setup",
                        avcodec_parameters_copy(setup.get(), first.video->codecpar));
        Mp4Writer writer(render.mp4_temp_path(), settings, *setup, job.output);
        SoundFeeder sound(writer, timeline.fps);
        int64_t copied = 0;
        for (size_t i = 0; i < job.segments.size(); ++i) {
            const SegmentFile& file = job.segments[i];
            OpenSegment segment = i == 0 ? std::move(first) : open_segment(file.path);
            if (!same_stream_setup(*setup, *segment.video->codecpar))
                fail_input(at_segment(file.path), "segment " + spec_text(file.tag.spec) +
                                                      " has another H.264 setup (SPS/PPS or picture size) than segment 1/" +
                                                      std::to_string(file.tag.spec.n) + ": its packets cannot be joined");
            copy_segment_packets(file, segment, timeline.fps, setup->video_delay, writer,
                                 [&] { render.frames_done(sound, ++copied); });
        }
        render.finish_mp4(sound, writer);
    }
    return render.commit(video_job, job.before_commit);
}

}  // namespace koho::video
