// Opening media files and decoders (see media_open.h).
#include "video/media_open.h"

#include <cerrno>
#include <cmath>
#include <system_error>

#include "core/units.h"

extern "C" {
#include <libavutil/error.h>
#include <libavutil/log.h>
}

namespace koho::video::media {

FramePtr make_frame() {
    FramePtr frame(av_frame_alloc());
    if (!frame) fail_system({}, "out of memory allocating a video frame");
    return frame;
}

PacketPtr make_packet() {
    PacketPtr packet(av_packet_alloc());
    if (!packet) fail_system({}, "out of memory allocating a packet");
    return packet;
}

std::string display_name(const std::filesystem::path& path) {
    if (!path.is_absolute()) return path.generic_string();
    std::error_code ec;
    const auto cwd = std::filesystem::current_path(ec);
    if (ec) return path.generic_string();
    const auto relative = path.lexically_normal().lexically_relative(cwd);
    if (relative.empty() || *relative.begin() == "..") return path.generic_string();
    return relative.generic_string();
}

FormatPtr open_media(const std::filesystem::path& path, const SourceLoc& where) {
    // Libraries below cli/ never print: FFmpeg's own log lines ("moov atom
    // not found") are silenced, its error codes become koho messages.
    static const bool silenced = [] {
        av_log_set_level(AV_LOG_QUIET);
        return true;
    }();
    (void)silenced;
    const std::string name = display_name(path);
    AVFormatContext* raw = nullptr;
    const int opened = avformat_open_input(&raw, path.c_str(), nullptr, nullptr);
    if (opened < 0) {
        if (opened == AVERROR(ENOENT)) fail_input(where, name + ": no such media file");
        fail_input(where, name + ": not a media file FFmpeg can read (" + av_error_text(opened) + ")");
    }
    FormatPtr format(raw);
    const int found = avformat_find_stream_info(format.get(), nullptr);
    if (found < 0)
        fail_input(where, name + ": not a media file FFmpeg can read (" + av_error_text(found) + ")");
    if (format->nb_streams == 0)
        fail_input(where, name + ": not a media file FFmpeg can read (it holds no audio or video streams)");
    return format;
}

int first_stream(const AVFormatContext& format, AVMediaType type) {
    for (unsigned i = 0; i < format.nb_streams; ++i) {
        const AVStream& stream = *format.streams[i];
        if (stream.codecpar->codec_type != type) continue;
        // Cover art in a music file is a "video" stream of one picture.
        if (type == AVMEDIA_TYPE_VIDEO && (stream.disposition & AV_DISPOSITION_ATTACHED_PIC)) continue;
        return static_cast<int>(i);
    }
    return -1;
}

CodecPtr open_decoder(const AVStream& stream, const std::filesystem::path& path, const SourceLoc& where,
                      int threads) {
    const std::string name = display_name(path);
    const AVCodec* codec = avcodec_find_decoder(stream.codecpar->codec_id);
    if (!codec)
        fail_input(where, name + ": FFmpeg here has no decoder for its " +
                              av_get_media_type_string(stream.codecpar->codec_type) + " codec (" +
                              avcodec_get_name(stream.codecpar->codec_id) + ")");
    CodecPtr decoder(avcodec_alloc_context3(codec));
    if (!decoder) fail_system(where, "out of memory opening a decoder for " + name);
    int status = avcodec_parameters_to_context(decoder.get(), stream.codecpar);
    if (status < 0) fail_system(where, name + ": cannot set up its decoder (" + av_error_text(status) + ")");
    decoder->pkt_timebase = stream.time_base;
    decoder->thread_count = threads;
    status = avcodec_open2(decoder.get(), codec, nullptr);
    if (status < 0)
        fail_input(where, name + ": cannot open its " + codec->name + " decoder (" + av_error_text(status) + ")");
    return decoder;
}

double origin_seconds(const AVFormatContext& format) {
    if (format.start_time == AV_NOPTS_VALUE) return 0;
    return static_cast<double>(format.start_time) / AV_TIME_BASE;
}

StreamDecoder::StreamDecoder(AVFormatContext& format, int stream_index, const std::filesystem::path& path,
                             const SourceLoc& where, int threads)
    : format_(format),
      stream_index_(stream_index),
      path_(path),
      where_(where),
      codec_(open_decoder(*format.streams[stream_index], path, where, threads)),
      packet_(make_packet()),
      origin_s_(origin_seconds(format)) {
    // Only this stream's packets are wanted; the demuxer skips the rest.
    for (unsigned i = 0; i < format.nb_streams; ++i)
        format.streams[i]->discard = static_cast<int>(i) == stream_index ? AVDISCARD_DEFAULT : AVDISCARD_ALL;
}

bool StreamDecoder::next(AVFrame& frame) {
    for (;;) {
        const int received = avcodec_receive_frame(codec_.get(), &frame);
        if (received == 0) return true;
        if (received == AVERROR_EOF) return false;
        if (received != AVERROR(EAGAIN))
            fail_input(where_, display_name(path_) + ": cannot decode (" + av_error_text(received) + ")");
        if (draining_) return false;  // cannot happen: a draining decoder ends with EOF

        // The decoder wants input: the next packet of our stream, or the
        // end-of-stream signal that makes it give up what it holds.
        for (;;) {
            const int read = av_read_frame(&format_, packet_.get());
            if (read == AVERROR_EOF) {
                avcodec_send_packet(codec_.get(), nullptr);
                draining_ = true;
                break;
            }
            if (read < 0)
                fail_input(where_, display_name(path_) + ": cannot read (" + av_error_text(read) + ")");
            if (packet_->stream_index != stream_index_) {
                av_packet_unref(packet_.get());
                continue;
            }
            const int sent = avcodec_send_packet(codec_.get(), packet_.get());
            av_packet_unref(packet_.get());
            // A corrupt packet is skipped as players do; the next may decode.
            if (sent < 0 && sent != AVERROR(EAGAIN) && sent != AVERROR_INVALIDDATA)
                fail_input(where_, display_name(path_) + ": cannot decode (" + av_error_text(sent) + ")");
            break;
        }
    }
}

void StreamDecoder::seek(double seconds) {
    const AVStream& st = stream();
    const double target = std::max(0.0, seconds) + origin_s_;
    const int64_t ts = static_cast<int64_t>(std::floor(target / av_q2d(st.time_base)));
    const int status = av_seek_frame(&format_, stream_index_, ts, AVSEEK_FLAG_BACKWARD);
    if (status < 0)
        fail_input(where_, display_name(path_) + ": cannot seek to " + format_number(seconds, 3) + " s (" +
                               av_error_text(status) + ")");
    avcodec_flush_buffers(codec_.get());
    draining_ = false;
}

double StreamDecoder::frame_seconds(const AVFrame& frame, double fallback) const {
    if (frame.best_effort_timestamp == AV_NOPTS_VALUE) return fallback;
    return static_cast<double>(frame.best_effort_timestamp) * av_q2d(stream().time_base) - origin_s_;
}

}  // namespace koho::video::media
