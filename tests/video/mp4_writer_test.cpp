// Mp4Writer: small videos drawn with Cairo, a tone in the audio, read back
// by stream_facts (libavformat, libavcodec and a walk of the MP4 boxes) —
// never by the writer's own code.
#include "video/mp4_writer.h"

#include <cairo.h>
#include <gtest/gtest.h>
#include <stdlib.h>
#include <unistd.h>

#include <cmath>
#include <fstream>
#include <iterator>
#include <memory>
#include <numbers>

#include "core/diagnostic.h"
#include "raster/decode.h"
#include "video/stream_facts.h"

extern "C" {
#include <libavformat/avformat.h>
}

namespace koho::video {
namespace {

namespace fs = std::filesystem;
using test::read_stream_facts;
using test::StreamFacts;

fs::path scratch() {
    static const fs::path dir = [] {
        fs::path d = fs::temp_directory_path() / ("koho-mp4-writer-" + std::to_string(getpid()));
        fs::remove_all(d);
        fs::create_directories(d);
        return d;
    }();
    return dir;
}

// Campaign red, as in the print samples: a colour whose Y'CbCr differs a
// lot between the BT.601 and BT.709 matrices.
constexpr uint8_t kRed[3] = {0xe6, 0x00, 0x12};

EncodeSettings small_settings() {
    EncodeSettings s;
    s.width = 320;
    s.height = 180;
    s.fps = model::FrameRate{30, 1};
    s.crf = 18;
    s.x264_preset = "veryfast";
    s.threads = 2;
    s.title = "テスト動画";
    return s;
}

struct Surface {
    cairo_surface_t* surface;
    explicit Surface(int w, int h) : surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h)) {}
    ~Surface() { cairo_surface_destroy(surface); }
    const uint8_t* data() {
        cairo_surface_flush(surface);
        return cairo_image_surface_get_data(surface);
    }
    int stride() const { return cairo_image_surface_get_stride(surface); }
};

// Frame `i`: grey, a red block on the left half, a white square moving
// across the right half.
void draw_frame(Surface& s, int width, int height, int64_t i) {
    cairo_t* cr = cairo_create(s.surface);
    cairo_set_source_rgb(cr, 0.5, 0.5, 0.5);
    cairo_paint(cr);
    cairo_set_source_rgb(cr, kRed[0] / 255.0, kRed[1] / 255.0, kRed[2] / 255.0);
    cairo_rectangle(cr, width * 0.05, height * 0.1, width * 0.4, height * 0.8);
    cairo_fill(cr);
    // A dark grey bar: read back with the wrong range it is off by ~8.
    cairo_set_source_rgb(cr, 64 / 255.0, 64 / 255.0, 64 / 255.0);
    cairo_rectangle(cr, width * 0.55, height * 0.75, width * 0.4, height * 0.2);
    cairo_fill(cr);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_rectangle(cr, width * 0.5 + (i % 30) * (width * 0.4 / 30), height * 0.4, height * 0.2, height * 0.2);
    cairo_fill(cr);
    cairo_destroy(cr);
}

// Where frame n starts, in samples (how render_video hands the mix over).
size_t sample_at_frame(int64_t n, model::FrameRate fps) {
    return static_cast<size_t>(std::llround(static_cast<double>(n) * kSampleRate * fps.den / fps.num));
}

