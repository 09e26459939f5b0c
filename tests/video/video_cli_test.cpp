// `koho video` end to end: the real binary on a small timeline in a
// temporary project (media made by the ffmpeg CLI and koho's own mascot),
// the MP4 read back by stream_facts, the sidecars read as text, loudness by
// FFmpeg's ebur128 filter, and the refusals of bad input.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <regex>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli/koho_runner.h"
#include "support/command.h"
#include "video/stream_facts.h"

namespace koho::test {
namespace {

namespace fs = std::filesystem;

std::string read_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

void write_text(const fs::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
}

// A 3-second timeline at 1280×720 for the web-720p preset: two scenes with
// a crossfade, a red box flying across as an overlay (x 0 → 1000 px over
// 2 s, linear), the mascot, a caption, three chapters, a tone and a quieter
// second tone ducked under it, loudness −16 LUFS.
const char* kTimeline = R"({
  "type": "video",
  "title": "テスト動画",
  "size": "1280x720",
  "fps": 30,
  "background": "#ffffff",
  "styles": { "title": { "font": "Noto Sans CJK JP", "weight": "bold", "size": "48px", "color": "#1a1a1a" } },
  "scenes": [
    { "id": "one", "duration": "1.75s", "background": "#2060c0",
      "transition": { "type": "crossfade", "duration": "500ms" },
      "layers": [ { "type": "text", "style": "title", "text": "子どもの未来を、千葉で。",
                    "x": "100px", "y": "500px", "w": "1000px", "h": "80px",
                    "enter": { "effect": "fade", "duration": "300ms" } } ] },
    { "id": "two", "duration": "1.75s", "background": "#20a060", "layers": [] }
  ],
  "overlays": [
    { "id": "box", "type": "rect", "fill": "#ff0000", "w": "80px", "h": "80px",
      "keyframes": [ { "t": "0s", "x": "0px", "y": "40px" },
                     { "t": "2s", "x": "1000px", "y": "40px", "easing": "linear" } ] },
    { "id": "mascot", "type": "image", "src": "mascot.png", "w": "160px",
      "keyframes": [ { "t": "0s", "x": "1080px", "y": "480px" } ] }
  ],
  "audio": [
    { "id": "bgm", "src": "bgm.wav", "gain": "-6dB", "duck": { "under": "voice", "by": "-12dB" } },
    { "id": "voice", "src": "voice.wav", "start": "1s" }
  ],
  "loudness": { "integrated": "-16LUFS", "true_peak": "-1.5dBTP" },
  "captions": [ { "start": "0.5s", "end": "2s", "text": "千葉県で働きませんか。" } ],
  "chapters": [ { "start": "0s", "title": "はじめに" }, { "start": "1s", "title": "仕事" },
                { "start": "2s", "title": "応募" } ],
  "output": { "preset": "web-720p", "encoder_preset": "ultrafast" },
  "variants": { "square": { "size": "720x720", "output": { "preset": "sns-1080x1080" } } }
})";

class VideoCli : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        root_ = fs::temp_directory_path() / ("koho-video-cli-" + std::to_string(::getpid()));
        fs::remove_all(root_);
        fs::create_directories(root_);
        const std::string ff = "ffmpeg -nostdin -loglevel error -y ";
        ASSERT_EQ(0, run_command(ff + "-f lavfi -i sine=frequency=330:duration=4 -ac 2 " +
                                 shell_quote((root_ / "bgm.wav").string())).exit_code);
        ASSERT_EQ(0, run_command(ff + "-f lavfi -i sine=frequency=880:duration=1.5 " +
                                 shell_quote((root_ / "voice.wav").string())).exit_code);
        fs::copy_file(fs::path(KOHO_SOURCE_DIR) / "media/mascot/placeholder.png", root_ / "mascot.png");
        write_text(root_ / "promo.json", kTimeline);
        const KohoRun run = render("out.mp4", {});
        ASSERT_EQ(0, run.exit_code) << run.err;
        facts_ = read_stream_facts(root_ / "out.mp4");
    }
    static void TearDownTestSuite() { fs::remove_all(root_); }

    static KohoRun render(const std::string& output, std::vector<std::string> extra,
                          const std::string& timeline = "promo.json") {
        std::vector<std::string> args = {"video", (root_ / timeline).string(), "-o", (root_ / output).string(),
                                         "--root", root_.string(), "--threads", "2", "--quiet"};
        args.insert(args.end(), extra.begin(), extra.end());
        return run_koho(args);
    }

    static fs::path root_;
    static StreamFacts facts_;
};

fs::path VideoCli::root_;
StreamFacts VideoCli::facts_;

