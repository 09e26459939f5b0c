// Split renders end to end (issue 8, item 4): a timeline rendered whole and
// as three segments (`koho video --segment K/3`) joined by `koho concat`.
// The joined MP4 must be the whole render in content and timing — the same
// frames at the same pts, pictures within a PSNR tolerance (x264's rate
// control sees each segment alone), the very same AAC packets, the same
// chapters, title and sidecars — and every kind of wrong set of segments
// must be refused with exit 2, a message naming the fault and nothing
// written.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <limits>
#include <regex>
#include <sstream>

#include "cli/koho_runner.h"
#include "support/command.h"
#include "video/packet_table.h"
#include "video/stream_facts.h"

namespace koho::test {
namespace {

namespace fs = std::filesystem;

std::string read_file_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

void write_file_text(const fs::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
}

// 2.4 s at 30 fps: 72 frames, GOPs of 15, so 5 GOPs, the last one short;
// three segments hold frames 0–14, 15–44 and 45–71. A 640×360 frame scaled
// to the web-720p preset's 1280×720, moving content in every frame (a box
// flying across, a crossfade, a fading title), sound that changes across
// the joins (a tone, a second one ducking it from 1 s), loudness
// normalised, captions and chapters.
const char* kSplitTimeline = R"({
  "type": "video",
  "title": "分割レンダーの確認",
  "size": "640x360",
  "fps": 30,
  "styles": { "title": { "font": "Noto Sans CJK JP", "weight": "bold", "size": "28px", "color": "#ffffff" } },
  "scenes": [
    { "id": "one", "duration": "1.4s", "background": "#1f5fa8",
      "transition": { "type": "crossfade", "duration": "400ms" },
      "layers": [ { "type": "text", "style": "title", "text": "里親になりませんか。",
                    "x": "40px", "y": "250px", "w": "560px", "h": "50px",
                    "enter": { "effect": "fade", "duration": "600ms" } } ] },
    { "id": "two", "duration": "1.4s", "background": "#2b8a57", "layers": [] }
  ],
  "overlays": [
    { "id": "box", "type": "rect", "fill": "#e03020", "w": "40px", "h": "40px",
      "keyframes": [ { "t": "0s", "x": "0px", "y": "20px" },
                     { "t": "2.4s", "x": "600px", "y": "20px", "easing": "linear" } ] }
  ],
  "audio": [
    { "id": "bgm", "src": "bgm.wav", "gain": "-6dB", "duck": { "under": "voice", "by": "-12dB" } },
    { "id": "voice", "src": "voice.wav", "start": "1s" }
  ],
  "loudness": { "integrated": "-16LUFS", "true_peak": "-1.5dBTP" },
  "captions": [ { "start": "0.3s", "end": "1.8s", "text": "千葉県の子どもたちのために。" } ],
  "chapters": [ { "start": "0s", "title": "はじめに" }, { "start": "1s", "title": "里親とは" },
                { "start": "2s", "title": "相談窓口" } ],
  "output": { "preset": "web-720p", "encoder_preset": "ultrafast", "thumbnail": "1.2s" }
})";

const std::string kSplitEpoch = "SOURCE_DATE_EPOCH=1700000000";

class SplitRender : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        root_ = fs::temp_directory_path() / ("koho-split-" + std::to_string(::getpid()));
        fs::remove_all(root_);
        fs::create_directories(root_ / "out");
        const std::string ff = "ffmpeg -nostdin -loglevel error -y ";
        ASSERT_EQ(0, run_command(ff + "-f lavfi -i sine=frequency=330:duration=3 -ac 2 " +
                                 shell_quote((root_ / "bgm.wav").string())).exit_code);
        ASSERT_EQ(0, run_command(ff + "-f lavfi -i sine=frequency=880:duration=1 " +
                                 shell_quote((root_ / "voice.wav").string())).exit_code);
        write_file_text(root_ / "promo.json", kSplitTimeline);
        // A different timeline (another title) for foreign segments.
        std::string other = kSplitTimeline;
        other.replace(other.find("分割レンダーの確認"), std::string("分割レンダーの確認").size(), "別の動画");
        write_file_text(root_ / "other.json", other);

        const KohoRun whole = video({"-o", out("whole.mp4")});
        ASSERT_EQ(whole.exit_code, 0) << whole.err;
        for (int k = 1; k <= 3; ++k) {
            const KohoRun segment = video({"--segment", std::to_string(k) + "/3", "-o", segment_path(k)});
            ASSERT_EQ(segment.exit_code, 0) << segment.err;
        }
        const KohoRun joined = concat({segment_path(1), segment_path(2), segment_path(3)}, "joined.mp4",
                                      {"--deps", out("joined.d")});
        ASSERT_EQ(joined.exit_code, 0) << joined.err;
    }
    static void TearDownTestSuite() { fs::remove_all(root_); }

    static std::string out(const std::string& name) { return (root_ / "out" / name).string(); }
    static std::string segment_path(int k) { return out("seg-" + std::to_string(k) + ".mp4"); }

    static KohoRun video(std::vector<std::string> extra, const std::string& timeline = "promo.json") {
        std::vector<std::string> args = {"video", (root_ / timeline).string(), "--root", root_.string(),
                                         "--threads", "1", "--quiet"};
        args.insert(args.end(), extra.begin(), extra.end());
        return run_koho(args, {kSplitEpoch});
    }
    static KohoRun concat(const std::vector<std::string>& segments, const std::string& output,
                          std::vector<std::string> extra = {}, const std::string& timeline = "promo.json") {
        std::vector<std::string> args = {"concat", "--timeline", (root_ / timeline).string(), "--root",
                                         root_.string(), "-o", out(output), "--quiet"};
        args.insert(args.end(), segments.begin(), segments.end());
        args.insert(args.end(), extra.begin(), extra.end());
        return run_koho(args, {kSplitEpoch});
    }

    static fs::path root_;
};