// Audio: `tone(t)` in both channels.
template <typename Tone>
void write_video(const fs::path& path, const EncodeSettings& settings, int64_t frames, Tone&& tone,
                 double audio_seconds = -1) {
    Mp4Writer writer(path, settings);
    Surface surface(settings.width, settings.height);
    const size_t audio_end = audio_seconds < 0 ? sample_at_frame(frames, settings.fps)
                                               : static_cast<size_t>(audio_seconds * kSampleRate);
    std::vector<float> chunk;
    for (int64_t i = 0; i < frames; ++i) {
        draw_frame(surface, settings.width, settings.height, i);
        writer.add_video_frame(surface.data(), surface.stride());
        const size_t from = sample_at_frame(i, settings.fps);
        const size_t to = std::min(sample_at_frame(i + 1, settings.fps), audio_end);
        if (to <= from) continue;
        chunk.resize((to - from) * 2);
        for (size_t s = from; s < to; ++s) chunk[(s - from) * 2] = chunk[(s - from) * 2 + 1] = tone(s);
        writer.add_audio(chunk.data(), to - from);
    }
    // More sound than video (a mix that runs on) is cut at the video's end.
    for (size_t s = sample_at_frame(frames, settings.fps); s < audio_end; s += 4800) {
        const size_t n = std::min<size_t>(4800, audio_end - s);
        chunk.assign(n * 2, 0.1f);
        writer.add_audio(chunk.data(), n);
    }
    writer.finish();
    EXPECT_EQ(writer.video_frames(), frames);
}

float sine(size_t s) { return 0.25f * static_cast<float>(std::sin(2 * std::numbers::pi * 440.0 * s / kSampleRate)); }

// One 2-second file shared by the read-back tests.
const fs::path& main_file() {
    static const fs::path path = [] {
        fs::path p = scratch() / "main.mp4";
        EncodeSettings s = small_settings();
        s.duration_s = 2.0;
        s.chapters = {{0.0, "はじめに", {}}, {0.5, "仕事", {}}, {1.2, "応募", {}}};
        write_video(p, s, 60, sine);
        return p;
    }();
    return path;
}

const StreamFacts& main_facts() {
    static const StreamFacts facts = read_stream_facts(main_file());
    return facts;
}

TEST(Mp4Writer, WritesHighProfileYuv420pAtTheSizeAndRate) {
    const auto& v = main_facts().video();
    EXPECT_EQ(v.codec, "h264");
    EXPECT_EQ(v.profile, "High");
    EXPECT_EQ(v.pix_fmt, "yuv420p");
    EXPECT_EQ(v.width, 320);
    EXPECT_EQ(v.height, 180);
    EXPECT_EQ(v.avg_frame_rate.num, 30 * v.avg_frame_rate.den);
}

TEST(Mp4Writer, KeepsEveryFrameAndTheExactDuration) {
    // Without a duration on the last packet the MP4's last sample has
    // none and the track is one frame short (59 frames' worth, 1.967 s;
    // 60 frames over it read back as 30.5 fps). FFmpeg 5.1's muxer guesses
    // a duration from the stream's frame rate when one is set, so the
    // writer sets both.
    const auto& v = main_facts().video();
    EXPECT_EQ(v.packets, 60);
    EXPECT_EQ(v.decoded_frames, 60);
    EXPECT_DOUBLE_EQ(v.duration_s, 2.0);
    EXPECT_DOUBLE_EQ(v.declared_duration_s, 2.0);
    EXPECT_EQ(v.first_pts, 0);  // the first frame is shown at 0, without an edit list to say so
    // The muxer chose its own time base (1/15360 for 30 fps, not the
    // encoder's 1/30): durations above hold only because packet times
    // were rescaled to it.
    EXPECT_EQ(v.time_base.num, 1);
    EXPECT_EQ(v.time_base.den, 15360);
    EXPECT_NEAR(main_facts().container_duration_s, 2.0, 1e-3);
}

TEST(Mp4Writer, TagsBt709LimitedRange) {
    const auto& v = main_facts().video();
    EXPECT_EQ(v.color_primaries, "bt709");
    EXPECT_EQ(v.color_trc, "bt709");
    EXPECT_EQ(v.color_space, "bt709");
    EXPECT_EQ(v.color_range, "tv");
}

TEST(Mp4Writer, UsesBFramesAndClosedGopsOfHalfTheFrameRate) {
    const auto& v = main_facts().video();
    EXPECT_GT(v.b_frames, 0) << v.picture_types;
    EXPECT_GT(v.video_delay, 0);
    // Scene cuts are off: key frames exactly every 15 frames, nowhere else.
    EXPECT_EQ(v.keyframes, (std::vector<int64_t>{0, 15, 30, 45})) << v.picture_types;
    EXPECT_EQ(v.key_packets, 4);
    for (int64_t k : v.keyframes) EXPECT_EQ(v.picture_types[static_cast<size_t>(k)], 'I') << v.picture_types;
    // Closed GOP: no frame after a key frame in decode order is shown before it.
    EXPECT_EQ(v.leading_pictures, 0);
}

