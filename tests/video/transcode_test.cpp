// `koho transcode` end to end: inputs made by the ffmpeg CLI in a temporary
// project root, the real binary run on them, the MP4 read back with
// libavformat/libavcodec (stream_facts.h) and loudness measured by FFmpeg's
// ebur128 filter — none of them koho's own code.
#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <regex>
#include <string>

#include "cli/koho_runner.h"
#include "video/stream_facts.h"
#include "video/transcode.h"

namespace fs = std::filesystem;
using koho::test::KohoRun;
using koho::test::run_koho;

namespace {

fs::path g_root;

void ffmpeg(const std::string& args, const std::string& out) {
    const std::string command =
        "ffmpeg -nostdin -loglevel error -y " + args + " '" + (g_root / out).string() + "'";
    ASSERT_EQ(std::system(command.c_str()), 0) << command;
}

std::string run_capture(const std::string& command) {
    std::string out;
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    if (!pipe) return out;
    char buffer[4096];
    while (size_t n = fread(buffer, 1, sizeof buffer, pipe.get())) out.append(buffer, n);
    return out;
}

// Integrated loudness of a file's sound, by FFmpeg's EBU R128 meter.
double ffmpeg_integrated_lufs(const fs::path& file) {
    const std::string report =
        run_capture("ffmpeg -nostdin -hide_banner -nostats -i '" + file.string() + "' -af ebur128 -f null - 2>&1");
    const std::regex summary(R"(Integrated loudness:\s*\n\s*I:\s*(-?[0-9.]+) LUFS)");
    std::smatch m;
    if (!std::regex_search(report, m, summary)) return NAN;
    return std::stod(m[1]);
}

// The picture's solid colour in the inputs (ffmpeg's color source, 0x2f7fcf).
constexpr std::array<int, 3> kPicture = {0x2f, 0x7f, 0xcf};

bool near(std::array<uint8_t, 3> px, std::array<int, 3> want, int tolerance) {
    for (int c = 0; c < 3; ++c)
        if (std::abs(px[c] - want[c]) > tolerance) return false;
    return true;
}

class Transcode : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        std::string pattern = (fs::temp_directory_path() / "koho-transcode-XXXXXX").string();
        ASSERT_NE(mkdtemp(pattern.data()), nullptr);
        g_root = pattern;
        // 4:3 footage, 2 s at 25 fps, a 440 Hz tone at 1/8 (about −21 LUFS).
        ffmpeg("-f lavfi -i color=c=0x2f7fcf:s=480x360:r=25:d=2 -f lavfi -i sine=f=440:r=44100:d=2 "
               "-c:v libx264 -preset ultrafast -pix_fmt yuv420p -c:a aac -shortest",
               "footage.mp4");
        // Wider than 16:9, no sound.
        ffmpeg("-f lavfi -i color=c=0x2f7fcf:s=640x200:r=30:d=1 -c:v libx264 -preset ultrafast -pix_fmt yuv420p",
               "wide.mp4");
        // Phone footage: stored 320×180 (left red, right blue) with a display
        // matrix turning it a quarter; shown upright it is 180×320 with blue
        // on top, as the ffmpeg CLI shows it.
        ffmpeg("-f lavfi -i \"color=c=red:s=320x180:r=10:d=1,drawbox=x=160:y=0:w=160:h=180:c=blue:t=fill\" "
               "-c:v libx264 -preset ultrafast -pix_fmt yuv420p",
               "phone-flat.mp4");
        ffmpeg("-i '" + (g_root / "phone-flat.mp4").string() + "' -c copy -metadata:s:v:0 rotate=90", "phone.mp4");
        // A raw H.264 stream: no container, no duration.
        ffmpeg("-i '" + (g_root / "wide.mp4").string() + "' -c copy -f h264", "raw.h264");
        // Sound only.
        ffmpeg("-f lavfi -i sine=f=440:r=48000:d=1", "voice.wav");
        // The overlay: 80×80, left half opaque red, right half transparent.
        ffmpeg("-f lavfi -i color=c=red:s=80x80:d=1 -vf \"format=rgba,geq=r=255:g=0:b=0:a='if(lt(X,40),255,0)'\" "
               "-frames:v 1",
               "mascot.png");
        std::ofstream(g_root / "captions.srt") << "1\n00:00:00,400 --> 00:00:01,200\nテスト字幕です\n\n";
        std::ofstream(g_root / "late.srt") << "1\n00:00:00,400 --> 00:00:01,200\nはじめ\n\n"
                                          << "2\n00:00:05,000 --> 00:00:06,000\n動画の後\n\n";
        std::ofstream(g_root / "long.srt")
            << "1\n00:00:00,400 --> 00:00:01,200\n"
            << "この字幕はとても長いので二行の字幕枠に収まらず、エラーになるはずです。"
               "この字幕はとても長いので二行の字幕枠に収まらず、エラーになるはずです。"
               "この字幕はとても長いので二行の字幕枠に収まらず、エラーになるはずです。\n\n";
    }
    static void TearDownTestSuite() {
        std::error_code ec;
        fs::remove_all(g_root, ec);
    }

    static KohoRun transcode(const std::vector<std::string>& extra, bool quiet = true) {
        std::vector<std::string> args = {"transcode", "--root", g_root.string(), "--preset", "web-720p",
                                         "--encoder-preset", "ultrafast", "--threads", "2"};
        if (quiet) args.push_back("--quiet");
        args.insert(args.end(), extra.begin(), extra.end());
        return run_koho(args);
    }
};

