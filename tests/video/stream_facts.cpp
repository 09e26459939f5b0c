// Reads an encoded file back with libavformat/libavcodec and walks its MP4
// boxes by hand: the independent oracle for the video tests.
#include "video/stream_facts.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/channel_layout.h>
#include <libavutil/opt.h>
#include <libavutil/pixdesc.h>
#include <libswresample/swresample.h>
#include <libswscale/swscale.h>
}

#include <algorithm>
#include <cmath>
#include <fstream>
#include <limits>
#include <memory>
#include <stdexcept>
#include <string_view>

namespace koho::test {
namespace {

namespace fs = std::filesystem;

struct InputCloser {
    void operator()(AVFormatContext* c) const { avformat_close_input(&c); }
};
struct CodecFreer {
    void operator()(AVCodecContext* c) const { avcodec_free_context(&c); }
};
struct FrameFreer {
    void operator()(AVFrame* f) const { av_frame_free(&f); }
};
struct PacketFreer {
    void operator()(AVPacket* p) const { av_packet_free(&p); }
};
struct SwsFreer {
    void operator()(SwsContext* s) const { sws_freeContext(s); }
};
struct SwrFreer {
    void operator()(SwrContext* s) const { swr_free(&s); }
};
using InputPtr = std::unique_ptr<AVFormatContext, InputCloser>;
using CodecPtr = std::unique_ptr<AVCodecContext, CodecFreer>;
using FramePtr = std::unique_ptr<AVFrame, FrameFreer>;
using PacketPtr = std::unique_ptr<AVPacket, PacketFreer>;
using SwsPtr = std::unique_ptr<SwsContext, SwsFreer>;
using SwrPtr = std::unique_ptr<SwrContext, SwrFreer>;

[[noreturn]] void fail(const fs::path& path, const std::string& what, int err = 0) {
    std::string msg = path.string() + ": " + what;
    if (err < 0) {
        char buf[AV_ERROR_MAX_STRING_SIZE] = {};
        av_strerror(err, buf, sizeof buf);
        msg += std::string(": ") + buf;
    }
    throw std::runtime_error(msg);
}

InputPtr open_input(const fs::path& path) {
    AVFormatContext* raw = nullptr;
    int err = avformat_open_input(&raw, path.c_str(), nullptr, nullptr);
    if (err < 0) fail(path, "cannot open", err);
    InputPtr input(raw);
    err = avformat_find_stream_info(input.get(), nullptr);
    if (err < 0) fail(path, "cannot read stream info", err);
    return input;
}

CodecPtr open_decoder(const fs::path& path, const AVStream* stream) {
    const AVCodec* codec = avcodec_find_decoder(stream->codecpar->codec_id);
    if (!codec) fail(path, "no decoder for stream " + std::to_string(stream->index));
    CodecPtr ctx(avcodec_alloc_context3(codec));
    if (!ctx) fail(path, "out of memory");
    int err = avcodec_parameters_to_context(ctx.get(), stream->codecpar);
    if (err < 0) fail(path, "bad codec parameters", err);
    ctx->pkt_timebase = stream->time_base;
    ctx->thread_count = 1;  // decode order and results independent of the machine
    err = avcodec_open2(ctx.get(), codec, nullptr);
    if (err < 0) fail(path, "cannot open decoder", err);
    return ctx;
}

// Sends `packet` (nullptr: flush) and hands every frame that comes out to `each`.
template <typename Each>
void decode(const fs::path& path, AVCodecContext* ctx, const AVPacket* packet, AVFrame* frame, Each&& each) {
    int err = avcodec_send_packet(ctx, packet);
    if (err < 0 && err != AVERROR_EOF) fail(path, "decoder refused a packet", err);
    while (true) {
        err = avcodec_receive_frame(ctx, frame);
        if (err == AVERROR(EAGAIN) || err == AVERROR_EOF) return;
        if (err < 0) fail(path, "decode failed", err);
        each(frame);
        av_frame_unref(frame);
    }
}

std::string or_empty(const char* s) { return s ? s : ""; }

std::map<std::string, std::string> dict_to_map(const AVDictionary* dict) {
    std::map<std::string, std::string> out;
    const AVDictionaryEntry* e = nullptr;
    while ((e = av_dict_get(dict, "", e, AV_DICT_IGNORE_SUFFIX))) out[e->key] = e->value;
    return out;
}

// ---- MP4 boxes --------------------------------------------------------

bool is_container(const std::string& type) {
    static const char* kContainers[] = {"moov", "trak", "mdia", "minf", "stbl", "edts", "udta",
                                        "dinf", "mvex", "moof", "traf", "tref", "meta", "ilst"};
    for (const char* c : kContainers)
        if (type == c) return true;
    return false;
}

void walk_boxes(std::istream& in, uint64_t begin, uint64_t end, const std::string& parent,
                std::vector<std::string>& out) {
    uint64_t pos = begin;
    while (pos + 8 <= end) {
        in.seekg(static_cast<std::streamoff>(pos));
        unsigned char head[8];
        if (!in.read(reinterpret_cast<char*>(head), 8)) return;
        uint64_t size = (uint64_t(head[0]) << 24) | (uint64_t(head[1]) << 16) | (uint64_t(head[2]) << 8) | head[3];
        std::string type(reinterpret_cast<char*>(head + 4), 4);
        uint64_t header = 8;
        if (size == 1) {
            unsigned char big[8];
            if (!in.read(reinterpret_cast<char*>(big), 8)) return;
            size = 0;
            for (unsigned char b : big) size = (size << 8) | b;
            header = 16;
        } else if (size == 0) {
            size = end - pos;  // to the end of the enclosing space
        }
        if (size < header || pos + size > end) return;  // malformed: stop, the facts will show it
        std::string path = parent.empty() ? type : parent + "/" + type;
        out.push_back(path);
        if (is_container(type)) {
            // ISO 'meta' is a full box (4 bytes of version and flags before its children).
            uint64_t skip = type == "meta" ? 4 : 0;
            walk_boxes(in, pos + header + skip, pos + size, path, out);
        }
        pos += size;
    }
}

// ---- colour -----------------------------------------------------------

struct YuvMatrix {
    double kr, kb;
};

YuvMatrix matrix_of(AVColorSpace space) {
    switch (space) {
        case AVCOL_SPC_BT709: return {0.2126, 0.0722};
        case AVCOL_SPC_BT2020_NCL:
        case AVCOL_SPC_BT2020_CL: return {0.2627, 0.0593};
        case AVCOL_SPC_SMPTE240M: return {0.212, 0.087};
        default: return {0.299, 0.114};  // BT.601, as swscale assumes for untagged video
    }
}

uint8_t clamp8(double v) { return static_cast<uint8_t>(std::lround(std::clamp(v, 0.0, 255.0))); }

// yuv420p → RGB24 by the formula of the tagged matrix and range, written
// out here rather than through swscale so the check does not share code
// with the writer's conversion.
void yuv420_to_rgb(const AVFrame* f, bool full_range, YuvMatrix m, std::vector<uint8_t>& out) {
    const int w = f->width, h = f->height;
    out.resize(static_cast<size_t>(w) * h * 3);
    const double kg = 1.0 - m.kr - m.kb;
    for (int y = 0; y < h; ++y) {
        const uint8_t* yr = f->data[0] + static_cast<ptrdiff_t>(y) * f->linesize[0];
        const uint8_t* ur = f->data[1] + static_cast<ptrdiff_t>(y / 2) * f->linesize[1];
        const uint8_t* vr = f->data[2] + static_cast<ptrdiff_t>(y / 2) * f->linesize[2];
        for (int x = 0; x < w; ++x) {
            double Y, Cb, Cr;
            if (full_range) {
                Y = yr[x] / 255.0;
                Cb = (ur[x / 2] - 128) / 255.0;
                Cr = (vr[x / 2] - 128) / 255.0;
            } else {
                Y = (yr[x] - 16) / 219.0;
                Cb = (ur[x / 2] - 128) / 224.0;
                Cr = (vr[x / 2] - 128) / 224.0;
            }
            double r = Y + 2 * (1 - m.kr) * Cr;
            double b = Y + 2 * (1 - m.kb) * Cb;
            double g = (Y - m.kr * r - m.kb * b) / kg;
            uint8_t* p = out.data() + (static_cast<size_t>(y) * w + x) * 3;
            p[0] = clamp8(r * 255);
            p[1] = clamp8(g * 255);
            p[2] = clamp8(b * 255);
        }
    }
}

int sws_space_of(AVColorSpace space) {
    switch (space) {
        case AVCOL_SPC_BT709: return SWS_CS_ITU709;
        case AVCOL_SPC_BT2020_NCL:
        case AVCOL_SPC_BT2020_CL: return SWS_CS_BT2020;
        case AVCOL_SPC_SMPTE240M: return SWS_CS_SMPTE240M;
        default: return SWS_CS_ITU601;
    }
}

class RgbConverter {
public:
    explicit RgbConverter(const fs::path& path) : path_(path) {}