TEST_F(VideoCli, VideoStreamIsUploadReadyH264) {
    const StreamInfo& v = facts_.video();
    EXPECT_EQ(v.codec, "h264");
    EXPECT_EQ(v.profile, "High");
    EXPECT_EQ(v.pix_fmt, "yuv420p");
    EXPECT_EQ(v.width, 1280);
    EXPECT_EQ(v.height, 720);
    EXPECT_EQ(v.avg_frame_rate.num, 30);
    EXPECT_EQ(v.avg_frame_rate.den, 1);
    // 1.75 + 1.75 − 0.5 = 3 s: exactly 90 frames, none lost at the end.
    EXPECT_EQ(v.decoded_frames, 90);
    EXPECT_NEAR(v.duration_s, 3.0, 1e-6);
    EXPECT_EQ(v.color_primaries, "bt709");
    EXPECT_EQ(v.color_trc, "bt709");
    EXPECT_EQ(v.color_space, "bt709");
    EXPECT_EQ(v.color_range, "tv");
    EXPECT_GT(v.b_frames, 0);
    EXPECT_EQ(v.leading_pictures, 0);  // closed GOPs
}

TEST_F(VideoCli, ContainerHasMoovFirstNoEditListAndChapters) {
    EXPECT_TRUE(facts_.moov_before_mdat);
    EXPECT_FALSE(facts_.has_edit_list);
    ASSERT_EQ(facts_.chapters.size(), 3u);
    EXPECT_EQ(facts_.chapters[1].title, "仕事");
    EXPECT_NEAR(facts_.chapters[1].start_s, 1.0, 1e-3);
    EXPECT_NEAR(facts_.chapters[2].end_s, 3.0, 1e-3);
    EXPECT_EQ(facts_.metadata.at("title"), "テスト動画");
}

TEST_F(VideoCli, AudioIsAacAt48kStereoAsLongAsTheVideo) {
    const StreamInfo& a = facts_.audio();
    EXPECT_EQ(a.codec, "aac");
    EXPECT_EQ(a.profile, "LC");
    EXPECT_EQ(a.sample_rate, 48000);
    EXPECT_EQ(a.channels, 2);
    EXPECT_NEAR(a.duration_s, facts_.video().duration_s, 1024.0 / 48000);
}

// The red box's left edge in a decoded frame (first red run on row 80).
int red_box_x(const RgbFrame& frame) {
    for (int x = 0; x < frame.width; ++x) {
        auto p = frame.at(x, 80);
        if (p[0] > 200 && p[1] < 60 && p[2] < 60) return x;
    }
    return -1;
}

TEST_F(VideoCli, OverlayIsWhereItsKeyframesSayInEveryCheckedFrame) {
    const auto frames = decode_frames_rgb(root_ / "out.mp4", {0, 15, 30, 45, 60, 75});
    for (const RgbFrame& frame : frames) {
        const double t = frame.index / 30.0;
        const double expected = std::min(t / 2.0, 1.0) * 1000.0;
        EXPECT_NEAR(red_box_x(frame), expected, 3.0) << "frame " << frame.index;
    }
}

TEST_F(VideoCli, LoudnessIsOnTargetByAnOutsideMeter) {
    const CommandResult r = run_command("ffmpeg -nostdin -hide_banner -i " + shell_quote((root_ / "out.mp4").string()) +
                                        " -af ebur128=peak=true -f null - 2>&1");
    std::smatch m;
    ASSERT_TRUE(std::regex_search(r.output, m, std::regex(R"(Integrated loudness:\s*\n\s*I:\s*(-?[0-9.]+) LUFS)")))
        << r.output;
    EXPECT_NEAR(std::stod(m[1]), -16.0, 0.5);
    ASSERT_TRUE(std::regex_search(r.output, m, std::regex(R"(True peak:\s*\n\s*Peak:\s*(-?[0-9.]+) dBFS)")));
    EXPECT_LE(std::stod(m[1]), -1.5 + 0.3);  // AAC may move peaks a little
}

TEST_F(VideoCli, SidecarsCarryCaptionsChaptersAndThumbnail) {
    const std::string srt = read_text(root_ / "out.srt");
    EXPECT_NE(srt.find("00:00:00,500 --> 00:00:02,000\n千葉県で働きませんか。"), std::string::npos) << srt;
    const std::string vtt = read_text(root_ / "out.vtt");
    EXPECT_EQ(vtt.rfind("WEBVTT", 0), 0u);
    EXPECT_NE(vtt.find("00:00:00.500 --> 00:00:02.000"), std::string::npos) << vtt;
    EXPECT_EQ(read_text(root_ / "out-chapters.txt"), "0:00 はじめに\n0:01 仕事\n0:02 応募\n");
    const CommandResult probe = run_command("ffprobe -v error -show_entries stream=codec_name,width,height -of csv=p=0 " +
                                            shell_quote((root_ / "out.jpg").string()));
    EXPECT_EQ(probe.output, "mjpeg,1280,720\n");
}

