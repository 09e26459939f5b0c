// The resource limits (core/limits.h) through the real binary: each one
// refused at its default, refused at a lowered flag value, and passed when
// the flag raises it again; the message is located at the value at fault
// and names the flag. Exit 2 and nothing at -o whenever a limit is hit.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "koho_runner.h"
#include "temp_project.h"

namespace koho::test {
namespace {

namespace fs = std::filesystem;

// One page (or `pages` pages) of 50×50 mm, with `frames` on the first.
std::string layout(const std::string& frames, int pages = 1) {
    std::string json = R"({
  "type": "print",
  "page": { "size": { "w": "50mm", "h": "50mm" }, "bleed": "0mm", "marks": "none" },
  "styles": { "body": { "font": "Noto Sans CJK JP", "size": "9pt", "leading": "12pt" } },
  "pages": [
    { "frames": [)" + frames + "] }";
    for (int i = 1; i < pages; ++i) json += ",\n    { \"frames\": [] }";
    return json + "\n  ]\n}\n";
}

std::string image_frame(const std::string& src) {
    return R"({ "type": "image", "src": ")" + src + R"(", "x": "0mm", "y": "0mm", "w": "40mm", "h": "40mm" })";
}

std::string text_frame(const std::string& text) {
    return R"({ "type": "text", "style": "body", "x": "0mm", "y": "0mm", "w": "50mm", "h": "50mm", "overflow": "allow", "text": ")" +
           text + R"(" })";
}

// A timeline of `size` lasting `duration`, at 2 frames a second; `layers`
// go on a scene that lasts the whole video.
std::string timeline(const std::string& size, const std::string& duration, const std::string& layers = "") {
    return R"({
  "type": "video",
  "size": ")" + size + R"(",
  "fps": 2,
  "background": "#204060",
  "scenes": [ { "duration": ")" + duration + R"(", "layers": [)" + layers + R"(] } ],
  "output": { "preset": "web-720p", "encoder_preset": "ultrafast" }
}
)";
}

std::string repeat(const std::string& unit, size_t n) {
    std::string out;
    out.reserve(unit.size() * n);
    for (size_t i = 0; i < n; ++i) out += unit;
    return out;
}

class Limits : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        project_ = new TempProject("limits");
        // 100×100 = 10,000 pixels; a 160×120 clip of 2 s (19,200 pixels a frame).
        ASSERT_TRUE(project_->ffmpeg("-f lavfi -i color=c=red:s=100x100 -frames:v 1", "media/small.png"));
        ASSERT_TRUE(project_->ffmpeg("-f lavfi -i testsrc=s=160x120:r=10:d=2 -pix_fmt yuv420p -c:v libx264 "
                                     "-preset ultrafast",
                                     "media/clip.mp4"));
        project_->write("media/bomb.png", png_header_only(60000, 60000));
    }
    static void TearDownTestSuite() {
        delete project_;
        project_ = nullptr;
    }

    // Writes `file` and runs `koho print` on it (RGB: no Ghostscript).
    static KohoRun print(const std::string& file, const std::string& json, std::vector<std::string> extra = {}) {
        project_->write(file, json);
        fs::remove(project_->root() / "out.pdf");
        std::vector<std::string> args = {"print", project_->path(file), "-o", project_->path("out.pdf"), "--root",
                                         project_->root().string(), "--color", "rgb"};
        args.insert(args.end(), extra.begin(), extra.end());
        return run_koho(args);
    }
    static KohoRun video(const std::string& file, const std::string& json, std::vector<std::string> extra = {}) {
        project_->write(file, json);
        fs::remove(project_->root() / "out.mp4");
        std::vector<std::string> args = {"video", project_->path(file), "-o", project_->path("out.mp4"), "--root",
                                         project_->root().string(), "--quiet", "--threads", "1"};
        args.insert(args.end(), extra.begin(), extra.end());
        return run_koho(args);
    }
    static KohoRun transcode(std::vector<std::string> extra) {
        fs::remove(project_->root() / "out.mp4");
        std::vector<std::string> args = {"transcode",      "media/clip.mp4", "-o", project_->path("out.mp4"),
                                         "--root",         project_->root().string(),
                                         "--encoder-preset", "ultrafast", "--quiet", "--threads", "1"};
        args.insert(args.end(), extra.begin(), extra.end());
        return run_koho(args);
    }
    // Exit 2, nothing written, and stderr is `located` + `message` + pointer.
    static void expect_refused(const KohoRun& run, const std::string& output, const std::string& message) {
        EXPECT_EQ(run.exit_code, 2) << run.err;
        EXPECT_NE(run.err.find(message), std::string::npos) << run.err;
        EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 1) << run.err;
        EXPECT_FALSE(fs::exists(project_->root() / output));
    }
    static void expect_written(const KohoRun& run, const std::string& output) {
        EXPECT_EQ(run.exit_code, 0) << run.err;
        EXPECT_TRUE(fs::exists(project_->root() / output));
    }

    static TempProject* project_;
};