    void convert(const AVFrame* f, std::vector<uint8_t>& out) {
        auto format = static_cast<AVPixelFormat>(f->format);
        bool full = f->color_range == AVCOL_RANGE_JPEG || format == AV_PIX_FMT_YUVJ420P;
        if (format == AV_PIX_FMT_YUV420P || format == AV_PIX_FMT_YUVJ420P) {
            yuv420_to_rgb(f, full, matrix_of(f->colorspace), out);
            return;
        }
        if (!sws_ || f->width != w_ || f->height != h_ || format != format_) {
            sws_.reset(sws_getContext(f->width, f->height, format, f->width, f->height, AV_PIX_FMT_RGB24,
                                      SWS_BILINEAR | SWS_ACCURATE_RND | SWS_FULL_CHR_H_INT, nullptr, nullptr,
                                      nullptr));
            if (!sws_) fail(path_, std::string("cannot convert ") + or_empty(av_get_pix_fmt_name(format)));
            const int* table = sws_getCoefficients(sws_space_of(f->colorspace));
            sws_setColorspaceDetails(sws_.get(), table, full ? 1 : 0, sws_getCoefficients(SWS_CS_DEFAULT), 1, 0,
                                     1 << 16, 1 << 16);
            w_ = f->width;
            h_ = f->height;
            format_ = format;
        }
        out.resize(static_cast<size_t>(f->width) * f->height * 3);
        uint8_t* dst[4] = {out.data(), nullptr, nullptr, nullptr};
        int dst_stride[4] = {f->width * 3, 0, 0, 0};
        sws_scale(sws_.get(), f->data, f->linesize, 0, f->height, dst, dst_stride);
    }

private:
    fs::path path_;
    SwsPtr sws_;
    int w_ = 0, h_ = 0;
    AVPixelFormat format_ = AV_PIX_FMT_NONE;
};

int first_stream_of(const fs::path& path, AVFormatContext* input, AVMediaType type) {
    int index = av_find_best_stream(input, type, -1, -1, nullptr, 0);
    if (index < 0) fail(path, std::string("no ") + or_empty(av_get_media_type_string(type)) + " stream", index);
    return index;
}

// x264 writes its version and settings as a user-data SEI, plain text in
// the first access unit: "x264 - core 164 … - options: cabac=1 ref=3 …".
std::string x264_settings_in(const AVPacket* packet) {
    const std::string_view data(reinterpret_cast<const char*>(packet->data), static_cast<size_t>(packet->size));
    const size_t at = data.find("x264 - core");
    if (at == std::string_view::npos) return "";
    const size_t options = data.find("options: ", at);
    if (options == std::string_view::npos) return "";
    const size_t begin = options + 9;
    size_t end = begin;
    while (end < data.size() && data[end] >= 0x20 && data[end] < 0x7f) ++end;
    return std::string(data.substr(begin, end - begin));
}

}  // namespace

std::string StreamInfo::x264_setting(const std::string& key) const {
    const std::string needle = key + "=";
    size_t at = 0;
    while ((at = x264_settings.find(needle, at)) != std::string::npos) {
        if (at == 0 || x264_settings[at - 1] == ' ') {
            const size_t begin = at + needle.size();
            const size_t end = x264_settings.find(' ', begin);
            return x264_settings.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
        }
        at += needle.size();
    }
    return "";
}

const StreamInfo& StreamFacts::video() const {
    for (const auto& s : streams)
        if (s.is_video()) return s;
    throw std::runtime_error("no video stream");
}

const StreamInfo& StreamFacts::audio() const {
    for (const auto& s : streams)
        if (s.is_audio()) return s;
    throw std::runtime_error("no audio stream");
}

bool StreamFacts::has_video() const {
    return std::any_of(streams.begin(), streams.end(), [](const StreamInfo& s) { return s.is_video(); });
}

bool StreamFacts::has_audio() const {
    return std::any_of(streams.begin(), streams.end(), [](const StreamInfo& s) { return s.is_audio(); });
}

std::vector<std::string> mp4_box_paths(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) fail(path, "cannot open");
    in.seekg(0, std::ios::end);
    uint64_t size = static_cast<uint64_t>(in.tellg());
    std::vector<std::string> out;
    walk_boxes(in, 0, size, "", out);
    return out;
}