TEST_F(VideoCli, ShortChaptersAreWarnedAbout) {
    // The chapters above are 1 s long: the render warns (and still writes).
    const KohoRun run = render("warn.mp4", {"--encoder-preset", "ultrafast"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_NE(run.err.find("warning:"), std::string::npos) << run.err;
    EXPECT_NE(run.err.find("10 s"), std::string::npos) << run.err;
}

// The same warnings with --diagnostic-format json: one object a line, each
// with the chapter's place in the timeline.
TEST_F(VideoCli, ShortChapterWarningsComeAsJsonWithTheirPlace) {
    const KohoRun run = run_koho({"--diagnostic-format", "json", "video", (root_ / "promo.json").string(), "-o",
                                  (root_ / "warn-json.mp4").string(), "--root", root_.string(), "--threads", "2",
                                  "--quiet", "--encoder-preset", "ultrafast"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    size_t warnings = 0;
    std::istringstream lines(run.err);
    for (std::string line; std::getline(lines, line);) {
        const nlohmann::json d = nlohmann::json::parse(line);  // every line is JSON
        EXPECT_EQ(d["severity"], "warning") << line;
        EXPECT_EQ(d["file"], (root_ / "promo.json").string()) << line;
        EXPECT_GT(d["line"].get<int>(), 0) << line;
        EXPECT_EQ(d["pointer"].get<std::string>().rfind("/chapters/", 0), 0u) << line;
        EXPECT_NE(d["message"].get<std::string>().find("10 s"), std::string::npos) << line;
        ++warnings;
    }
    EXPECT_EQ(warnings, 3u) << run.err;  // three chapters of 1 s
}

TEST_F(VideoCli, SameInputsAndThreadsGiveIdenticalBytes) {
    const KohoRun run = render("again.mp4", {});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(read_text(root_ / "again.mp4"), read_text(root_ / "out.mp4"));
}

TEST_F(VideoCli, VariantRendersItsOwnShape) {
    const KohoRun list = run_koho({"video", (root_ / "promo.json").string(), "--root", root_.string(), "--list-variants"});
    EXPECT_EQ(list.exit_code, 0) << list.err;
    EXPECT_EQ(list.out, "square\n");
    const KohoRun run = render("square.mp4", {"--variant", "square"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const StreamFacts square = read_stream_facts(root_ / "square.mp4");
    EXPECT_EQ(square.video().width, 1080);
    EXPECT_EQ(square.video().height, 1080);
    EXPECT_EQ(square.video().decoded_frames, 90);
}

// Bad input: exit 2, one located message, nothing at the output path.
void expect_refused(const KohoRun& run, const fs::path& output, const std::string& message) {
    EXPECT_EQ(run.exit_code, 2) << run.err;
    EXPECT_NE(run.err.find(message), std::string::npos) << run.err;
    EXPECT_FALSE(fs::exists(output));
}

TEST_F(VideoCli, KeyframesOutOfOrderAreALocatedError) {
    std::string bad = kTimeline;
    bad.replace(bad.find("\"t\": \"2s\""), 9, "\"t\": \"0s\"");
    write_text(root_ / "bad-keys.json", bad);
    const KohoRun run = render("bad.mp4", {}, "bad-keys.json");
    expect_refused(run, root_ / "bad.mp4", "bad-keys.json:");
    EXPECT_TRUE(std::regex_search(run.err, std::regex(R"(bad-keys\.json:\d+:\d+: error: .*overlays/0/keyframes/1)"))) << run.err;
}

TEST_F(VideoCli, MissingMediaIsALocatedError) {
    std::string bad = kTimeline;
    bad.replace(bad.find("voice.wav"), 9, "gone.wav");
    write_text(root_ / "bad-media.json", bad);
    const KohoRun run = render("bad.mp4", {}, "bad-media.json");
    expect_refused(run, root_ / "bad.mp4", "/audio/1/src");
}

TEST_F(VideoCli, PresetOfAnotherShapeIsRefused) {
    const KohoRun run = render("bad.mp4", {"--preset", "shorts-1080x1920"});
    expect_refused(run, root_ / "bad.mp4", "variant");
}

TEST_F(VideoCli, UnknownPresetSuggestsTheNearest) {
    const KohoRun run = render("bad.mp4", {"--preset", "youtube-1080"});
    expect_refused(run, root_ / "bad.mp4", "did you mean 'youtube-1080p'");
}

}  // namespace
}  // namespace koho::test
