// Opening media files and decoders (see media_open.h).
#include "video/media_open.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cmath>
#include <cstring>
#include <string_view>
#include <system_error>
#include <vector>

#include "core/limits.h"
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

namespace {

// ---- The media-input rule ----
//
// A media file may name other files or URLs: an HLS playlist (.m3u8), an
// ffconcat list, a DASH manifest, an image2 pattern, a QuickTime reference
// (dref), `subfile:`/`data:`/`http:` URLs inside any of them. koho reads
// exactly the one file that resolve_in_root admitted, and nothing else:
//  1. koho opens that file itself and hands libavformat a custom AVIOContext
//     over its descriptor; no FFmpeg protocol (file:, http:, …) opens it;
//  2. the container is probed from those bytes and must be a self-contained
//     format on kDemuxers below — playlists, lists and manifests are refused
//     before any demuxer runs, by name;
//  3. io_open, through which a demuxer opens anything more, refuses every
//     call, and the protocol whitelist names no protocol, so a nested
//     avformat_open_input (concat's) cannot open a file or a socket either.
// So a file inside the root cannot make koho read outside it or open a
// network connection.

// Containers people hand koho: phone and camera footage (MP4/MOV, MPEG-TS
// of AVCHD, MXF), screen recordings (Matroska/WebM), older files (AVI, FLV,
// ASF/WMV, MPEG-PS), and sound (WAV, W64, AIFF, CAF, MP3, FLAC, Ogg/Opus,
// ADTS AAC), and raw H.264/HEVC streams (refused later for their lack of
// a length, with advice). Each holds its media itself; none of these
// demuxers opens other files in FFmpeg 5.1 with the options koho sets
// (mov's drefs off).
constexpr const char* kDemuxers[] = {"mov", "mp4", "m4a", "3gp", "matroska", "webm", "avi", "mpegts",
                                     "mpeg", "mxf", "flv",  "asf", "wav",      "w64",  "aiff", "caf",
                                     "mp3", "flac", "ogg",  "aac", "h264",     "hevc"};
constexpr const char* kDemuxerList =
    "MP4/MOV, Matroska/WebM, AVI, MPEG-TS/PS, MXF, FLV, ASF/WMV, WAV, AIFF, CAF, MP3, FLAC, Ogg, AAC";

// A demuxer's name is a comma list ("mov,mp4,m4a,3gp,3g2,mj2"): it is
// admitted when any of its names is on kDemuxers.
bool demuxer_admitted(const char* names) {
    std::string_view rest = names ? names : "";
    while (!rest.empty()) {
        const size_t comma = rest.find(',');
        const std::string_view name = rest.substr(0, comma);
        for (const char* admitted : kDemuxers)
            if (name == admitted) return true;
        if (comma == std::string_view::npos) break;
        rest.remove_prefix(comma + 1);
    }
    return false;
}

constexpr int kIoBufferSize = 64 * 1024;

// libavcodec's own cap on a frame's pixels, a safety net under the limit
// open_media checks on the stream's declared size: decoders allocate their
// coded size (H.264 rounds 120 lines up to 128, HEVC to its 64-pixel
// blocks), so the net has room above the limit — twice it and a megapixel
// — while still stopping a header that lies by orders of magnitude.
int64_t decoder_pixel_cap(uint64_t max_frame_pixels) {
    const uint64_t cap = max_frame_pixels > (uint64_t{INT_MAX} - (1u << 20)) / 2 ? uint64_t{INT_MAX}
                                                                                 : 2 * max_frame_pixels + (1u << 20);
    return static_cast<int64_t>(cap);
}

int read_packet(void* opaque, uint8_t* buf, int size) {
    auto* source = static_cast<MediaSource*>(opaque);
    for (;;) {
        const ssize_t got = ::read(source->fd, buf, static_cast<size_t>(size));
        if (got > 0) return static_cast<int>(got);
        if (got == 0) return AVERROR_EOF;
        if (errno != EINTR) return AVERROR(errno);
    }
}

int64_t seek_packet(void* opaque, int64_t offset, int whence) {
    auto* source = static_cast<MediaSource*>(opaque);
    if (whence & AVSEEK_SIZE) {
        struct stat st {};
        return fstat(source->fd, &st) == 0 ? static_cast<int64_t>(st.st_size) : AVERROR(errno);
    }
    const off_t at = ::lseek(source->fd, static_cast<off_t>(offset), whence & ~AVSEEK_FORCE);
    return at < 0 ? AVERROR(errno) : static_cast<int64_t>(at);
}

// Rule 3: every nested open is refused, and remembered for the message.
int refuse_nested_open(AVFormatContext* format, AVIOContext** pb, const char* url, int, AVDictionary**) {
    *pb = nullptr;
    auto* source = static_cast<MediaSource*>(format->opaque);
    if (source && source->refused_url.empty()) source->refused_url = url ? url : "";
    return AVERROR(EPERM);
}

// The refusal of a nested open, if there was one, says more than FFmpeg's
// error code ("Operation not permitted").
[[noreturn]] void fail_unreadable(const SourceLoc& where, const std::string& name, const MediaSource& source,
                                  int code) {
    if (!source.refused_url.empty())
        fail_input(where, name + " tries to open another file or URL ('" + source.refused_url +
                              "'); koho reads only self-contained media files, never what a file points to");
    fail_input(where, name + ": not a media file FFmpeg can read (" + av_error_text(code) + ")");
}

}  // namespace

