// AAC-LC encoding through an AVAudioFifo, the priming handled by moving
// time (see aac_track.h).
#include "video/aac_track.h"

#include <algorithm>
#include <vector>

extern "C" {
#include <libavutil/channel_layout.h>
}

#include "video/audio_buffer.h"
#include "video/av_error.h"

namespace koho::video {

AacTrack::AacTrack(int bitrate_kbps, bool global_header, const SourceLoc& where) : where_(where) {
    const AVCodec* codec = avcodec_find_encoder_by_name("aac");
    if (!codec) fail_system(where_, "this FFmpeg has no native AAC encoder");
    encoder_.reset(avcodec_alloc_context3(codec));
    if (!encoder_) fail_system(where_, "out of memory opening the AAC encoder");
    AVCodecContext* c = encoder_.get();
    c->sample_fmt = AV_SAMPLE_FMT_FLTP;
    c->sample_rate = kSampleRate;
    av_channel_layout_default(&c->ch_layout, kChannels);
    c->bit_rate = static_cast<int64_t>(bitrate_kbps) * 1000;
    c->profile = FF_PROFILE_AAC_LOW;
    c->time_base = AVRational{1, kSampleRate};
    if (global_header) c->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    libav::Options options;
    options.set("aac_coder", "twoloop");  // FFmpeg's default, named so that a change of default shows
    libav::check_av(where_, "cannot open the AAC encoder", avcodec_open2(c, codec, options.get()));
    libav::require_all_consumed(where_, options, "the AAC encoder");

    frame_size_ = c->frame_size;
    priming_ = to_skip_ = c->initial_padding;
    fifo_.reset(av_audio_fifo_alloc(c->sample_fmt, kChannels, frame_size_ * 4));
    frame_.reset(av_frame_alloc());
    if (!fifo_ || !frame_) fail_system(where_, "out of memory for the AAC encoder's buffers");
    frame_->format = c->sample_fmt;
    frame_->nb_samples = frame_size_;
    frame_->sample_rate = kSampleRate;
    libav::check_av(where_, "cannot set the audio frame's channels", av_channel_layout_copy(&frame_->ch_layout, &c->ch_layout));
    libav::check_av(where_, "cannot allocate an audio frame", av_frame_get_buffer(frame_.get(), 0));
}

void AacTrack::add(const float* interleaved, size_t frames) {
    const size_t skip = std::min<size_t>(frames, static_cast<size_t>(to_skip_));
    to_skip_ -= static_cast<int64_t>(skip);
    interleaved += skip * kChannels;
    frames -= skip;
    if (frames == 0) return;
    // Planar copies of the two channels, the layout the encoder takes.
    std::vector<float> left(frames), right(frames);
    for (size_t i = 0; i < frames; ++i) {
        left[i] = interleaved[2 * i];
        right[i] = interleaved[2 * i + 1];
    }
    void* planes[2] = {left.data(), right.data()};
    int written = av_audio_fifo_write(fifo_.get(), planes, static_cast<int>(frames));
    if (written < static_cast<int>(frames)) libav::fail_av(where_, "cannot buffer audio", written < 0 ? written : AVERROR(ENOMEM));
    encode_fifo(false);
}

// Exactly frame_size samples per frame; with `pad_last`, a last partial
// frame is completed with silence (what it adds is cut by duration later).
void AacTrack::encode_fifo(bool pad_last) {
    while (av_audio_fifo_size(fifo_.get()) >= frame_size_ || (pad_last && av_audio_fifo_size(fifo_.get()) > 0)) {
        libav::check_av(where_, "cannot write into an audio frame", av_frame_make_writable(frame_.get()));
        const int got = av_audio_fifo_read(fifo_.get(), reinterpret_cast<void**>(frame_->data), frame_size_);
        if (got < 0) libav::fail_av(where_, "cannot read buffered audio", got);
        if (got < frame_size_)
            av_samples_set_silence(frame_->data, got, frame_size_ - got, kChannels, AV_SAMPLE_FMT_FLTP);
        frame_->pts = encoded_input_;
        encoded_input_ += frame_size_;
        send(frame_.get());
    }
}

void AacTrack::send(AVFrame* frame) {
    int err = avcodec_send_frame(encoder_.get(), frame);
    if (err < 0 && !(frame == nullptr && err == AVERROR_EOF)) libav::fail_av(where_, "the AAC encoder refused a frame", err);
    while (true) {
        libav::PacketPtr packet(av_packet_alloc());
        if (!packet) fail_system(where_, "out of memory for an audio packet");
        err = avcodec_receive_packet(encoder_.get(), packet.get());
        if (err == AVERROR(EAGAIN) || err == AVERROR_EOF) return;
        libav::check_av(where_, "AAC encoding failed", err);
        packet->pts += priming_;
        packet->dts = packet->pts;
        packet->duration = frame_size_;
        pending_.push_back(std::move(packet));
    }
}

void AacTrack::write_ready(int64_t video_end, const Sink& sink) {
    while (!pending_.empty() && pending_.front()->pts + pending_.front()->duration <= video_end) {
        sink(pending_.front().get());
        pending_.pop_front();
    }
}

void AacTrack::finish(int64_t video_end, const Sink& sink) {
    // The encoder must see the mix up to the video's end (less the priming
    // moved in front of it); silence stands for sound that was not given.
    const int64_t wanted = std::max<int64_t>(0, video_end - priming_);
    int64_t have = encoded_input_ + av_audio_fifo_size(fifo_.get());
    if (have < wanted) {
        std::vector<float> silence(static_cast<size_t>(std::min<int64_t>(wanted - have, 48000)) * kChannels, 0.0f);
        while (have < wanted) {
            const size_t n = static_cast<size_t>(std::min<int64_t>(wanted - have, 48000));
            to_skip_ = 0;  // the priming was skipped already or there is no sound at all
            add(silence.data(), n);
            have += static_cast<int64_t>(n);
        }
    }
    encode_fifo(true);
    send(nullptr);
    while (!pending_.empty()) {
        AVPacket* packet = pending_.front().get();
        if (packet->pts < video_end) {
            packet->duration = std::min<int64_t>(packet->duration, video_end - packet->pts);
            sink(packet);
        }
        pending_.pop_front();
    }
}

}  // namespace koho::video