StreamFacts read_stream_facts(const fs::path& path) {
    InputPtr input = open_input(path);
    StreamFacts facts;
    facts.format = or_empty(input->iformat->name);
    facts.metadata = dict_to_map(input->metadata);
    if (input->duration != AV_NOPTS_VALUE) facts.container_duration_s = input->duration / double(AV_TIME_BASE);
    for (unsigned i = 0; i < input->nb_chapters; ++i) {
        const AVChapter* c = input->chapters[i];
        ChapterInfo chapter;
        chapter.start_s = c->start * av_q2d(c->time_base);
        chapter.end_s = c->end * av_q2d(c->time_base);
        const AVDictionaryEntry* title = av_dict_get(c->metadata, "title", nullptr, 0);
        if (title) chapter.title = title->value;
        facts.chapters.push_back(chapter);
    }

    std::vector<CodecPtr> decoders(input->nb_streams);
    std::vector<bool> seen(input->nb_streams, false);
    std::vector<int64_t> last_key_pts(input->nb_streams, AV_NOPTS_VALUE);
    for (unsigned i = 0; i < input->nb_streams; ++i) {
        const AVStream* st = input->streams[i];
        const AVCodecParameters* par = st->codecpar;
        StreamInfo info;
        info.index = static_cast<int>(i);
        switch (par->codec_type) {
            case AVMEDIA_TYPE_VIDEO: info.type = "video"; break;
            case AVMEDIA_TYPE_AUDIO: info.type = "audio"; break;
            case AVMEDIA_TYPE_DATA: info.type = "data"; break;
            case AVMEDIA_TYPE_SUBTITLE: info.type = "subtitle"; break;
            default: info.type = "other"; break;
        }
        info.codec = or_empty(avcodec_get_name(par->codec_id));
        info.profile = or_empty(avcodec_profile_name(par->codec_id, par->profile));
        info.metadata = dict_to_map(st->metadata);
        info.time_base = {st->time_base.num, st->time_base.den};
        info.bit_rate = par->bit_rate;
        if (st->duration != AV_NOPTS_VALUE) info.declared_duration_s = st->duration * av_q2d(st->time_base);
        if (info.is_video()) {
            info.pix_fmt = or_empty(av_get_pix_fmt_name(static_cast<AVPixelFormat>(par->format)));
            info.width = par->width;
            info.height = par->height;
            info.avg_frame_rate = {st->avg_frame_rate.num, st->avg_frame_rate.den};
            info.color_primaries = or_empty(av_color_primaries_name(par->color_primaries));
            info.color_trc = or_empty(av_color_transfer_name(par->color_trc));
            info.color_space = or_empty(av_color_space_name(par->color_space));
            info.color_range = or_empty(av_color_range_name(par->color_range));
            info.video_delay = par->video_delay;
        } else if (info.is_audio()) {
            info.sample_rate = par->sample_rate;
            info.channels = par->ch_layout.nb_channels;
            info.frame_size = par->frame_size;
            info.initial_padding = par->initial_padding;
        }
        // Chapter text tracks and the like are counted but not decoded.
        bool decodable = (info.is_video() || info.is_audio()) && !(st->disposition & AV_DISPOSITION_ATTACHED_PIC);
        if (decodable && avcodec_find_decoder(par->codec_id)) decoders[i] = open_decoder(path, st);
        facts.streams.push_back(std::move(info));
    }

    PacketPtr packet(av_packet_alloc());
    FramePtr frame(av_frame_alloc());
    if (!packet || !frame) fail(path, "out of memory");
    auto on_frame = [&](unsigned index) {
        return [&facts, index](const AVFrame* f) {
            StreamInfo& info = facts.streams[index];
            if (info.is_video()) {
                if (f->key_frame) info.keyframes.push_back(info.decoded_frames);
                char type = av_get_picture_type_char(f->pict_type);
                info.picture_types.push_back(type);
                if (f->pict_type == AV_PICTURE_TYPE_B) ++info.b_frames;
                ++info.decoded_frames;
            } else {
                info.decoded_samples += f->nb_samples;
            }
        };
    };
    while (true) {
        int err = av_read_frame(input.get(), packet.get());
        if (err == AVERROR_EOF) break;
        if (err < 0) fail(path, "cannot read a packet", err);
        unsigned index = static_cast<unsigned>(packet->stream_index);
        StreamInfo& info = facts.streams[index];
        ++info.packets;
        if (info.is_video() && info.packets == 1) info.x264_settings = x264_settings_in(packet.get());
        if (info.is_video() && packet->pts != AV_NOPTS_VALUE) {
            if (packet->flags & AV_PKT_FLAG_KEY) {
                ++info.key_packets;
                last_key_pts[index] = packet->pts;
            } else if (last_key_pts[index] != AV_NOPTS_VALUE && packet->pts < last_key_pts[index]) {
                ++info.leading_pictures;
            }
        }
        if (packet->pts != AV_NOPTS_VALUE) {
            int64_t end = packet->pts + packet->duration;
            if (!seen[index]) {
                info.first_pts = packet->pts;
                info.end_pts = end;
                seen[index] = true;
            } else {
                info.first_pts = std::min(info.first_pts, packet->pts);
                info.end_pts = std::max(info.end_pts, end);
            }
        }
        if (decoders[index]) decode(path, decoders[index].get(), packet.get(), frame.get(), on_frame(index));
        av_packet_unref(packet.get());
    }
    for (unsigned i = 0; i < input->nb_streams; ++i)
        if (decoders[i]) decode(path, decoders[i].get(), nullptr, frame.get(), on_frame(i));
    for (auto& info : facts.streams)
        info.duration_s = static_cast<double>(info.end_pts - info.first_pts) * info.time_base.value();

    std::vector<std::string> boxes;
    if (facts.format.find("mp4") != std::string::npos || facts.format.find("mov") != std::string::npos)
        boxes = mp4_box_paths(path);
    bool saw_moov = false;
    for (const auto& box : boxes) {
        if (box.find('/') == std::string::npos) {
            facts.top_level_boxes.push_back(box);
            if (box == "moov") saw_moov = true;
            if (box == "mdat" && !facts.moov_before_mdat && saw_moov) facts.moov_before_mdat = true;
        }
        if (box.rfind("moov/", 0) == 0) {
            if (box.size() >= 5 && (box.compare(box.size() - 5, 5, "/elst") == 0 ||
                                    box.compare(box.size() - 5, 5, "/edts") == 0))
                facts.has_edit_list = true;
            if (box.size() >= 5 && box.compare(box.size() - 5, 5, "/chpl") == 0) facts.has_chpl = true;
        }
    }
    // moov first means before every mdat, not only before the last one.
    auto first_mdat = std::find(facts.top_level_boxes.begin(), facts.top_level_boxes.end(), "mdat");
    auto first_moov = std::find(facts.top_level_boxes.begin(), facts.top_level_boxes.end(), "moov");
    facts.moov_before_mdat = first_moov != facts.top_level_boxes.end() && first_moov < first_mdat;
    return facts;
}

