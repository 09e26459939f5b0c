// probe_media: what a media file holds, from its headers and FFmpeg's
// stream analysis (no full decode).
#include <algorithm>
#include <cmath>

#include "video/media_input.h"
#include "video/media_open.h"
#include "video/media_rotation.h"

namespace koho::video {

namespace {

double stream_seconds(const AVStream& stream) {
    if (stream.duration == AV_NOPTS_VALUE) return 0;
    return static_cast<double>(stream.duration) * av_q2d(stream.time_base);
}

double average_fps(const AVStream& stream) {
    if (stream.avg_frame_rate.num > 0 && stream.avg_frame_rate.den > 0) return av_q2d(stream.avg_frame_rate);
    if (stream.r_frame_rate.num > 0 && stream.r_frame_rate.den > 0) return av_q2d(stream.r_frame_rate);
    return 0;
}

}  // namespace

namespace media {

MediaInfo describe(const AVFormatContext& format_ctx) {
    const AVFormatContext* format = &format_ctx;
    MediaInfo info;
    const int video = media::first_stream(*format, AVMEDIA_TYPE_VIDEO);
    const int audio = media::first_stream(*format, AVMEDIA_TYPE_AUDIO);
    info.has_video = video >= 0;
    info.has_audio = audio >= 0;

    if (format->duration != AV_NOPTS_VALUE && format->duration > 0) {
        info.duration_s = static_cast<double>(format->duration) / AV_TIME_BASE;
    } else {
        for (unsigned i = 0; i < format->nb_streams; ++i)
            info.duration_s = std::max(info.duration_s, stream_seconds(*format->streams[i]));
    }

    if (info.has_video) {
        const AVStream& stream = *format->streams[video];
        info.width = stream.codecpar->width;
        info.height = stream.codecpar->height;
        // Non-square pixels (DV, anamorphic HDV): the size the picture is
        // shown at, widened by the sample aspect ratio as players do.
        const AVRational sar = av_guess_sample_aspect_ratio(const_cast<AVFormatContext*>(format),
                                                            const_cast<AVStream*>(&stream), nullptr);
        if (sar.num > 0 && sar.den > 0 && sar.num != sar.den)
            info.width = static_cast<int>(std::lround(double(info.width) * sar.num / sar.den));
        if (media::quarter_turns(stream) % 2 == 1) std::swap(info.width, info.height);
        info.fps = average_fps(stream);
        info.video_codec = avcodec_get_name(stream.codecpar->codec_id);
    }
    if (info.has_audio) info.audio_codec = avcodec_get_name(format->streams[audio]->codecpar->codec_id);
    return info;
}

}  // namespace media

MediaInfo probe_media(const std::filesystem::path& path, const SourceLoc& where, uint64_t max_frame_pixels) {
    return media::describe(*media::open_media(path, where, max_frame_pixels));
}

}  // namespace koho::video