fs::path SplitRender::root_;

TEST_F(SplitRender, SegmentsAreWholeGopsOfVideoAloneStartingWithAKeyFrame) {
    const int64_t expected_frames[] = {15, 30, 27};
    for (int k = 1; k <= 3; ++k) {
        const StreamFacts facts = read_stream_facts(segment_path(k));
        EXPECT_FALSE(facts.has_audio()) << "segment " << k;
        EXPECT_TRUE(facts.chapters.empty()) << "segment " << k;
        const StreamInfo& v = facts.video();
        EXPECT_EQ(v.decoded_frames, expected_frames[k - 1]) << "segment " << k;
        ASSERT_FALSE(v.keyframes.empty());
        EXPECT_EQ(v.keyframes.front(), 0) << "segment " << k;
        for (size_t i = 0; i < v.keyframes.size(); ++i) EXPECT_EQ(v.keyframes[i], int64_t(i) * 15) << "segment " << k;
        EXPECT_EQ(v.width, 1280);
        EXPECT_EQ(v.leading_pictures, 0);
        // The tag names the part: K/N and the frame range.
        EXPECT_NE(facts.metadata.at("comment").find("\"k\":" + std::to_string(k) + ",\"n\":3"), std::string::npos)
            << facts.metadata.at("comment");
    }
}

TEST_F(SplitRender, JoinedHasTheWholeRendersFramesAtTheSamePts) {
    const PacketTable whole = read_packet_table(out("whole.mp4"), "video");
    const PacketTable joined = read_packet_table(out("joined.mp4"), "video");
    EXPECT_EQ(joined.num, whole.num);
    EXPECT_EQ(joined.den, whole.den);
    ASSERT_EQ(whole.rows.size(), 72u);
    ASSERT_EQ(joined.rows.size(), whole.rows.size());
    EXPECT_EQ(sorted_pts(joined), sorted_pts(whole));
    // Packet by packet in decode order: the same times, durations and key frames.
    for (size_t i = 0; i < whole.rows.size(); ++i) {
        EXPECT_EQ(joined.rows[i].pts, whole.rows[i].pts) << "packet " << i;
        EXPECT_EQ(joined.rows[i].dts, whole.rows[i].dts) << "packet " << i;
        EXPECT_EQ(joined.rows[i].duration, whole.rows[i].duration) << "packet " << i;
        EXPECT_EQ(joined.rows[i].key, whole.rows[i].key) << "packet " << i;
    }
    const StreamFacts w = read_stream_facts(out("whole.mp4")), j = read_stream_facts(out("joined.mp4"));
    EXPECT_EQ(j.video().decoded_frames, 72);
    EXPECT_EQ(j.video().keyframes, w.video().keyframes);
    EXPECT_EQ(j.video().declared_duration_s, w.video().declared_duration_s);
    EXPECT_EQ(j.video().leading_pictures, 0);
}