void for_each_frame_rgb(const fs::path& path, const std::function<bool(const RgbFrame&)>& each) {
    InputPtr input = open_input(path);
    int index = first_stream_of(path, input.get(), AVMEDIA_TYPE_VIDEO);
    CodecPtr decoder = open_decoder(path, input->streams[index]);
    PacketPtr packet(av_packet_alloc());
    FramePtr frame(av_frame_alloc());
    if (!packet || !frame) fail(path, "out of memory");
    RgbConverter converter(path);
    RgbFrame rgb;
    bool go_on = true;
    auto on_frame = [&](const AVFrame* f) {
        if (!go_on) return;
        rgb.width = f->width;
        rgb.height = f->height;
        converter.convert(f, rgb.rgb);
        go_on = each(rgb);
        ++rgb.index;
    };
    while (go_on) {
        int err = av_read_frame(input.get(), packet.get());
        if (err == AVERROR_EOF) break;
        if (err < 0) fail(path, "cannot read a packet", err);
        if (packet->stream_index == index) decode(path, decoder.get(), packet.get(), frame.get(), on_frame);
        av_packet_unref(packet.get());
    }
    if (go_on) decode(path, decoder.get(), nullptr, frame.get(), on_frame);
}

std::vector<RgbFrame> decode_frames_rgb(const fs::path& path, const std::vector<int64_t>& indices) {
    std::vector<int64_t> wanted = indices;
    std::sort(wanted.begin(), wanted.end());
    wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
    std::map<int64_t, RgbFrame> got;
    int64_t last = wanted.empty() ? -1 : wanted.back();
    for_each_frame_rgb(path, [&](const RgbFrame& f) {
        if (std::binary_search(wanted.begin(), wanted.end(), f.index)) got[f.index] = f;
        return f.index < last;
    });
    std::vector<RgbFrame> out;
    for (int64_t i : indices) {
        auto it = got.find(i);
        if (it == got.end()) fail(path, "no frame " + std::to_string(i));
        out.push_back(it->second);
    }
    return out;
}