TempProject* Limits::project_ = nullptr;

TEST_F(Limits, ImagePixelsDefaultRefusesADecompressionBomb) {
    const KohoRun run = print("bomb.json", layout(image_frame("media/bomb.png")));
    expect_refused(run, "out.pdf",
                   "is 60000x60000 pixels (3600 megapixels), more than the limit of 100 megapixels; raise it "
                   "with --max-image-pixels (at /pages/0/frames/0/src)");
    // Located at the "src" value: line 6 of the layout.
    EXPECT_EQ(run.err.rfind(project_->path("bomb.json") + ":6:", 0), 0u) << run.err;
}

TEST_F(Limits, ImagePixelsLoweredAndRaised) {
    const std::string json = layout(image_frame("media/small.png"));
    expect_refused(print("small.json", json, {"--max-image-pixels", "9999"}), "out.pdf",
                   "is 100x100 pixels (10000 pixels), more than the limit of 9999 pixels; raise it with "
                   "--max-image-pixels (at /pages/0/frames/0/src)");
    expect_written(print("small.json", json, {"--max-image-pixels", "10000"}), "out.pdf");
}

TEST_F(Limits, PagesDefaultLoweredAndRaised) {
    expect_refused(print("many.json", layout("", 1001)), "out.pdf",
                   "error: the layout has 1001 pages, more than the limit of 1000 pages; raise it with "
                   "--max-pages (at /pages)");
    const std::string three = layout("", 3);
    expect_refused(print("three.json", three, {"--max-pages", "2"}), "out.pdf",
                   "the layout has 3 pages, more than the limit of 2 pages; raise it with --max-pages (at /pages)");
    expect_written(print("three.json", three, {"--max-pages", "3"}), "out.pdf");
}