TEST(Mp4Writer, PassesThePresetsRateControlAndStructureToX264) {
    // x264's own record of what it did, from the stream.
    const auto& v = main_facts().video();
    ASSERT_FALSE(v.x264_settings.empty());
    EXPECT_EQ(v.x264_setting("cabac"), "1");
    EXPECT_EQ(v.x264_setting("bframes"), "2");
    EXPECT_EQ(v.x264_setting("open_gop"), "0");
    EXPECT_EQ(v.x264_setting("keyint"), "15");
    EXPECT_EQ(v.x264_setting("scenecut"), "0");
    EXPECT_EQ(v.x264_setting("rc"), "crf");
    EXPECT_EQ(v.x264_setting("crf"), "18.0");
    EXPECT_EQ(v.x264_setting("vbv_maxrate"), "8000");
    EXPECT_EQ(v.x264_setting("vbv_bufsize"), "16000");
    EXPECT_EQ(v.x264_setting("threads"), "2");
    EXPECT_EQ(v.x264_setting("subme"), "2");  // veryfast's (medium's is 7)
}

TEST(Mp4Writer, PutsMoovFirstAndWritesNoEditList) {
    const auto& f = main_facts();
    EXPECT_NE(f.format.find("mp4"), std::string::npos);
    EXPECT_TRUE(f.moov_before_mdat) << testing::PrintToString(f.top_level_boxes);
    EXPECT_FALSE(f.has_edit_list);
    ASSERT_FALSE(f.top_level_boxes.empty());
    EXPECT_EQ(f.top_level_boxes.front(), "ftyp");
    // Signed composition offsets (ctts version 1) belong to the iso4 brand.
    EXPECT_EQ(f.metadata.at("major_brand"), "iso4");
}

TEST(Mp4Writer, WritesAacLc48kStereoAtTheBitRate) {
    const auto& a = main_facts().audio();
    EXPECT_EQ(a.codec, "aac");
    EXPECT_EQ(a.profile, "LC");
    EXPECT_EQ(a.sample_rate, 48000);
    EXPECT_EQ(a.channels, 2);
    EXPECT_EQ(a.frame_size, 1024);
    EXPECT_EQ(a.metadata.at("language"), "jpn");
    EXPECT_EQ(main_facts().metadata.at("title"), "テスト動画");
}

TEST(Mp4Writer, EndsTheAudioExactlyWhereTheVideoEnds) {
    // 2 s is 96000 samples: 93.75 AAC frames. Plus the encoder's 1024
    // samples of priming the encoder would emit 95 frames (97280 samples,
    // 1.3 frames too long); the last packet is cut by duration so the
    // track is exactly as long as the video: not one sample more.
    const auto& a = main_facts().audio();
    const auto& v = main_facts().video();
    EXPECT_EQ(a.first_pts, 0);
    EXPECT_EQ(a.time_base.num, 1);
    EXPECT_EQ(a.time_base.den, 48000);
    EXPECT_EQ(a.end_pts, 96000);
    EXPECT_EQ(a.packets, 94);  // ceil(96000 / 1024)
    EXPECT_DOUBLE_EQ(a.duration_s, v.duration_s);
    EXPECT_DOUBLE_EQ(a.declared_duration_s, v.declared_duration_s);
}

