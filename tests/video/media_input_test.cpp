// Reading media (video/media_input.h): inputs are made by the ffmpeg CLI in
// a temporary directory; the samples and pixels koho reads are checked
// against what those commands put in (ramps that carry their own time,
// tones of known level and pitch, frames whose colour is their index).
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "video/media_input.h"

namespace fs = std::filesystem;
using koho::Error;
using koho::ErrorKind;
using koho::SourceLoc;
using namespace koho::video;

namespace {

fs::path g_dir;

void ffmpeg(const std::string& args, const fs::path& out) {
    const std::string command = "ffmpeg -nostdin -loglevel error -y " + args + " '" + out.string() + "'";
    ASSERT_EQ(std::system(command.c_str()), 0) << command;
}

class MediaInput : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        std::string pattern = (fs::temp_directory_path() / "koho-media-input-XXXXXX").string();
        ASSERT_NE(mkdtemp(pattern.data()), nullptr);
        g_dir = pattern;
        // Left: a ramp equal to t/8 (its value says when it was sampled);
        // right: a 440 Hz tone at 0.5. 4 s, 48 kHz, float samples.
        ffmpeg("-f lavfi -i \"aevalsrc=t/8|0.5*sin(2*PI*440*t):s=48000:d=4\" -c:a pcm_f32le", g_dir / "ramp48.wav");
        // The same ramp, mono, 44.1 kHz: resampled on the way in.
        ffmpeg("-f lavfi -i \"aevalsrc=t/8:s=44100:d=4\" -c:a pcm_f32le", g_dir / "ramp44-mono.wav");
        // A 1 kHz tone at 0.5, mono 44.1 kHz 16-bit.
        ffmpeg("-f lavfi -i \"aevalsrc=0.5*sin(2*PI*1000*t):s=44100:d=2\"", g_dir / "tone-mono.wav");
        // 5.1: a 300 Hz tone on FL only, 500 Hz on FC only, 50 Hz on LFE only.
        ffmpeg("-f lavfi -i \"aevalsrc=0.4*sin(2*PI*300*t)|0|0.4*sin(2*PI*500*t)|0.4*sin(2*PI*50*t)|0|0"
               ":c=5.1:s=48000:d=2\" -c:a flac",
               g_dir / "surround.flac");
        // Camera-like footage: H.264 + AAC in MP4.
        ffmpeg("-f lavfi -i testsrc2=s=160x90:r=25:d=3 -f lavfi -i \"sine=f=440:r=44100:d=3\" "
               "-c:v libx264 -preset ultrafast -pix_fmt yuv420p -c:a aac -shortest",
               g_dir / "clip.mp4");
        ffmpeg("-f lavfi -i testsrc2=s=160x90:r=25:d=1 -c:v libx264 -preset ultrafast -pix_fmt yuv420p",
               g_dir / "silent.mp4");
        // 40 frames at 10 fps; frame n is grey-blue with red = 6n, keyframe
        // every second, B-frames on: frame order differs from decode order.
        ffmpeg("-f lavfi -i \"nullsrc=s=64x48:r=10:d=4,format=gbrp,geq=r='6*N':g='128':b='64'\" "
               "-c:v libx264 -preset ultrafast -bf 2 -g 10 -crf 0 -pix_fmt yuv444p",
               g_dir / "counter.mp4");
        // The same frames in MPEG-TS, whose timestamps start at 1.4 s.
        ffmpeg("-i '" + (g_dir / "counter.mp4").string() + "' -c copy -f mpegts", g_dir / "counter.ts");
        // The ramp (t/8) in MPEG-TS as 24-bit SMPTE 302M PCM, for cutting
        // after a seek that searches timestamps.
        ffmpeg("-f lavfi -i \"aevalsrc=t/8|t/8:s=48000:d=4\" -c:a s302m -sample_fmt s32 -strict -2 -f mpegts",
               g_dir / "ramp.ts");
        // Left half red, right half blue, stored with a display matrix that
        // turns it a quarter (the ffmpeg CLI shows blue on top).
        ffmpeg("-f lavfi -i \"color=c=red:s=32x16:r=10:d=1,drawbox=x=16:y=0:w=16:h=16:c=blue:t=fill\" "
               "-c:v libx264 -preset ultrafast -pix_fmt yuv444p -crf 0",
               g_dir / "flat.mp4");
        ffmpeg("-i '" + (g_dir / "flat.mp4").string() + "' -c copy -metadata:s:v:0 rotate=90", g_dir / "turned.mp4");
        // Anamorphic: 160×90 stored, pixels twice as wide as tall.
        ffmpeg("-f lavfi -i \"color=c=green:s=160x90:r=10:d=1,setsar=2\" -c:v libx264 -preset ultrafast "
               "-pix_fmt yuv420p",
               g_dir / "anamorphic.mp4");
        std::ofstream(g_dir / "notes.mp4") << "This is a text file, not a video.\n";
    }
    static void TearDownTestSuite() {
        std::error_code ec;
        fs::remove_all(g_dir, ec);
    }
    static fs::path file(const char* name) { return g_dir / name; }
    static SourceLoc where() { return {"timeline.json", 7, 3, "/scenes/0/layers/1/src"}; }
};