TEST_F(Transcode, FootageIsFittedCentredWithOverlayCaptionAndLoudness) {
    const fs::path out = g_root / "out.mp4";
    const KohoRun run = transcode({"footage.mp4", "-o", out.string(), "--overlay", "mascot.png", "--overlay-at",
                                   "200,100", "--overlay-width", "160", "--captions", "captions.srt",
                                   "--loudness", "-16LUFS"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(run.err, "") << "--quiet prints nothing";

    const koho::test::StreamFacts facts = koho::test::read_stream_facts(out);
    const auto& video = facts.video();
    EXPECT_EQ(video.codec, "h264");
    EXPECT_EQ(video.width, 1280);
    EXPECT_EQ(video.height, 720);
    EXPECT_EQ(video.pix_fmt, "yuv420p");
    EXPECT_NEAR(video.avg_frame_rate.value(), 25.0, 1e-9);
    EXPECT_EQ(video.decoded_frames, 50);
    EXPECT_NEAR(video.duration_s, 2.0, 1e-6);
    ASSERT_TRUE(facts.has_audio());
    EXPECT_EQ(facts.audio().sample_rate, 48000);
    EXPECT_EQ(facts.audio().channels, 2);

    // 480×360 fitted into 1280×720: 960×720 at x = 160, black pillars.
    // Frame 5 (0.2 s) has no caption; frame 20 (0.8 s) has.
    const auto frames = koho::test::decode_frames_rgb(out, {5, 20, 40});
    const auto& plain = frames[0];
    for (int y : {10, 360, 700}) {
        EXPECT_TRUE(near(plain.at(5, y), {0, 0, 0}, 12)) << "left bar, y " << y;
        EXPECT_TRUE(near(plain.at(155, y), {0, 0, 0}, 12)) << "left bar edge, y " << y;
        EXPECT_TRUE(near(plain.at(165, y), kPicture, 12)) << "picture's left edge, y " << y;
        EXPECT_TRUE(near(plain.at(1114, y), kPicture, 12)) << "picture's right edge, y " << y;
        EXPECT_TRUE(near(plain.at(1125, y), {0, 0, 0}, 12)) << "right bar edge, y " << y;
        EXPECT_TRUE(near(plain.at(1275, y), {0, 0, 0}, 12)) << "right bar, y " << y;
    }

    // The overlay, 160×160 at (200, 100): its opaque left half red, its
    // transparent right half shows the picture.
    EXPECT_TRUE(near(plain.at(240, 180), {255, 0, 0}, 24)) << "overlay's opaque half";
    EXPECT_TRUE(near(plain.at(205, 105), {255, 0, 0}, 24)) << "overlay's top-left corner";
    EXPECT_TRUE(near(plain.at(320, 180), kPicture, 12)) << "overlay's transparent half";
    EXPECT_TRUE(near(plain.at(195, 180), kPicture, 12)) << "left of the overlay";
    EXPECT_TRUE(near(plain.at(240, 95), kPicture, 12)) << "above the overlay";
    EXPECT_TRUE(near(plain.at(240, 265), kPicture, 12)) << "below the overlay";

    // The caption area (10–90 % of the width, ending at 90 % of the height),
    // within the picture.
    struct Count {
        int light = 0, dark = 0, other = 0;
    };
    auto caption_pixels = [](const koho::test::RgbFrame& f) {
        Count n;
        for (int y = 540; y < 660; ++y)
            for (int x = 165; x < 1115; ++x) {
                const auto px = f.at(x, y);
                if (px[0] > 220 && px[1] > 220 && px[2] > 220) ++n.light;
                else if (px[0] < 70 && px[1] < 70 && px[2] < 70) ++n.dark;
                else if (!near(px, kPicture, 24)) ++n.other;
            }
        return n;
    };
    const Count before = caption_pixels(frames[0]), during = caption_pixels(frames[1]),
                after = caption_pixels(frames[2]);
    EXPECT_EQ(before.light + before.dark + before.other, 0) << "no caption before 0.4 s";
    EXPECT_GT(during.light, 500) << "white caption text at 0.8 s";
    EXPECT_GT(during.dark, 300) << "its dark outline";
    EXPECT_EQ(after.light + after.dark + after.other, 0) << "no caption after 1.2 s";
    // The caption is centred: as much white left of the middle as right.
    int left = 0, right = 0;
    for (int y = 540; y < 660; ++y)
        for (int x = 165; x < 1115; ++x) {
            const auto px = frames[1].at(x, y);
            if (px[0] > 220 && px[1] > 220 && px[2] > 220) (x < 640 ? left : right)++;
        }
    EXPECT_NEAR(double(left) / (left + right), 0.5, 0.1);

    EXPECT_NEAR(ffmpeg_integrated_lufs(out), -16.0, 0.5);
}

TEST_F(Transcode, WideFootageIsLetterboxedAndGetsASilentTrack) {
    const fs::path out = g_root / "wide-out.mp4";
    const KohoRun run = transcode({"wide.mp4", "-o", out.string()}, /*quiet=*/false);
    ASSERT_EQ(run.exit_code, 0) << run.err;
    // stderr is a pipe here: plain progress lines, the last one complete.
    EXPECT_NE(run.err.find("wide-out.mp4: frame 30/30"), std::string::npos) << run.err;
    const koho::test::StreamFacts facts = koho::test::read_stream_facts(out);
    EXPECT_EQ(facts.video().decoded_frames, 30);
    EXPECT_NEAR(facts.video().avg_frame_rate.value(), 30.0, 1e-9);
    // Upload sites expect sound: a silent AAC track as long as the video.
    ASSERT_TRUE(facts.has_audio());
    EXPECT_NEAR(double(facts.audio().decoded_samples) / 48000, 1.0, 0.03);
    const std::vector<float> sound = koho::test::decode_audio_stereo(out, 48000);
    float peak = 0;
    for (float s : sound) peak = std::max(peak, std::abs(s));
    EXPECT_LT(peak, 1e-4f);

    // 640×200 into 1280×720: 1280×400 at y = 160, black bars above and below.
    const auto frame = koho::test::decode_frames_rgb(out, {10})[0];
    for (int x : {10, 640, 1270}) {
        EXPECT_TRUE(near(frame.at(x, 5), {0, 0, 0}, 12)) << x;
        EXPECT_TRUE(near(frame.at(x, 155), {0, 0, 0}, 12)) << x;
        EXPECT_TRUE(near(frame.at(x, 165), kPicture, 12)) << x;
        EXPECT_TRUE(near(frame.at(x, 554), kPicture, 12)) << x;
        EXPECT_TRUE(near(frame.at(x, 565), {0, 0, 0}, 12)) << x;
        EXPECT_TRUE(near(frame.at(x, 715), {0, 0, 0}, 12)) << x;
    }
}

TEST_F(Transcode, PhoneFootageIsTurnedUpright) {
    const fs::path out = g_root / "phone-out.mp4";
    const KohoRun run = transcode({"phone.mp4", "-o", out.string(), "--loudness", "off"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    // Upright 180×320 fitted into 1280×720: 405×720 at x = 437.
    const auto frame = koho::test::decode_frames_rgb(out, {5})[0];
    EXPECT_TRUE(near(frame.at(430, 360), {0, 0, 0}, 12));
    EXPECT_TRUE(near(frame.at(640, 100), {0, 0, 255}, 40)) << "blue on top";
    EXPECT_TRUE(near(frame.at(640, 620), {255, 0, 0}, 40)) << "red below";
    EXPECT_TRUE(near(frame.at(850, 360), {0, 0, 0}, 12));
}

TEST(TranscodeFrameRate, KeepsTheInputsRateNtscExactOthersRounded) {
    using koho::video::transcode_frame_rate;
    auto rate = [](double fps) {
        const auto r = transcode_frame_rate(fps);
        return std::to_string(r.num) + "/" + std::to_string(r.den);
    };
    EXPECT_EQ(rate(30000.0 / 1001), "30000/1001");
    EXPECT_EQ(rate(24000.0 / 1001), "24000/1001");
    EXPECT_EQ(rate(60000.0 / 1001), "60000/1001");
    EXPECT_EQ(rate(25), "25/1");
    EXPECT_EQ(rate(29.5), "30/1");    // variable-rate phone footage averaging under 30
    EXPECT_EQ(rate(120), "60/1");     // upload sites' ceiling
    EXPECT_EQ(rate(0), "30/1");       // a stream that does not say
}

std::string bytes_of(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST_F(Transcode, SameInputSameBytes) {
    const fs::path a = g_root / "same-a.mp4", b = g_root / "same-b.mp4";
    for (const fs::path& out : {a, b}) {
        const KohoRun run = transcode({"wide.mp4", "-o", out.string(), "--captions", "captions.srt", "--overlay",
                                       "mascot.png", "--overlay-at", "600,20"});
        ASSERT_EQ(run.exit_code, 0) << run.err;
    }
    const std::string first = bytes_of(a);
    EXPECT_GT(first.size(), 1000u);
    EXPECT_TRUE(first == bytes_of(b)) << "two runs with --threads 2 differ";
}

TEST_F(Transcode, InputWithoutVideoIsRefused) {
    const fs::path out = g_root / "never.mp4";
    const KohoRun run = transcode({"voice.wav", "-o", out.string()});
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_NE(run.err.find("voice.wav has no video stream"), std::string::npos) << run.err;
    EXPECT_FALSE(fs::exists(out));
}

TEST_F(Transcode, InputWithoutADurationIsRefused) {
    const fs::path out = g_root / "never.mp4";
    const KohoRun run = transcode({"raw.h264", "-o", out.string()});
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_NE(run.err.find("raw.h264 does not say how long it is"), std::string::npos) << run.err;
    EXPECT_FALSE(fs::exists(out));
}

TEST_F(Transcode, CaptionTooLongIsRefusedAtItsLine) {
    const fs::path out = g_root / "never.mp4";
    const KohoRun run = transcode({"footage.mp4", "-o", out.string(), "--captions", "long.srt"});
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_NE(run.err.find("long.srt:"), std::string::npos) << run.err;
    EXPECT_NE(run.err.find("does not fit the caption area"), std::string::npos) << run.err;
    EXPECT_FALSE(fs::exists(out));
}

TEST_F(Transcode, CaptionAfterTheEndIsRefusedAtItsLine) {
    const fs::path out = g_root / "never.mp4";
    const KohoRun run = transcode({"footage.mp4", "-o", out.string(), "--captions", "late.srt"});
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_NE(run.err.find("late.srt:5"), std::string::npos) << run.err;
    EXPECT_NE(run.err.find("starts at 5s, after the video ends (2s)"), std::string::npos) << run.err;
    EXPECT_FALSE(fs::exists(out));
}

TEST_F(Transcode, PathsStayInsideTheRoot) {
    const fs::path out = g_root / "never.mp4";
    const KohoRun run = transcode({"../outside.mp4", "-o", out.string()});
    EXPECT_EQ(run.exit_code, 2) << run.err;
    EXPECT_FALSE(fs::exists(out));
    const KohoRun overlay = transcode({"footage.mp4", "-o", out.string(), "--overlay", "missing.png"});
    EXPECT_EQ(overlay.exit_code, 2);
    EXPECT_NE(overlay.err.find("missing.png"), std::string::npos) << overlay.err;
    EXPECT_FALSE(fs::exists(out));
}

TEST_F(Transcode, BadOptionValuesAreBadInput) {
    const fs::path out = g_root / "never.mp4";
    const KohoRun loud = transcode({"footage.mp4", "-o", out.string(), "--loudness=loud"});
    EXPECT_EQ(loud.exit_code, 2);
    EXPECT_NE(loud.err.find("--loudness"), std::string::npos) << loud.err;
    const KohoRun at = transcode({"footage.mp4", "-o", out.string(), "--overlay", "mascot.png", "--overlay-at", "12"});
    EXPECT_EQ(at.exit_code, 2);
    EXPECT_NE(at.err.find("--overlay-at"), std::string::npos) << at.err;
    EXPECT_FALSE(fs::exists(out));
}

}  // namespace
