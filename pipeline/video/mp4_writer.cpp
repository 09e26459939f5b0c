// The MP4 muxer: H.264 and AAC packets interleaved into an MP4 with the
// moov atom first and no edit list, chapters, title and language.
#include "video/mp4_writer.h"

#include <cmath>
#include <cstdlib>
#include <ctime>
#include <optional>

extern "C" {
#include <libavutil/log.h>
#include <libavutil/mathematics.h>
}

#include "core/source_date.h"
#include "video/aac_track.h"
#include "video/av_error.h"
#include "video/color_convert.h"
#include "video/h264_encoder.h"

namespace koho::video {
namespace {

// SOURCE_DATE_EPOCH as the MP4 creation time (ISO 8601, what libavformat
// parses); none when it is unset, and the muxer then writes 0 ("unknown")
// in mvhd, tkhd and mdhd. A malformed value is bad input, as for PDFs.
std::optional<std::string> creation_time() {
    const std::optional<int64_t> seconds = source_date_epoch();
    if (!seconds) return std::nullopt;
    std::time_t t = static_cast<std::time_t>(*seconds);
    std::tm utc{};
    gmtime_r(&t, &utc);
    char text[40];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S.000000Z", &utc);
    return std::string(text);
}

// Chapters in milliseconds, each ending where the next starts and the
// last at `end_ms`. The AVFormatContext frees them with itself.
void add_chapters(AVFormatContext* out, const std::vector<model::Chapter>& chapters, int64_t end_ms,
                  const SourceLoc& where) {
    for (size_t i = 0; i < chapters.size(); ++i) {
        auto* chapter = static_cast<AVChapter*>(av_mallocz(sizeof(AVChapter)));
        if (!chapter) fail_system(where, "out of memory for chapters");
        chapter->id = static_cast<int64_t>(i) + 1;
        chapter->time_base = AVRational{1, 1000};
        chapter->start = std::llround(chapters[i].start_s * 1000);
        chapter->end = i + 1 < chapters.size() ? std::llround(chapters[i + 1].start_s * 1000) : end_ms;
        av_dict_set(&chapter->metadata, "title", chapters[i].title.c_str(), 0);
        int count = static_cast<int>(out->nb_chapters);
        const int err = av_dynarray_add_nofree(&out->chapters, &count, chapter);
        out->nb_chapters = static_cast<unsigned>(count);
        if (err < 0) {
            av_dict_free(&chapter->metadata);
            av_free(chapter);
            fail_system(where, "out of memory for chapters");
        }
    }
}

// Libraries below cli/ never print: x264's statistics and the muxer's
// notes go nowhere; failures come back as koho::Error.
void silence_libav() {
    static const bool silenced = [] {
        av_log_set_level(AV_LOG_QUIET);
        return true;
    }();
    (void)silenced;
}

}  // namespace

struct Mp4Writer::Impl {
    SourceLoc where;
    EncodeSettings settings;
    libav::OutputContextPtr out;
    libav::CodecContextPtr video;        // none when the video is copied
    const AVCodecParameters* copied_video = nullptr;
    AVRational video_time_base{1, 1};  // 1/fps: pts and dts count frames
    AVStream* video_stream = nullptr;
    std::optional<AacTrack> audio;
    AVStream* audio_stream = nullptr;
    std::optional<Bt709Converter> converter;
    libav::FramePtr frame;
    libav::PacketPtr packet;
    int64_t frames = 0;
    bool finished = false;

