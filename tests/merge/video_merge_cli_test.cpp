// `koho video TIMELINE --output-dir DIR` end to end: one MP4 set (MP4,
// captions, chapters, thumbnail, depfile) per record with the record's
// text, a bad record reported with its place in the data file while the
// good ones are written (exit 2), --list-records and --records, the
// variant's name, and -o / --output-dir / --segment refused for the wrong
// kind of timeline. The timelines are one second at 640×360 (web-720p,
// ultrafast), so each render is a fraction of a second.
#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/koho_runner.h"
#include "cli/run_inputs.h"
#include "video/stream_facts.h"

namespace koho::test {
namespace {

namespace fs = std::filesystem;

std::string read_whole(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// A one-second timeline that merges `data`: the venue as text, in a
// caption, a chapter title and the title; `extra` adds top-level keys.
std::string clip_timeline(const std::string& name, const std::string& data = "data/s.csv",
                          const std::string& extra = "") {
    return R"({"type": "video", "data": ")" + data + R"(", "title": "説明会 {{venue}}",
"size": "640x360", "fps": 30, "background": "#0f5e6e",
"styles": {"big": {"font": "Noto Sans CJK JP", "weight": "bold", "size": "32px", "color": "#ffffff"}},
"vars": {"year": "2027"},
"scenes": [{"id": "one", "duration": "1s", "layers": [
  {"type": "text", "style": "big", "text": "{{venue}}", "x": "40px", "y": "40px", "w": "560px", "h": "60px"}]}],
"captions": [{"start": "0.2s", "end": "0.8s", "text": "{{venue}}で説明会（{{year}}）"}],
"chapters": [{"start": "0s", "title": "{{venue}}の回"}],)" +
           extra + R"(
"output": {"preset": "web-720p", "encoder_preset": "ultrafast", "name": ")" + name + R"("}}
)";
}

const std::string kThreeSessions =
    "id,venue\n"
    "chiba,千葉会場\n"
    "online,オンライン\n"
    "tokyo,東京会場\n";

class VideoMergeCli : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("koho-video-merge-cli-" + std::to_string(::getpid()));
        fs::remove_all(dir_);
        fs::create_directories(dir_ / "out");
        fs::create_directories(dir_ / "deps");
        root_ = fs::canonical(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }

    void write(const std::string& relative, const std::string& text) const {
        fs::create_directories((dir_ / relative).parent_path());
        std::ofstream(dir_ / relative, std::ios::binary) << text;
    }
    std::string at(const std::string& relative) const { return (dir_ / relative).string(); }
    KohoRun video(const std::string& timeline, std::vector<std::string> extra = {}) const {
        std::vector<std::string> args = {"video", at(timeline), "--root", dir_.string(), "--font-dir", kFonts,
                                         "--quiet", "--threads", "1"};
        args.insert(args.end(), extra.begin(), extra.end());
        return run_koho(args, {kEpoch});
    }
    KohoRun merge(const std::string& timeline, std::vector<std::string> extra = {}) const {
        extra.insert(extra.begin(), {"--output-dir", at("out")});
        return video(timeline, extra);
    }
    std::vector<std::string> listing(const std::string& relative) const {
        std::vector<std::string> names;
        for (const auto& entry : fs::recursive_directory_iterator(dir_ / relative))
            names.push_back(fs::relative(entry.path(), dir_ / relative).string());
        std::sort(names.begin(), names.end());
        return names;
    }

    fs::path dir_, root_;
};

std::vector<std::string> set_of(const std::string& stem) {
    return {stem + "-chapters.txt", stem + ".jpg", stem + ".mp4", stem + ".srt", stem + ".vtt"};
}

std::vector<std::string> sets_of(const std::vector<std::string>& stems) {
    std::vector<std::string> names;
    for (const auto& stem : stems)
        for (auto& name : set_of(stem)) names.push_back(name);
    std::sort(names.begin(), names.end());
    return names;
}