MediaSource::~MediaSource() {
    if (pb) {
        av_freep(&pb->buffer);
        avio_context_free(&pb);
    }
    if (fd >= 0) ::close(fd);
}

void MediaCloser::operator()(AVFormatContext* format) const {
    // With AVFMT_FLAG_CUSTOM_IO libavformat leaves pb to its owner.
    auto* source = static_cast<MediaSource*>(format->opaque);
    avformat_close_input(&format);
    delete source;
}

FormatPtr open_media(const std::filesystem::path& path, const SourceLoc& where, uint64_t max_frame_pixels) {
    // Libraries below cli/ never print: FFmpeg's own log lines ("moov atom
    // not found") are silenced, its error codes become koho messages.
    static const bool silenced = [] {
        av_log_set_level(AV_LOG_QUIET);
        return true;
    }();
    (void)silenced;
    const std::string name = display_name(path);

    // Rule 1: the file itself, opened here.
    auto source = std::make_unique<MediaSource>();
    source->max_frame_pixels = max_frame_pixels;
    source->fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (source->fd < 0) {
        if (errno == ENOENT) fail_input(where, name + ": no such media file");
        fail_input(where, name + ": cannot open it (" + std::strerror(errno) + ")");
    }
    struct stat st {};
    if (fstat(source->fd, &st) != 0 || !S_ISREG(st.st_mode))
        fail_input(where, name + ": not a regular file; koho reads media only from files");
    auto* buffer = static_cast<unsigned char*>(av_malloc(kIoBufferSize));
    if (!buffer) fail_system(where, "out of memory opening " + name);
    source->pb = avio_alloc_context(buffer, kIoBufferSize, 0, source.get(), read_packet, nullptr, seek_packet);
    if (!source->pb) {
        av_free(buffer);
        fail_system(where, "out of memory opening " + name);
    }

    // Rule 2: what the bytes are, checked before any demuxer runs.
    const AVInputFormat* format_found = nullptr;
    const int probed = av_probe_input_buffer2(source->pb, &format_found, path.c_str(), nullptr, 0, 0);
    if (probed < 0 || !format_found)
        fail_input(where, name + ": not a media file FFmpeg can read (" +
                              av_error_text(probed < 0 ? probed : AVERROR_INVALIDDATA) + ")");
    if (!demuxer_admitted(format_found->name))
        fail_input(where, name + " is " + (format_found->long_name ? format_found->long_name : format_found->name) +
                              " (" + format_found->name + "), a format koho does not read; koho reads self-contained media (" +
                              kDemuxerList + "), never playlists, lists or manifests that point to other files");

    AVFormatContext* raw = avformat_alloc_context();
    if (!raw) fail_system(where, "out of memory opening " + name);
    raw->pb = source->pb;
    raw->flags |= AVFMT_FLAG_CUSTOM_IO;
    raw->opaque = source.get();
    raw->io_open = refuse_nested_open;  // rule 3
    libav::Options options;
    options.set("protocol_whitelist", "none");  // no protocol is a name here: nested opens find none
    options.set("enable_drefs", "0");           // mov: never follow a reference to another file
    options.set("use_absolute_path", "0");
    // On failure avformat_open_input frees `raw` (not our pb: the source does).
    const int opened = avformat_open_input(&raw, path.c_str(), format_found, options.get());
    if (opened < 0) fail_unreadable(where, name, *source, opened);
    FormatPtr format(raw);
    source.release();  // owned through format->opaque now: MediaCloser frees it

    // Stream information decodes a few frames: their size is capped like a
    // decoder's (a small file may declare an enormous picture).
    const int64_t cap = decoder_pixel_cap(max_frame_pixels);
    std::vector<libav::Options> per_stream(format->nb_streams);
    std::vector<AVDictionary*> dicts(format->nb_streams, nullptr);
    for (unsigned i = 0; i < format->nb_streams; ++i) {
        per_stream[i].set("max_pixels", std::to_string(cap));
        dicts[i] = *per_stream[i].get();
    }
    const int found = avformat_find_stream_info(format.get(), dicts.empty() ? nullptr : dicts.data());
    for (unsigned i = 0; i < format->nb_streams && i < dicts.size(); ++i) *per_stream[i].get() = dicts[i];
    if (found < 0) fail_unreadable(where, name, *static_cast<MediaSource*>(format->opaque), found);
    if (format->nb_streams == 0)
        fail_input(where, name + ": not a media file FFmpeg can read (it holds no audio or video streams)");

    // The picture koho would decode, against the image pixel limit, before
    // any decoder is opened for it.
    const int video = first_stream(*format, AVMEDIA_TYPE_VIDEO);
    if (video >= 0) {
        const AVCodecParameters& par = *format->streams[video]->codecpar;
        const uint64_t pixels = static_cast<uint64_t>(std::max(par.width, 0)) * static_cast<uint64_t>(std::max(par.height, 0));
        if (pixels > max_frame_pixels)
            fail_input(where, name + ": its video frames are " + std::to_string(par.width) + "x" +
                                  std::to_string(par.height) + " pixels (" + describe_pixels(pixels) + ")" +
                                  over_limit(describe_pixel_limit(max_frame_pixels), limit_flags::kImagePixels));
    }
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
                      int threads, uint64_t max_frame_pixels) {
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
    // A frame larger than the file's limit is refused by libavcodec before
    // it allocates it (the headers may lie about the size).
    decoder->max_pixels = decoder_pixel_cap(max_frame_pixels);
    status = avcodec_open2(decoder.get(), codec, nullptr);
    if (status < 0)
        fail_input(where, name + ": cannot open its " + codec->name + " decoder (" + av_error_text(status) + ")");
    return decoder;
}

double origin_seconds(const AVFormatContext& format) {
    if (format.start_time == AV_NOPTS_VALUE) return 0;
    return static_cast<double>(format.start_time) / AV_TIME_BASE;
}

uint64_t frame_limit(const AVFormatContext& format) {
    const auto* source = static_cast<const MediaSource*>(format.opaque);
    return source ? source->max_frame_pixels : Limits{}.max_image_pixels;
}

StreamDecoder::StreamDecoder(AVFormatContext& format, int stream_index, const std::filesystem::path& path,
                             const SourceLoc& where, int threads)
    : format_(format),
      stream_index_(stream_index),
      path_(path),
      where_(where),
      codec_(open_decoder(*format.streams[stream_index], path, where, threads, frame_limit(format))),
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