TEST(Mp4Writer, AudioOfA2997VideoEndsAtTheNearestSample) {
    EncodeSettings s = small_settings();
    s.fps = model::FrameRate{30000, 1001};
    fs::path p = scratch() / "ntsc.mp4";
    write_video(p, s, 45, sine, /*audio_seconds=*/3.0);  // the mix runs past the video
    StreamFacts f = read_stream_facts(p);
    EXPECT_EQ(f.video().packets, 45);
    EXPECT_DOUBLE_EQ(f.video().duration_s, 45 * 1001 / 30000.0);
    EXPECT_EQ(f.video().keyframes, (std::vector<int64_t>{0, 15, 30}));  // round(29.97 / 2)
    // 45 frames × 1601.6 samples = 72072 samples.
    EXPECT_EQ(f.audio().end_pts - f.audio().first_pts, 72072);
    EXPECT_NEAR(f.audio().duration_s, f.video().duration_s, 0.5 / 48000);
}

TEST(Mp4Writer, KeepsTheSoundInSyncWithoutAnEditList) {
    // Silence with a burst from 1.000 s: decoded, it starts at sample
    // 48000 of the file, not 1024 samples (the AAC priming) later.
    fs::path p = scratch() / "sync.mp4";
    auto burst = [](size_t s) {
        return s >= 48000 && s < 52800 ? 0.5f * static_cast<float>(std::sin(2 * std::numbers::pi * 1000.0 * s / 48000))
                                       : 0.0f;
    };
    write_video(p, small_settings(), 60, burst);
    std::vector<float> pcm = test::decode_audio_stereo(p, 48000);
    size_t onset = 0;
    for (size_t i = 0; i < pcm.size() / 2; ++i)
        if (std::abs(pcm[2 * i]) > 0.1f) {
            onset = i;
            break;
        }
    // AAC's pre-echo can bring energy a little ahead of the attack; the
    // priming error this guards against is 1024 samples.
    EXPECT_NEAR(static_cast<double>(onset), 48000.0, 64.0);
}

// Where each packet of `path` lies in the file: (is audio, seconds, byte offset).
struct PacketPlace {
    bool audio;
    double t;
    int64_t pos;
};
std::vector<PacketPlace> packet_places(const fs::path& path) {
    AVFormatContext* raw = nullptr;
    if (avformat_open_input(&raw, path.c_str(), nullptr, nullptr) < 0) return {};
    std::unique_ptr<AVFormatContext, void (*)(AVFormatContext*)> in(raw, [](AVFormatContext* c) { avformat_close_input(&c); });
    std::unique_ptr<AVPacket, void (*)(AVPacket*)> pkt(av_packet_alloc(), [](AVPacket* p) { av_packet_free(&p); });
    std::vector<PacketPlace> places;
    while (av_read_frame(in.get(), pkt.get()) >= 0) {
        const AVStream* st = in->streams[pkt->stream_index];
        places.push_back({st->codecpar->codec_type == AVMEDIA_TYPE_AUDIO, pkt->pts * av_q2d(st->time_base), pkt->pos});
        av_packet_unref(pkt.get());
    }
    return places;
}

TEST(Mp4Writer, InterleavesFromTheStartWhenTheSoundArrivesLate) {
    // render_video mixes the sound beside the first frames, so many seconds
    // of video may be encoded before the first sample arrives. The muxer
    // must hold the video for it, not open the file on seconds of picture
    // alone (a player streaming the file would stall for the sound).
    EncodeSettings s = small_settings();
    s.fps = model::FrameRate{10, 1};
    const fs::path p = scratch() / "late-sound.mp4";
    {
        Mp4Writer writer(p, s);
        Surface surface(s.width, s.height);
        const int64_t frames = 140;  // 14 s: past libavformat's default 10 s interleave window
        for (int64_t i = 0; i < frames; ++i) {
            draw_frame(surface, s.width, s.height, i);
            writer.add_video_frame(surface.data(), surface.stride());
        }
        std::vector<float> sound(sample_at_frame(frames, s.fps) * 2);
        for (size_t i = 0; i < sound.size() / 2; ++i) sound[2 * i] = sound[2 * i + 1] = sine(i);
        writer.add_audio(sound.data(), sound.size() / 2);
        writer.finish();
    }
    const auto places = packet_places(p);
    ASSERT_FALSE(places.empty());
    int64_t first_audio = -1, video_at_1s = -1;
    for (const auto& pl : places) {
        if (pl.audio && (first_audio < 0 || pl.pos < first_audio)) first_audio = pl.pos;
        if (!pl.audio && pl.t >= 1.0 && (video_at_1s < 0 || pl.pos < video_at_1s)) video_at_1s = pl.pos;
    }
    ASSERT_GE(first_audio, 0);
    ASSERT_GE(video_at_1s, 0);
    EXPECT_LT(first_audio, video_at_1s) << "the first sound lies after a second of picture in the file";
}