TEST_F(VideoMergeCli, OneMp4SetPerRecordWithTheRecordsTextAndADepfile) {
    write("data/s.csv", kThreeSessions);
    write("clip.json", clip_timeline("clip-{{id}}.mp4"));
    const KohoRun run = merge("clip.json", {"--deps", at("deps")});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    // Only the warnings that one short chapter draws (video sites want three of 10 s).
    EXPECT_EQ(run.err.find("error"), std::string::npos) << run.err;
    EXPECT_NE(run.err.find("chapter \"オンラインの回\""), std::string::npos) << run.err;
    EXPECT_EQ(listing("out"), sets_of({"clip-chiba", "clip-online", "clip-tokyo"}));
    EXPECT_EQ(listing("deps"),
              (std::vector<std::string>{"clip-chiba.mp4.d", "clip-online.mp4.d", "clip-tokyo.mp4.d"}));

    // Each record's captions and chapters carry its own field values.
    const std::string srt = read_whole(at("out/clip-online.srt"));
    EXPECT_NE(srt.find("オンラインで説明会（2027）"), std::string::npos) << srt;
    EXPECT_EQ(srt.find("千葉会場"), std::string::npos) << srt;
    EXPECT_NE(read_whole(at("out/clip-tokyo.vtt")).find("東京会場で説明会（2027）"), std::string::npos);
    EXPECT_NE(read_whole(at("out/clip-chiba-chapters.txt")).find("千葉会場の回"), std::string::npos)
        << read_whole(at("out/clip-chiba-chapters.txt"));

    // The MP4 is the whole second, at the preset's size, with the record's title.
    const StreamFacts facts = read_stream_facts(at("out/clip-chiba.mp4"));
    EXPECT_NEAR(facts.video().duration_s, 1.0, 1e-6);
    EXPECT_EQ(facts.video().decoded_frames, 30);
    EXPECT_EQ(facts.video().width, 1280);
    EXPECT_EQ(facts.video().height, 720);
    EXPECT_EQ(facts.metadata.at("title"), "説明会 千葉会場");
    // The frames differ: the text is each record's.
    EXPECT_NE(read_whole(at("out/clip-chiba.jpg")), read_whole(at("out/clip-online.jpg")));

    const std::string depfile = read_whole(at("deps/clip-online.mp4.d"));
    EXPECT_EQ(depfile.rfind(at("out/clip-online.mp4") + " ", 0), 0u) << depfile;
    // Its empty rule, "PATH:" on a line of its own, wherever sorting puts it.
    EXPECT_NE(depfile.find("\n" + (root_ / "data/s.csv").string() + ":\n"), std::string::npos) << depfile;
    EXPECT_NE(depfile.find("\n" + (root_ / "data/s.csv").string() + ":\n"), std::string::npos) << depfile;
    EXPECT_NE(depfile.find("\n" + (root_ / "clip.json").string() + ":\n"), std::string::npos) << depfile;
    EXPECT_NE(depfile.find("NotoSansCJK-Bold.ttc"), std::string::npos) << depfile;
    EXPECT_NE(read_whole(at("deps/clip-tokyo.mp4.d")).find("NotoSansCJK-Bold.ttc"), std::string::npos);
}

TEST_F(VideoMergeCli, ABadRecordIsReportedAndTheOthersAreStillWritten) {
    write("data/s.json",
          "[{\"id\": \"a\", \"venue\": \"千葉会場\"},\n"
          " {\"id\": \"b\"},\n"
          " {\"id\": \"c\", \"venue\": [1]},\n"
          " {\"id\": \"d\", \"venue\": \"柏会場\"}]\n");
    write("clip.json", clip_timeline("{{id}}.mp4", "data/s.json"));
    const KohoRun run = merge("clip.json", {"--deps", at("deps")});
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_EQ(listing("out"), sets_of({"a", "d"}));
    EXPECT_EQ(listing("deps"), (std::vector<std::string>{"a.mp4.d", "d.mp4.d"}));
    const std::string timeline = at("clip.json");
    // Record 2 has no venue: found in the timeline (its title, the first to name it),
    // and the note right after names the record's place in the data.
    EXPECT_NE(run.err.find(timeline + ":1:56: error: unknown variable '{{venue}}' (at /title)\n"
                                      "data/s.json:2:2: note: record 2 was not written (b.mp4) (at /1)\n"),
              std::string::npos)
        << run.err;
    // Record 3's fault is in the data itself.
    EXPECT_NE(run.err.find("data/s.json:3:23: error: field 'venue' of record 3 must be a string or a number"),
              std::string::npos)
        << run.err;
    EXPECT_NE(run.err.find("\n" + timeline + ": error: 2 of 4 records failed; 2 written\n"), std::string::npos)
        << run.err;
}