float left(const AudioBuffer& a, size_t frame) { return a.samples[frame * 2]; }
float right(const AudioBuffer& a, size_t frame) { return a.samples[frame * 2 + 1]; }

double rms(const AudioBuffer& a, int channel, size_t from, size_t to) {
    double sum = 0;
    for (size_t i = from; i < to; ++i) sum += double(a.samples[i * 2 + channel]) * a.samples[i * 2 + channel];
    return std::sqrt(sum / double(to - from));
}

// Pitch from upward zero crossings over [from, to).
double pitch_hz(const AudioBuffer& a, int channel, size_t from, size_t to) {
    int crossings = 0;
    for (size_t i = from + 1; i < to; ++i)
        if (a.samples[(i - 1) * 2 + channel] < 0 && a.samples[i * 2 + channel] >= 0) ++crossings;
    return crossings * double(kSampleRate) / double(to - from);
}

// Frame index of a counter.mp4 picture, from the red of its centre pixel
// (Cairo ARGB32 little-endian: B G R A).
int counter_index(const VideoFrameView& v) {
    const uint8_t* px = v.data + (v.height / 2) * v.stride + (v.width / 2) * 4;
    return static_cast<int>(std::lround(px[2] / 6.0));
}

TEST_F(MediaInput, ProbeReportsStreamsSizeRateAndDuration) {
    const MediaInfo clip = probe_media(file("clip.mp4"), where());
    EXPECT_TRUE(clip.has_video);
    EXPECT_TRUE(clip.has_audio);
    EXPECT_EQ(clip.width, 160);
    EXPECT_EQ(clip.height, 90);
    EXPECT_NEAR(clip.fps, 25.0, 1e-6);
    EXPECT_NEAR(clip.duration_s, 3.0, 0.05);

    const MediaInfo wav = probe_media(file("ramp48.wav"), where());
    EXPECT_FALSE(wav.has_video);
    EXPECT_TRUE(wav.has_audio);
    EXPECT_NEAR(wav.duration_s, 4.0, 1e-3);

    const MediaInfo silent = probe_media(file("silent.mp4"), where());
    EXPECT_TRUE(silent.has_video);
    EXPECT_FALSE(silent.has_audio);

    const MediaInfo wide_pixels = probe_media(file("anamorphic.mp4"), where());
    EXPECT_EQ(wide_pixels.width, 320);  // shown at the sample aspect ratio
    EXPECT_EQ(wide_pixels.height, 90);
    VideoReader anamorphic(file("anamorphic.mp4"), where());
    EXPECT_EQ(anamorphic.frame_at(0).width, 320);

    const MediaInfo turned = probe_media(file("turned.mp4"), where());
    EXPECT_EQ(turned.width, 16);  // a quarter turn swaps the sides
    EXPECT_EQ(turned.height, 32);
}

TEST_F(MediaInput, UnreadableFileIsBadInputNamingIt) {
    try {
        probe_media(file("notes.mp4"), where());
        FAIL() << "a text file was read as media";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::BadInput);
        EXPECT_NE(e.message().find("notes.mp4: not a media file FFmpeg can read ("), std::string::npos)
            << e.message();
        EXPECT_EQ(e.loc().pointer, "/scenes/0/layers/1/src");
        EXPECT_EQ(e.loc().line, 7);
    }
    try {
        decode_audio(file("missing.wav"), where());
        FAIL() << "a missing file was decoded";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::BadInput);
        EXPECT_NE(e.message().find("missing.wav"), std::string::npos) << e.message();
    }
}

TEST_F(MediaInput, NoAudioStreamIsBadInput) {
    try {
        decode_audio(file("silent.mp4"), where());
        FAIL() << "silent.mp4 gave sound";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::BadInput);
        EXPECT_NE(e.message().find("silent.mp4 has no audio stream"), std::string::npos) << e.message();
    }
}

TEST_F(MediaInput, WholeFileAt48kIsSampleExact) {
    const AudioBuffer a = decode_audio(file("ramp48.wav"), where());
    ASSERT_EQ(a.frames(), 4u * 48000);
    for (size_t k : {0ul, 1ul, 12345ul, 191999ul}) EXPECT_NEAR(left(a, k), k / 48000.0 / 8, 1e-6) << k;
    EXPECT_NEAR(rms(a, 1, 0, a.frames()), 0.5 / std::sqrt(2.0), 1e-3);
}