std::vector<float> decode_audio_stereo(const fs::path& path, int sample_rate) {
    InputPtr input = open_input(path);
    int index = first_stream_of(path, input.get(), AVMEDIA_TYPE_AUDIO);
    CodecPtr decoder = open_decoder(path, input->streams[index]);
    PacketPtr packet(av_packet_alloc());
    FramePtr frame(av_frame_alloc());
    if (!packet || !frame) fail(path, "out of memory");
    SwrPtr swr;
    std::vector<float> out;
    auto on_frame = [&](const AVFrame* f) {
        if (!swr) {
            SwrContext* raw = nullptr;
            AVChannelLayout stereo = AV_CHANNEL_LAYOUT_STEREO;
            int err = swr_alloc_set_opts2(&raw, &stereo, AV_SAMPLE_FMT_FLT, sample_rate, const_cast<AVChannelLayout*>(&f->ch_layout),
                                          static_cast<AVSampleFormat>(f->format), f->sample_rate, 0, nullptr);
            swr.reset(raw);
            if (err < 0 || (err = swr_init(swr.get())) < 0) fail(path, "cannot resample", err);
        }
        int room = swr_get_out_samples(swr.get(), f->nb_samples);
        size_t at = out.size();
        out.resize(at + static_cast<size_t>(room) * 2);
        uint8_t* dst = reinterpret_cast<uint8_t*>(out.data() + at);
        int n = swr_convert(swr.get(), &dst, room, const_cast<const uint8_t**>(f->extended_data), f->nb_samples);
        if (n < 0) fail(path, "resampling failed", n);
        out.resize(at + static_cast<size_t>(n) * 2);
    };
    while (true) {
        int err = av_read_frame(input.get(), packet.get());
        if (err == AVERROR_EOF) break;
        if (err < 0) fail(path, "cannot read a packet", err);
        if (packet->stream_index == index) decode(path, decoder.get(), packet.get(), frame.get(), on_frame);
        av_packet_unref(packet.get());
    }
    decode(path, decoder.get(), nullptr, frame.get(), on_frame);
    if (swr) {
        int room = swr_get_out_samples(swr.get(), 0);
        if (room > 0) {
            size_t at = out.size();
            out.resize(at + static_cast<size_t>(room) * 2);
            uint8_t* dst = reinterpret_cast<uint8_t*>(out.data() + at);
            int n = swr_convert(swr.get(), &dst, room, nullptr, 0);
            out.resize(at + static_cast<size_t>(std::max(n, 0)) * 2);
        }
    }
    return out;
}

}  // namespace koho::test