TEST_F(VideoMergeCli, ListRecordsRecordsAndTheVariantsName) {
    write("data/s.csv", kThreeSessions);
    write("clip.json", clip_timeline("clip-{{id}}.mp4", "data/s.csv",
                                     R"("variants": {"square": {"size": "360x360", "output": {"preset": "sns-1080x1080"}}},)"));
    const KohoRun list = merge("clip.json", {"--list-records"});
    EXPECT_EQ(list.exit_code, 0) << list.err;
    EXPECT_EQ(list.out, "1\tclip-chiba.mp4\n2\tclip-online.mp4\n3\tclip-tokyo.mp4\n");
    EXPECT_TRUE(listing("out").empty());
    const KohoRun square = merge("clip.json", {"--list-records", "--variant", "square"});
    EXPECT_EQ(square.out, "1\tclip-chiba-square.mp4\n2\tclip-online-square.mp4\n3\tclip-tokyo-square.mp4\n");
    // The variants of a merging timeline are listed (read with its first record).
    const KohoRun variants = video("clip.json", {"--list-variants"});
    EXPECT_EQ(variants.exit_code, 0) << variants.err;
    EXPECT_EQ(variants.out, "square\n");

    const KohoRun two = merge("clip.json", {"--records", "2", "--variant", "square"});
    ASSERT_EQ(two.exit_code, 0) << two.err;
    EXPECT_EQ(listing("out"), sets_of({"clip-online-square"}));
    EXPECT_EQ(read_stream_facts(at("out/clip-online-square.mp4")).video().width, 1080);
    const KohoRun past = merge("clip.json", {"--records", "4"});
    EXPECT_EQ(past.exit_code, 2);
    EXPECT_EQ(past.err, "--records: error: record 4 does not exist; the data has 3 records\n");
}

TEST_F(VideoMergeCli, OutputOutputDirAndSegmentAreForTheirOwnKindOfTimeline) {
    write("data/s.csv", kThreeSessions);
    write("clip.json", clip_timeline("clip-{{id}}.mp4"));
    const KohoRun one = video("clip.json", {"-o", at("out/x.mp4")});
    EXPECT_EQ(one.exit_code, 2);
    EXPECT_EQ(one.err, at("clip.json") + ":1:27: error: this timeline merges data: it makes one MP4 per record "
                                         "of data/s.csv; give their folder with --output-dir DIR instead of -o "
                                         "(at /data)\n");
    const KohoRun split = merge("clip.json", {"--segment", "1/2"});
    EXPECT_EQ(split.exit_code, 2);
    EXPECT_NE(split.err.find("--segment: error: a split render is of one video"), std::string::npos) << split.err;

    write("plain.json", R"({"type": "video", "size": "640x360", "duration": "1s",
"output": {"preset": "web-720p", "encoder_preset": "ultrafast"}})");
    const KohoRun dir = merge("plain.json");
    EXPECT_EQ(dir.exit_code, 2);
    EXPECT_EQ(dir.err, at("plain.json") + ": error: the timeline has no \"data\" to merge; --output-dir is for "
                                          "data merge (write one MP4 with -o OUT.mp4)\n");
    const KohoRun records = video("plain.json", {"-o", at("out/x.mp4"), "--records", "1"});
    EXPECT_EQ(records.exit_code, 2);
    EXPECT_EQ(records.err, "--records: error: records are chosen in data merge, with --output-dir DIR\n");
    EXPECT_TRUE(listing("out").empty());
}

TEST_F(VideoMergeCli, DataAndItsNameComeTogether) {
    write("data/s.csv", kThreeSessions);
    write("nameless.json", R"({"type": "video", "data": "data/s.csv", "size": "640x360", "duration": "1s",
"output": {"preset": "web-720p"}})");
    const KohoRun nameless = merge("nameless.json", {"--list-records"});
    EXPECT_EQ(nameless.exit_code, 2);
    EXPECT_NE(nameless.err.find(at("nameless.json") + ":1:19: error: \"data\" needs \"output\": {\"name\": ...}"),
              std::string::npos)
        << nameless.err;
    write("dataless.json", R"({"type": "video", "size": "640x360", "duration": "1s",
"output": {"preset": "web-720p", "name": "x-{{id}}.mp4"}})");
    const KohoRun dataless = video("dataless.json", {"-o", at("out/x.mp4")});
    EXPECT_EQ(dataless.exit_code, 2);
    EXPECT_NE(dataless.err.find("\"output.name\" names each record's file, but there is no \"data\" to merge"),
              std::string::npos)
        << dataless.err;
    write("wrong.json", clip_timeline("clip-{{id}}.pdf"));
    const KohoRun wrong = merge("wrong.json", {"--list-records"});
    EXPECT_EQ(wrong.exit_code, 2);
    EXPECT_NE(wrong.err.find("record 1's output name 'clip-chiba.pdf' must end in .mp4"), std::string::npos)
        << wrong.err;
    write("variant.json", clip_timeline("clip-{{id}}.mp4", "data/s.csv",
                                        R"("variants": {"sq": {"size": "360x360", "output": {"name": "sq.mp4"}}},)"));
    const KohoRun variant = merge("variant.json", {"--records", "1"});
    EXPECT_EQ(variant.exit_code, 2);
    EXPECT_NE(variant.err.find(at("variant.json") + ":8:105: error: variant 'sq' sets \"name\" in \"output\""),
              std::string::npos)
        << variant.err;
    EXPECT_TRUE(listing("out").empty());
}

}  // namespace
}  // namespace koho::test