TEST_F(MediaInput, StartAndLengthCutSampleExactly) {
    // Without a seek (start under a second) and with one (start 2.5 s).
    for (double start : {0.3, 2.5}) {
        const AudioBuffer a = decode_audio(file("ramp48.wav"), where(), start, 0.75);
        ASSERT_EQ(a.frames(), 36000u) << start;
        EXPECT_NEAR(left(a, 0), start / 8, 1e-6) << start;
        EXPECT_NEAR(left(a, 35999), (start + 35999 / 48000.0) / 8, 1e-6) << start;
    }
    // Sample-rate-exact starts that are not on a packet boundary.
    const AudioBuffer odd = decode_audio(file("ramp48.wav"), where(), 1.0 + 7.0 / 48000, 1.0 / 48000 * 3);
    ASSERT_EQ(odd.frames(), 3u);
    EXPECT_NEAR(left(odd, 0), (1.0 + 7.0 / 48000) / 8, 1e-6);
}

TEST_F(MediaInput, LengthPastTheEndStopsAtTheEnd) {
    EXPECT_EQ(decode_audio(file("ramp48.wav"), where(), 3.5, 2.0).frames(), 24000u);
    EXPECT_EQ(decode_audio(file("ramp48.wav"), where(), 1.5).frames(), 120000u);
    EXPECT_EQ(decode_audio(file("ramp48.wav"), where(), 9.0).frames(), 0u);
}

TEST_F(MediaInput, MonoIsResampledAndCopiedToBothSides) {
    const AudioBuffer a = decode_audio(file("ramp44-mono.wav"), where(), 2.25, 0.5);
    ASSERT_EQ(a.frames(), 24000u);
    for (size_t k : {0ul, 100ul, 23999ul}) {
        // The ramp says when each sample was taken: within a sample or two
        // of 48 kHz time (the resampler's filter smooths a little).
        EXPECT_NEAR(left(a, k), (2.25 + k / 48000.0) / 8, 4 / 48000.0 / 8) << k;
        EXPECT_EQ(left(a, k), right(a, k)) << k;
    }

    const AudioBuffer tone = decode_audio(file("tone-mono.wav"), where());
    ASSERT_EQ(tone.frames(), 2u * 48000);
    // Full level on each side (not −3 dB), pitch unchanged by resampling.
    EXPECT_NEAR(rms(tone, 0, 4800, 91200), 0.5 / std::sqrt(2.0), 2e-3);
    EXPECT_NEAR(rms(tone, 1, 4800, 91200), 0.5 / std::sqrt(2.0), 2e-3);
    EXPECT_NEAR(pitch_hz(tone, 0, 0, tone.frames()), 1000.0, 1.0);
}

TEST_F(MediaInput, SurroundIsDownmixedWithoutTheLfe) {
    const AudioBuffer a = decode_audio(file("surround.flac"), where());
    ASSERT_EQ(a.frames(), 2u * 48000);
    // FL (300 Hz) + FC at −3 dB (500 Hz) on the left; the right gets only
    // FC. The 50 Hz LFE is left out. Each tone is measured by correlating
    // with a reference at its frequency.
    auto amplitude = [&](int channel, double hz) {
        double re = 0, im = 0;
        const size_t n = a.frames();
        for (size_t i = 0; i < n; ++i) {
            const double phase = 2 * M_PI * hz * double(i) / kSampleRate;
            re += a.samples[i * 2 + channel] * std::cos(phase);
            im += a.samples[i * 2 + channel] * std::sin(phase);
        }
        return 2 * std::hypot(re, im) / double(n);
    };
    EXPECT_NEAR(amplitude(0, 300), 0.4, 0.01);
    EXPECT_NEAR(amplitude(1, 300), 0.0, 0.01);
    EXPECT_NEAR(amplitude(0, 500), 0.4 * M_SQRT1_2, 0.01);
    EXPECT_NEAR(amplitude(1, 500), 0.4 * M_SQRT1_2, 0.01);
    EXPECT_NEAR(amplitude(0, 50), 0.0, 0.01);
    EXPECT_NEAR(amplitude(1, 50), 0.0, 0.01);
}

TEST_F(MediaInput, AacInMp4IsCutToLength) {
    const AudioBuffer a = decode_audio(file("clip.mp4"), where(), 1.5, 1.0);
    ASSERT_EQ(a.frames(), 48000u);
    // lavfi's sine has amplitude 1/8; AAC keeps level and pitch.
    EXPECT_NEAR(rms(a, 0, 0, a.frames()), 0.125 / std::sqrt(2.0), 0.01);
    EXPECT_NEAR(pitch_hz(a, 0, 0, a.frames()), 440.0, 2.0);
}