TEST(Mp4Writer, WritesChaptersReadBackByLibavformat) {
    const auto& chapters = main_facts().chapters;
    ASSERT_EQ(chapters.size(), 3u);
    EXPECT_EQ(chapters[0].title, "はじめに");
    EXPECT_EQ(chapters[1].title, "仕事");
    EXPECT_EQ(chapters[2].title, "応募");
    EXPECT_NEAR(chapters[0].start_s, 0.0, 1e-3);
    EXPECT_NEAR(chapters[1].start_s, 0.5, 1e-3);
    EXPECT_NEAR(chapters[2].start_s, 1.2, 1e-3);
    EXPECT_NEAR(chapters[0].end_s, 0.5, 1e-3);
    EXPECT_NEAR(chapters[2].end_s, 2.0, 1e-3);
    // Both forms FFmpeg's MP4 muxer writes: the Nero list and a text track.
    EXPECT_TRUE(main_facts().has_chpl);
}

TEST(Mp4Writer, EndsTheLastChapterWithTheVideoWhenNoDurationIsGiven) {
    EncodeSettings s = small_settings();
    s.chapters = {{0.0, "前半", {}}, {0.5, "後半", {}}};
    s.duration_s = 0;
    fs::path p = scratch() / "chapters-open.mp4";
    write_video(p, s, 27, sine);  // 0.9 s
    StreamFacts f = read_stream_facts(p);
    ASSERT_EQ(f.chapters.size(), 2u);
    EXPECT_NEAR(f.chapters[0].end_s, 0.5, 1e-3);
    EXPECT_NEAR(f.chapters[1].end_s, 0.9, 1e-3);
}

// What a player reading the tag (BT.709) shows for `rgb` if the writer
// had converted with BT.601 instead: the error the colour test must catch.
std::array<double, 3> bt601_written_bt709_read(const uint8_t rgb[3]) {
    const double r = rgb[0] / 255.0, g = rgb[1] / 255.0, b = rgb[2] / 255.0;
    const double y = 0.299 * r + 0.587 * g + 0.114 * b;
    const double cb = (b - y) / 1.772, cr = (r - y) / 1.402;
    const double r2 = y + 1.5748 * cr, b2 = y + 1.8556 * cb;
    const double g2 = (y - 0.2126 * r2 - 0.0722 * b2) / 0.7152;
    auto c = [](double v) { return std::clamp(v, 0.0, 1.0) * 255; };
    return {c(r2), c(g2), c(b2)};
}

TEST(Mp4Writer, ConvertsWithTheMatrixItTags) {
    // Decoded through the tag (BT.709, limited range) the red block is the
    // red that was drawn; a BT.601 conversion would be off by far more.
    auto frames = test::decode_frames_rgb(main_file(), {0, 31, 59});
    constexpr int kTolerance = 4;
    const auto wrong = bt601_written_bt709_read(kRed);
    double wrong_distance = 0;
    for (int c = 0; c < 3; ++c) wrong_distance = std::max(wrong_distance, std::abs(wrong[c] - kRed[c]));
    ASSERT_GT(wrong_distance, 4 * kTolerance);  // the test can tell the two apart
    for (const auto& f : frames) {
        ASSERT_EQ(f.width, 320);
        for (auto [x, y] : {std::pair{40, 90}, std::pair{100, 40}, std::pair{130, 140}}) {
            auto px = f.at(x, y);
            EXPECT_NEAR(px[0], kRed[0], kTolerance) << "frame " << f.index << " at " << x << "," << y;
            EXPECT_NEAR(px[1], kRed[1], kTolerance) << "frame " << f.index;
            EXPECT_NEAR(px[2], kRed[2], kTolerance) << "frame " << f.index;
        }
        // Greys stay grey and keep their level: a full-range conversion
        // read through the limited-range tag would make 64 about 56.
        auto grey = f.at(200, 20);
        for (int c = 0; c < 3; ++c) EXPECT_NEAR(grey[c], 128, 3);
        auto dark = f.at(250, 155);
        for (int c = 0; c < 3; ++c) EXPECT_NEAR(dark[c], 64, 3) << "frame " << f.index;
    }
}