TEST_F(SplitRender, JoinedPicturesMatchTheWholeRenderWithinPsnr) {
    // FFmpeg's psnr filter as the outside meter, frame by frame.
    const CommandResult r = run_command("ffmpeg -nostdin -loglevel error -i " + shell_quote(out("joined.mp4")) +
                                        " -i " + shell_quote(out("whole.mp4")) +
                                        " -lavfi '[0:v][1:v]psnr=stats_file=-' -f null - 2>&1");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    std::istringstream lines(r.output);
    std::string line;
    int frames = 0, identical = 0;
    double lowest = std::numeric_limits<double>::infinity();
    const std::regex psnr_avg(R"(psnr_avg:(inf|[0-9.]+))");
    while (std::getline(lines, line)) {
        std::smatch m;
        if (!std::regex_search(line, m, psnr_avg)) continue;
        ++frames;
        if (m[1] == "inf") {
            ++identical;
            continue;
        }
        const double db = std::stod(m[1]);
        lowest = std::min(lowest, db);
        EXPECT_GE(db, 40.0) << line;
    }
    EXPECT_EQ(frames, 72) << r.output;
    std::cout << "[ split    ] " << identical << " of " << frames << " frames identical, lowest PSNR "
              << lowest << " dB\n";
}

TEST_F(SplitRender, JoinedSoundIsTheWholeRendersPacketForPacket) {
    const PacketTable whole = read_packet_table(out("whole.mp4"), "audio");
    const PacketTable joined = read_packet_table(out("joined.mp4"), "audio");
    ASSERT_GT(whole.rows.size(), 100u);  // 2.4 s of 1024-sample AAC frames
    EXPECT_EQ(joined.num, whole.num);
    EXPECT_EQ(joined.den, whole.den);
    EXPECT_TRUE(joined.rows == whole.rows) << "the AAC packets differ";
}

TEST_F(SplitRender, JoinedContainerIsTheWholeRenders) {
    const StreamFacts w = read_stream_facts(out("whole.mp4")), j = read_stream_facts(out("joined.mp4"));
    EXPECT_TRUE(j.moov_before_mdat);
    EXPECT_FALSE(j.has_edit_list);
    EXPECT_EQ(j.top_level_boxes, w.top_level_boxes);
    EXPECT_EQ(j.metadata.at("title"), "分割レンダーの確認");
    EXPECT_EQ(j.metadata.count("comment"), 0u);  // the segments' tags stay with them
    ASSERT_EQ(j.chapters.size(), 3u);
    for (size_t i = 0; i < 3; ++i) {
        EXPECT_EQ(j.chapters[i].title, w.chapters[i].title);
        EXPECT_EQ(j.chapters[i].start_s, w.chapters[i].start_s);
        EXPECT_EQ(j.chapters[i].end_s, w.chapters[i].end_s);
    }
    const StreamInfo &wv = w.video(), &jv = j.video();
    EXPECT_EQ(jv.profile, wv.profile);
    EXPECT_EQ(jv.color_primaries, wv.color_primaries);
    EXPECT_EQ(jv.color_trc, wv.color_trc);
    EXPECT_EQ(jv.color_space, wv.color_space);
    EXPECT_EQ(jv.color_range, wv.color_range);
    EXPECT_EQ(jv.avg_frame_rate.num, 30);
    EXPECT_EQ(jv.x264_settings, wv.x264_settings);
    EXPECT_EQ(j.audio().metadata.at("language"), "jpn");
}

TEST_F(SplitRender, SidecarsAreTheWholeRenders) {
    for (const std::string suffix : {".srt", ".vtt", "-chapters.txt", ".jpg"}) {
        const std::string whole = read_file_text(out("whole" + suffix));
        ASSERT_FALSE(whole.empty()) << suffix;
        EXPECT_TRUE(read_file_text(out("joined" + suffix)) == whole) << suffix << " differs";
    }
}

TEST_F(SplitRender, DepfileNamesTheSegmentsTheTimelineAndTheSound) {
    const std::string d = read_file_text(out("joined.d"));
    EXPECT_EQ(d.rfind(out("joined.mp4") + " ", 0), 0u) << d;
    // Each dependency has its empty rule ("PATH:" on a line of its own),
    // wherever the sorted list puts it.
    for (const std::string name : {"seg-1.mp4", "seg-2.mp4", "seg-3.mp4", "promo.json", "bgm.wav", "voice.wav"})
        EXPECT_NE(d.find("/" + name + ":\n"), std::string::npos) << name << " missing from\n" << d;
}

TEST_F(SplitRender, SegmentsAndJoinAreByteForByteRepeatable) {
    const KohoRun segment = video({"--segment", "2/3", "-o", out("again-2.mp4")});
    ASSERT_EQ(segment.exit_code, 0) << segment.err;
    EXPECT_TRUE(read_file_text(out("again-2.mp4")) == read_file_text(segment_path(2))) << "segment 2/3 differs";
    const KohoRun joined = concat({segment_path(1), segment_path(2), segment_path(3)}, "again.mp4");
    ASSERT_EQ(joined.exit_code, 0) << joined.err;
    EXPECT_TRUE(read_file_text(out("again.mp4")) == read_file_text(out("joined.mp4"))) << "the join differs";
}