TEST_F(MediaInput, FrameAtPicksTheFrameOnScreen) {
    VideoReader reader(file("counter.mp4"), where());
    EXPECT_EQ(reader.info().width, 64);
    EXPECT_EQ(reader.info().height, 48);
    for (int n = 0; n < 40; ++n) {
        EXPECT_EQ(counter_index(reader.frame_at(n / 10.0)), n) << "at its own time";
        EXPECT_EQ(counter_index(reader.frame_at(n / 10.0 + 0.05)), n) << "between frames";
    }
    EXPECT_EQ(counter_index(reader.frame_at(100.0)), 39) << "past the end";
}

TEST_F(MediaInput, FrameAtSeeksBackAndJumpsAhead) {
    VideoReader reader(file("counter.mp4"), where());
    EXPECT_EQ(counter_index(reader.frame_at(3.55)), 35);
    EXPECT_EQ(counter_index(reader.frame_at(0.55)), 5) << "back";
    EXPECT_EQ(counter_index(reader.frame_at(0.25)), 2) << "back within a GOP";
    EXPECT_EQ(counter_index(reader.frame_at(3.85)), 38) << "far ahead";
    EXPECT_EQ(counter_index(reader.frame_at(-1.0)), 0) << "before the start";
    EXPECT_EQ(counter_index(reader.frame_at(1.37)), 13);
    EXPECT_EQ(counter_index(reader.frame_at(1.37)), 13) << "asked twice";
}

TEST_F(MediaInput, TimesCountFromTheFilesStart) {
    // MPEG-TS starts its clock at 1.4 s; koho's times start at the file's start.
    VideoReader reader(file("counter.ts"), where());
    EXPECT_EQ(counter_index(reader.frame_at(0.0)), 0);
    EXPECT_EQ(counter_index(reader.frame_at(2.55)), 25);
    EXPECT_EQ(counter_index(reader.frame_at(0.75)), 7) << "back";
    EXPECT_EQ(counter_index(reader.frame_at(3.95)), 39) << "far ahead";
    EXPECT_NEAR(probe_media(file("counter.ts"), where()).duration_s, 4.0, 0.15);

    const AudioBuffer a = decode_audio(file("ramp.ts"), where(), 2.5, 0.5);
    ASSERT_EQ(a.frames(), 24000u);
    EXPECT_NEAR(left(a, 0), 2.5 / 8, 1e-6);  // one sample is 2.6e-6 of ramp
    EXPECT_NEAR(left(a, 23999), (2.5 + 23999 / 48000.0) / 8, 1e-6);
}

TEST_F(MediaInput, FramesAreScaledOpaqueArgb) {
    VideoReader reader(file("counter.mp4"), where(), 32, 20);
    const VideoFrameView v = reader.frame_at(1.0);
    ASSERT_EQ(v.width, 32);
    ASSERT_EQ(v.height, 20);
    ASSERT_GE(v.stride, 32 * 4);
    for (int y = 0; y < v.height; ++y)
        for (int x = 0; x < v.width; ++x) {
            const uint8_t* px = v.data + y * v.stride + x * 4;
            ASSERT_EQ(px[3], 255);                     // opaque
            ASSERT_NEAR(px[2], 60, 3) << x << "," << y;  // red of frame 10
            ASSERT_NEAR(px[1], 128, 3);
            ASSERT_NEAR(px[0], 64, 3);
        }
}

TEST_F(MediaInput, QuarterTurnIsShownAsTheFfmpegCliShowsIt) {
    VideoReader reader(file("turned.mp4"), where());
    const VideoFrameView v = reader.frame_at(0);
    ASSERT_EQ(v.width, 16);
    ASSERT_EQ(v.height, 32);
    const uint8_t* top = v.data + 4 * v.stride + 8 * 4;
    const uint8_t* bottom = v.data + 27 * v.stride + 8 * 4;
    EXPECT_GT(top[0], 200);     // blue
    EXPECT_LT(top[2], 60);
    EXPECT_GT(bottom[2], 200);  // red
    EXPECT_LT(bottom[0], 60);
}

TEST_F(MediaInput, VideoReaderRefusesSoundOnlyFiles) {
    try {
        VideoReader reader(file("ramp48.wav"), where());
        FAIL() << "a WAV file gave pictures";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::BadInput);
        EXPECT_NE(e.message().find("ramp48.wav has no video stream"), std::string::npos) << e.message();
    }
}

}  // namespace