    void open(const std::filesystem::path& path);
    void write(AVPacket* p, AVRational from, AVStream* stream);
    void drain_video(bool flushing);
    void release_audio() {
        if (audio)
            audio->write_ready(audio_end(frames), [this](AVPacket* p) { write(p, audio->context()->time_base, audio_stream); });
    }
    // Where `n` frames end, in audio samples (rounded to the nearest).
    int64_t audio_end(int64_t n) const {
        return av_rescale_rnd(n, int64_t{kSampleRate} * settings.fps.den, settings.fps.num, AV_ROUND_NEAR_INF);
    }
};

void Mp4Writer::Impl::open(const std::filesystem::path& path) {
    AVFormatContext* raw = nullptr;
    libav::check_av(where, "cannot set up the MP4 muxer", avformat_alloc_output_context2(&raw, nullptr, "mp4", path.c_str()));
    out.reset(raw);
    const bool global_header = out->oformat->flags & AVFMT_GLOBALHEADER;

    video_stream = avformat_new_stream(out.get(), nullptr);
    if (!video_stream) fail_system(where, "out of memory for the video stream");
    video_time_base = AVRational{settings.fps.den, settings.fps.num};
    if (copied_video) {
        libav::check_av(where, "cannot describe the video stream", avcodec_parameters_copy(video_stream->codecpar, copied_video));
        video_stream->codecpar->codec_tag = 0;  // the MP4 muxer picks its own ('avc1')
    } else {
        video = open_h264_encoder(settings, global_header, where);
        libav::check_av(where, "cannot describe the video stream",
                        avcodec_parameters_from_context(video_stream->codecpar, video.get()));
    }
    video_stream->time_base = video_time_base;  // a hint; the muxer picks its own in write_header
    video_stream->avg_frame_rate = AVRational{settings.fps.num, settings.fps.den};
    video_stream->r_frame_rate = video_stream->avg_frame_rate;

    if (settings.audio) {
        audio.emplace(settings.audio_bitrate_kbps, global_header, where);
        audio_stream = avformat_new_stream(out.get(), nullptr);
        if (!audio_stream) fail_system(where, "out of memory for the audio stream");
        libav::check_av(where, "cannot describe the audio stream",
                        avcodec_parameters_from_context(audio_stream->codecpar, audio->context()));
        audio_stream->time_base = audio->context()->time_base;
        if (!settings.language.empty()) av_dict_set(&audio_stream->metadata, "language", settings.language.c_str(), 0);
    }

    if (!settings.title.empty()) av_dict_set(&out->metadata, "title", settings.title.c_str(), 0);
    if (auto when = creation_time()) av_dict_set(&out->metadata, "creation_time", when->c_str(), 0);
    for (const auto& [key, value] : settings.metadata) av_dict_set(&out->metadata, key.c_str(), value.c_str(), 0);
    // The last chapter ends at the timeline's duration; without one, where
    // the video ends (fixed in finish(), before the trailer writes them).
    if (!settings.chapters.empty())
        add_chapters(out.get(), settings.chapters, std::llround(settings.duration_s * 1000), where);

    libav::check_av(where, "cannot create the file", avio_open(&out->pb, path.c_str(), AVIO_FLAG_WRITE));
    // The sound may come late (render_video mixes it beside the first
    // frames): the muxer holds the video packets until the sound catches
    // up, however long, so the file is interleaved from its first second
    // rather than opening on a stretch of picture alone (libavformat's
    // default gives up waiting after 10 s).
    out->max_interleave_delta = 0;
    libav::Options options;
    // faststart: a second pass moves moov in front of mdat (playback
    // starts before the download ends). No edit list: players that ignore
    // edit lists would otherwise disagree on timing. Without one, the
    // B-frame reorder delay must not shift the video: by default the
    // muxer makes the first dts (−1 frame or more) zero and the first frame
    // is then shown after that delay, the audio stretched to fill the gap.
    // Signed composition offsets (ctts version 1) keep the first frame at 0.
    options.set("movflags", "+faststart+negative_cts_offsets");
    options.set("use_editlist", "0");
    for (const auto& [key, value] : settings.muxer_options) options.set(key.c_str(), value);
    libav::check_av(where, "cannot write the MP4 header", avformat_write_header(out.get(), options.get()));
    libav::require_all_consumed(where, options, "the MP4 muxer");

    packet.reset(av_packet_alloc());
    if (!packet) fail_system(where, "out of memory for packets");
}

// Packet times from the encoder's time base to the one the muxer chose
// in avformat_write_header (MP4 picks its own timescale per track).
void Mp4Writer::Impl::write(AVPacket* p, AVRational from, AVStream* stream) {
    p->stream_index = stream->index;
    av_packet_rescale_ts(p, from, stream->time_base);
    libav::check_av(where, "cannot write a packet", av_interleaved_write_frame(out.get(), p));
}

void Mp4Writer::Impl::drain_video(bool flushing) {
    while (true) {
        int err = avcodec_receive_packet(video.get(), packet.get());
        if (err == AVERROR(EAGAIN) || (flushing && err == AVERROR_EOF)) return;
        libav::check_av(where, "H.264 encoding failed", err);
        // One packet is one frame: without a duration the MP4's last
        // sample would get none and the file would end a frame short.
        packet->duration = 1;
        write(packet.get(), video_time_base, video_stream);
    }
}

Mp4Writer::Mp4Writer(const std::filesystem::path& path, const EncodeSettings& settings,
                     const std::filesystem::path& shown_as)
    : impl_(std::make_unique<Impl>()) {
    silence_libav();
    impl_->where = SourceLoc{(shown_as.empty() ? path : shown_as).string(), 0, 0, ""};
    impl_->settings = settings;
    impl_->open(path);
}

Mp4Writer::Mp4Writer(const std::filesystem::path& path, const EncodeSettings& settings,
                     const AVCodecParameters& copied_video, const std::filesystem::path& shown_as)
    : impl_(std::make_unique<Impl>()) {
    silence_libav();
    impl_->where = SourceLoc{(shown_as.empty() ? path : shown_as).string(), 0, 0, ""};
    impl_->settings = settings;
    impl_->copied_video = &copied_video;
    impl_->open(path);
    impl_->copied_video = nullptr;  // read by open() only; the caller's may go
}

Mp4Writer::~Mp4Writer() = default;

void Mp4Writer::add_video_frame(const uint8_t* argb, int stride) {
    Impl& m = *impl_;
    if (m.finished) fail_system(m.where, "a video frame after finish()");
    // Made on first use: callers that convert for themselves need neither.
    if (!m.converter) {
        m.converter.emplace(m.settings.width, m.settings.height, m.where);
        m.frame = new_bt709_frame(m.settings.width, m.settings.height, m.where);
    }
    // The encoder may still hold a reference to the last frame's buffer.
    libav::check_av(m.where, "cannot write into a video frame", av_frame_make_writable(m.frame.get()));
    m.converter->convert(argb, stride, m.frame.get());
    add_video_frame(*m.frame);
}

void Mp4Writer::add_video_frame(AVFrame& yuv) {
    Impl& m = *impl_;
    if (m.finished) fail_system(m.where, "a video frame after finish()");
    if (!m.video) fail_system(m.where, "a video frame to encode for a copied stream");
    if (yuv.width != m.settings.width || yuv.height != m.settings.height || yuv.format != AV_PIX_FMT_YUV420P)
        fail_system(m.where, "a video frame of another size or format than the encoder's");
    yuv.pts = m.settings.first_frame + m.frames++;
    libav::check_av(m.where, "the H.264 encoder refused a frame", avcodec_send_frame(m.video.get(), &yuv));
    m.drain_video(false);
    m.release_audio();
}

void Mp4Writer::add_video_packet(AVPacket& packet) {
    Impl& m = *impl_;
    if (m.finished) fail_system(m.where, "a video packet after finish()");
    if (m.video) fail_system(m.where, "an encoded video packet for a stream koho encodes itself");
    ++m.frames;
    packet.duration = 1;
    m.write(&packet, m.video_time_base, m.video_stream);
    m.release_audio();
}

void Mp4Writer::add_audio(const float* interleaved, size_t frames) {
    Impl& m = *impl_;
    if (m.finished) fail_system(m.where, "audio after finish()");
    if (!m.audio) return;
    m.audio->add(interleaved, frames);
    m.release_audio();
}

void Mp4Writer::finish() {
    Impl& m = *impl_;
    if (m.finished) return;
    m.finished = true;
    if (m.frames == 0) fail_system(m.where, "no video frames to write");
    if (m.video) {
        libav::check_av(m.where, "cannot flush the H.264 encoder", avcodec_send_frame(m.video.get(), nullptr));
        m.drain_video(true);
    }
    if (m.audio)
        m.audio->finish(m.audio_end(m.frames),
                        [&m](AVPacket* p) { m.write(p, m.audio->context()->time_base, m.audio_stream); });
    if (m.out->nb_chapters > 0 && m.settings.duration_s <= 0) {
        AVChapter* last = m.out->chapters[m.out->nb_chapters - 1];
        last->end = av_rescale(m.frames, int64_t{1000} * m.settings.fps.den, m.settings.fps.num);
    }
    libav::check_av(m.where, "cannot write the MP4 index", av_write_trailer(m.out.get()));
    libav::check_av(m.where, "cannot close the file", avio_closep(&m.out->pb));
}

int64_t Mp4Writer::video_frames() const { return impl_->frames; }

}  // namespace koho::video