TEST_F(Limits, TextCharsDefaultLoweredAndRaised) {
    expect_refused(print("long.json", layout(text_frame(repeat("あ", 100'001)))), "out.pdf",
                   "error: this text is 100001 characters long, more than the limit of 100000 characters; raise "
                   "it with --max-text-chars (at /pages/0/frames/0/text)");
    // Characters as set: ruby and base count, the markup does not.
    const std::string json = layout(text_frame("{千葉|ちば}の**子ども**"));
    expect_refused(print("short.json", json, {"--max-text-chars", "7"}), "out.pdf",
                   "this text is 8 characters long, more than the limit of 7 characters");
    expect_written(print("short.json", json, {"--max-text-chars", "8"}), "out.pdf");
}

TEST_F(Limits, TextCharsCountTheWholeStory) {
    const std::string frame =
        R"({ "type": "text", "style": "body", "x": "0mm", "y": "0mm", "w": "50mm", "h": "50mm", "overflow": "allow",
             "content": [ { "text": "あいう" }, { "text": "えお" } ] })";
    expect_refused(print("story.json", layout(frame), {"--max-text-chars", "4"}), "out.pdf",
                   "this text brings its story to 5 characters, more than the limit of 4 characters; raise it "
                   "with --max-text-chars (at /pages/0/frames/0/content/1/text)");
    expect_written(print("story.json", layout(frame), {"--max-text-chars", "5"}), "out.pdf");
}

TEST_F(Limits, VideoSecondsDefaultLoweredAndRaised) {
    expect_refused(video("long.json", timeline("128x72", "601s")), "out.mp4",
                   "error: the scenes last 601s, more than the limit of 600s; raise it with --max-video-seconds "
                   "(at /scenes)");
    const std::string json = timeline("128x72", "2s");
    expect_refused(video("short.json", json, {"--max-video-seconds", "1.5"}), "out.mp4",
                   "the scenes last 2s, more than the limit of 1.5s; raise it with --max-video-seconds");
    expect_written(video("short.json", json, {"--max-video-seconds", "2"}), "out.mp4");
}

TEST_F(Limits, VideoPixelsDefaultLoweredAndRaised) {
    expect_refused(video("big.json", timeline("7680x4320", "1s")), "out.mp4",
                   "error: a frame of 7680x4320 is 33.2 megapixels, more than the limit of 8847360 pixels; raise "
                   "it with --max-video-pixels (at /size)");
    const std::string json = timeline("128x72", "1s");
    expect_refused(video("small.json", json, {"--max-video-pixels", "9215"}), "out.mp4",
                   "a frame of 128x72 is 9216 pixels, more than the limit of 9215 pixels; raise it with "
                   "--max-video-pixels (at /size)");
    expect_written(video("small.json", json, {"--max-video-pixels", "9216"}), "out.mp4");
}

TEST_F(Limits, ClipFramesAreHeldToTheImageLimit) {
    const std::string layer =
        R"({ "type": "video", "src": "media/clip.mp4", "x": "0px", "y": "0px", "w": "64px", "h": "64px" })";
    const std::string json = timeline("128x72", "1s", layer);
    expect_refused(video("clip.json", json, {"--max-image-pixels", "19199"}), "out.mp4",
                   "media/clip.mp4: its video frames are 160x120 pixels (19200 pixels), more than the limit of "
                   "19199 pixels; raise it with --max-image-pixels (at /scenes/0/layers/0/src)");
    expect_written(video("clip.json", json, {"--max-image-pixels", "19200"}), "out.mp4");
}

TEST_F(Limits, TranscodeInputLengthAndFrames) {
    expect_refused(transcode({"--max-video-seconds", "1.5"}), "out.mp4",
                   "media/clip.mp4 lasts 2s, more than the limit of 1.5s; raise it with --max-video-seconds");
    expect_refused(transcode({"--max-image-pixels", "19199"}), "out.mp4",
                   "media/clip.mp4: its video frames are 160x120 pixels (19200 pixels), more than the limit of "
                   "19199 pixels; raise it with --max-image-pixels");
    project_->write("media/cues.srt", "1\n00:00:00,000 --> 00:00:01,000\n千葉県で働く\n");
    expect_refused(transcode({"--captions", "media/cues.srt", "--max-text-chars", "5"}), "out.mp4",
                   "cues.srt:3:1: error: cue 1 is 6 characters long, more than the limit of 5 characters; raise "
                   "it with --max-text-chars");
    project_->write("media/bomb-overlay.png", png_header_only(60000, 60000));
    expect_refused(transcode({"--overlay", "media/bomb-overlay.png"}), "out.mp4",
                   "media/bomb-overlay.png' is 60000x60000 pixels (3600 megapixels), more "
                   "than the limit of 100 megapixels; raise it with --max-image-pixels");
    expect_written(transcode({"--max-video-seconds", "2", "--max-image-pixels", "19200", "--captions",
                              "media/cues.srt", "--max-text-chars", "6"}),
                   "out.mp4");
}

TEST_F(Limits, FlagsRefuseZeroAndShowTheirDefaults) {
    for (const char* flag : {"--max-image-pixels", "--max-pages", "--max-text-chars"}) {
        const KohoRun run = print("zero.json", layout(""), {flag, "0"});
        EXPECT_EQ(run.exit_code, 2) << flag;
        EXPECT_NE(run.err.find(flag), std::string::npos) << run.err;
    }
    const KohoRun help = run_koho({"print", "--help"});
    for (const char* shown : {"--max-image-pixels N:POSITIVE=100000000", "--max-pages N:POSITIVE=1000",
                              "--max-text-chars N:POSITIVE=100000"})
        EXPECT_NE(help.out.find(shown), std::string::npos) << shown << "\n" << help.out;
    const KohoRun video_help = run_koho({"video", "--help"});
    for (const char* shown : {"--max-video-seconds S:POSITIVE=600", "--max-video-pixels N:POSITIVE=8847360"})
        EXPECT_NE(video_help.out.find(shown), std::string::npos) << shown << "\n" << video_help.out;
    const KohoRun transcode_help = run_koho({"transcode", "--help"});
    EXPECT_NE(transcode_help.out.find("--max-video-seconds"), std::string::npos);
}

}  // namespace
}  // namespace koho::test