std::string bytes_of(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The muxer options are what make the file right: with FFmpeg 5.1's
// defaults back, each fact the tests above rely on turns (so those tests
// can fail, and the options are not dead weight).
TEST(Mp4Writer, MuxerDefaultsWouldWriteAnEditListAMoovLastAndADelayedFirstFrame) {
    EncodeSettings s = small_settings();
    s.muxer_options = {{"use_editlist", "1"}};
    fs::path edit = scratch() / "editlist.mp4";
    write_video(edit, s, 30, sine);
    EXPECT_TRUE(read_stream_facts(edit).has_edit_list);

    s.muxer_options = {{"movflags", "+negative_cts_offsets"}};  // no faststart
    fs::path late = scratch() / "moov-last.mp4";
    write_video(late, s, 30, sine);
    StreamFacts late_facts = read_stream_facts(late);
    EXPECT_FALSE(late_facts.moov_before_mdat) << testing::PrintToString(late_facts.top_level_boxes);

    // Without signed composition offsets the muxer moves every time by the
    // B-frame delay to make the first dts 0: with no edit list the first
    // frame then shows late and the audio's first packet is stretched.
    s.muxer_options = {{"movflags", "+faststart"}};
    fs::path shifted = scratch() / "shifted.mp4";
    write_video(shifted, s, 30, sine);
    StreamFacts shifted_facts = read_stream_facts(shifted);
    EXPECT_FALSE(shifted_facts.has_edit_list);
    EXPECT_GT(shifted_facts.video().first_pts, 0);
    EXPECT_GT(shifted_facts.audio().duration_s, shifted_facts.video().duration_s);
}

TEST(Mp4Writer, WritesTheSameBytesTwiceWithAFixedThreadCount) {
    EncodeSettings s = small_settings();
    s.threads = 2;
    s.x264_preset = "medium";  // the presets' own: frame threads, lookahead, mbtree
    s.chapters = {{0.0, "一", {}}, {0.4, "二", {}}};
    s.duration_s = 1.0;
    fs::path a = scratch() / "same-a.mp4", b = scratch() / "same-b.mp4";
    write_video(a, s, 30, sine);
    write_video(b, s, 30, sine);
    std::string bytes_a = bytes_of(a), bytes_b = bytes_of(b);
    ASSERT_GT(bytes_a.size(), 1000u);
    EXPECT_TRUE(bytes_a == bytes_b) << "the two files differ";
}

TEST(Mp4Writer, DatesTheFileBySourceDateEpochOrNotAtAll) {
    EncodeSettings s = small_settings();
    fs::path undated = scratch() / "undated.mp4", dated = scratch() / "dated.mp4";
    ::unsetenv("SOURCE_DATE_EPOCH");
    write_video(undated, s, 5, sine);
    ::setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
    write_video(dated, s, 5, sine);
    ::unsetenv("SOURCE_DATE_EPOCH");
    // No clock: without the variable the MP4's times are 0 (not exported).
    EXPECT_EQ(read_stream_facts(undated).metadata.count("creation_time"), 0u);
    EXPECT_EQ(read_stream_facts(dated).metadata["creation_time"], "2023-11-14T22:13:20.000000Z");
}

TEST(Mp4Writer, WritesNoAudioTrackWhenAskedNot) {
    EncodeSettings s = small_settings();
    s.audio = false;
    fs::path p = scratch() / "silent.mp4";
    write_video(p, s, 10, sine);
    StreamFacts f = read_stream_facts(p);
    EXPECT_FALSE(f.has_audio());
    EXPECT_EQ(f.video().packets, 10);
    EXPECT_FALSE(f.has_edit_list);
}

TEST(Mp4Writer, PadsMissingSoundWithSilenceToTheVideosEnd) {
    fs::path p = scratch() / "short-audio.mp4";
    write_video(p, small_settings(), 30, sine, /*audio_seconds=*/0.3);
    StreamFacts f = read_stream_facts(p);
    EXPECT_EQ(f.audio().end_pts - f.audio().first_pts, 48000);
    EXPECT_DOUBLE_EQ(f.audio().duration_s, f.video().duration_s);
}

TEST(Mp4Writer, RefusesAnOptionNothingConsumes) {
    EncodeSettings s = small_settings();
    s.muxer_options = {{"use_edtlist", "0"}};
    try {
        Mp4Writer writer(scratch() / "typo.mp4", s);
        FAIL() << "a misspelt muxer option was accepted";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Failure);
        EXPECT_NE(e.message().find("MP4 muxer"), std::string::npos) << e.message();
        EXPECT_NE(e.message().find("use_edtlist"), std::string::npos) << e.message();
    }
    s.muxer_options.clear();
    s.video_codec_options = {{"crff", "20"}};
    try {
        Mp4Writer writer(scratch() / "typo2.mp4", s);
        FAIL() << "a misspelt encoder option was accepted";
    } catch (const Error& e) {
        EXPECT_NE(e.message().find("libx264"), std::string::npos) << e.message();
        EXPECT_NE(e.message().find("crff"), std::string::npos) << e.message();
    }
    // The same seam accepts an option the encoder knows.
    s.video_codec_options = {{"aq-mode", "1"}};
    EXPECT_NO_THROW(Mp4Writer(scratch() / "known.mp4", s));
}