// A refusal: exit 2, the message, no output at all.
void expect_split_refused(const KohoRun& run, const std::string& message, const fs::path& target) {
    EXPECT_EQ(run.exit_code, 2) << run.err;
    EXPECT_NE(run.err.find(message), std::string::npos) << run.err;
    EXPECT_FALSE(fs::exists(target)) << target;
    EXPECT_FALSE(fs::exists(fs::path(target).replace_extension(".jpg"))) << target;
}

TEST_F(SplitRender, MissingSegmentIsRefused) {
    const KohoRun run = concat({segment_path(1), segment_path(3)}, "missing.mp4");
    expect_split_refused(run, "error: segment 2/3 is missing", out("missing.mp4"));
}

TEST_F(SplitRender, SegmentsOutOfOrderAreRefused) {
    const KohoRun run = concat({segment_path(2), segment_path(1), segment_path(3)}, "order.mp4");
    expect_split_refused(run, segment_path(2) + ": error: segment 2/3 is given in place 1", out("order.mp4"));
}

TEST_F(SplitRender, DuplicateSegmentIsRefused) {
    const KohoRun run = concat({segment_path(1), segment_path(2), segment_path(2), segment_path(3)}, "twice.mp4");
    expect_split_refused(run, "error: segment 2/3 is given twice (also as " + segment_path(2) + ")", out("twice.mp4"));
}

TEST_F(SplitRender, SegmentOfAnotherSplitIsRefused) {
    const KohoRun half = video({"--segment", "2/2", "-o", out("half-2.mp4")});
    ASSERT_EQ(half.exit_code, 0) << half.err;
    const KohoRun run = concat({segment_path(1), out("half-2.mp4"), segment_path(3)}, "mixed.mp4");
    expect_split_refused(run, out("half-2.mp4") + ": error: this is segment 2/2 but " + segment_path(1) + " is 1/3",
                   out("mixed.mp4"));
}

TEST_F(SplitRender, SegmentOfAnotherTimelineIsRefused) {
    const KohoRun foreign = video({"--segment", "2/3", "-o", out("foreign-2.mp4")}, "other.json");
    ASSERT_EQ(foreign.exit_code, 0) << foreign.err;
    const KohoRun mixed = concat({segment_path(1), out("foreign-2.mp4"), segment_path(3)}, "foreign.mp4");
    expect_split_refused(mixed, out("foreign-2.mp4") + ": error: segment 2/3 is not part of the render",
                   out("foreign.mp4"));
    // All three from promo.json, joined against another timeline file.
    const KohoRun wrong = concat({segment_path(1), segment_path(2), segment_path(3)}, "wrong.mp4", {}, "other.json");
    expect_split_refused(wrong, segment_path(1) + ": error: segment 1/3 was rendered from another timeline",
                   out("wrong.mp4"));
}

TEST_F(SplitRender, WholeRenderIsNotASegment) {
    const KohoRun run = concat({out("whole.mp4")}, "notseg.mp4");
    expect_split_refused(run, out("whole.mp4") + ": error: not a segment of a split render", out("notseg.mp4"));
}

TEST_F(SplitRender, BadSegmentSpecsAreRefused) {
    struct Case {
        std::string spec, message;
    };
    for (const Case& c : {Case{"0/3", "'0/3' is not a segment K/N"}, Case{"4/3", "segment 4/3: K must be between 1 and N"},
                          Case{"two", "'two' is not a segment K/N"}, Case{"1/3x", "'1/3x' is not a segment K/N"},
                          Case{"1/6", "cannot split 72 frames into 6 segments: a segment is at least one GOP (15 "
                                      "frames) and this video has 5; use N ≤ 5"}}) {
        const KohoRun run = video({"--segment", c.spec, "-o", out("bad.mp4")});
        expect_split_refused(run, "--segment: error: " + c.message, out("bad.mp4"));
    }
}

TEST(SplitRenderHelp, VideoAndConcatHelpDescribeTheSplit) {
    const KohoRun video = run_koho({"video", "--help"});
    EXPECT_EQ(video.exit_code, 0);
    EXPECT_NE(video.out.find("--segment K/N"), std::string::npos) << video.out;
    const KohoRun concat = run_koho({"concat", "--help"});
    EXPECT_EQ(concat.exit_code, 0);
    for (const char* needle : {"SEG.mp4", "--timeline TIMELINE.json", "-o,--output OUT.mp4", "--deps FILE",
                               "not re-encoded", "Exit status: 0"})
        EXPECT_NE(concat.out.find(needle), std::string::npos) << needle << "\n" << concat.out;
    std::istringstream lines(concat.out);
    for (std::string line; std::getline(lines, line);) EXPECT_LE(line.size(), 120u) << line;
}

}  // namespace
}  // namespace koho::test