TEST(Mp4Writer, RefusesOddSizesAndUnknownX264Presets) {
    EncodeSettings s = small_settings();
    s.width = 321;
    EXPECT_THROW(Mp4Writer(scratch() / "odd.mp4", s), Error);
    s = small_settings();
    s.x264_preset = "warpspeed";
    try {
        Mp4Writer writer(scratch() / "preset.mp4", s);
        FAIL() << "an unknown x264 preset was accepted";
    } catch (const Error& e) {
        EXPECT_NE(e.message().find("warpspeed"), std::string::npos) << e.message();
    }
}

TEST(Thumbnail, Is1280x720JpegOfTheFrame) {
    Surface surface(640, 360);
    draw_frame(surface, 640, 360, 0);
    fs::path jpg = scratch() / "thumb.jpg";
    write_thumbnail(jpg, surface.data(), 640, 360, surface.stride());
    std::string bytes = bytes_of(jpg);
    ASSERT_GE(bytes.size(), 3u);
    EXPECT_EQ(static_cast<unsigned char>(bytes[0]), 0xff);
    EXPECT_EQ(static_cast<unsigned char>(bytes[1]), 0xd8);
    auto image = raster::decode_image(jpg, SourceLoc{"thumb", 0, 0, ""});
    ASSERT_EQ(image->width, 1280);
    ASSERT_EQ(image->height, 720);
    uint32_t px = image->pixels[static_cast<size_t>(360) * 1280 + 200];  // inside the red block
    EXPECT_NEAR((px >> 16) & 0xff, kRed[0], 6);
    EXPECT_NEAR((px >> 8) & 0xff, kRed[1], 6);
    EXPECT_NEAR(px & 0xff, kRed[2], 6);
}

TEST(Thumbnail, KeepsThePortraitShape) {
    Surface surface(360, 640);
    draw_frame(surface, 360, 640, 0);
    fs::path jpg = scratch() / "portrait.jpg";
    write_thumbnail(jpg, surface.data(), 360, 640, surface.stride());
    auto image = raster::decode_image(jpg, SourceLoc{"portrait", 0, 0, ""});
    EXPECT_EQ(image->width, 720);
    EXPECT_EQ(image->height, 1280);
}

}  // namespace
}  // namespace koho::video
