// The read-back library checked against files the ffmpeg CLI made with
// known properties: if stream_facts misread a file, every video test
// built on it would be wrong, so it gets its own oracle.
#include "video/stream_facts.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>

namespace koho::test {
namespace {

namespace fs = std::filesystem;

fs::path scratch() {
    static const fs::path dir = [] {
        fs::path d = fs::temp_directory_path() / ("koho-stream-facts-" + std::to_string(getpid()));
        fs::remove_all(d);
        fs::create_directories(d);
        return d;
    }();
    return dir;
}

// Runs the ffmpeg CLI (test inputs only; koho never runs it).
fs::path make(const std::string& name, const std::string& args) {
    fs::path out = scratch() / name;
    std::string cmd = "ffmpeg -nostdin -hide_banner -loglevel error -y " + args + " '" + out.string() + "'";
    if (std::system(cmd.c_str()) != 0) throw std::runtime_error("ffmpeg failed: " + cmd);
    return out;
}

const std::string kTestsrc =
    "-f lavfi -i testsrc=size=320x240:rate=25:duration=2 "
    "-f lavfi -i sine=frequency=440:sample_rate=48000:duration=2 ";
const std::string kX264 = "-c:v libx264 -preset ultrafast -bf 2 -pix_fmt yuv420p -threads 1 -c:a aac -ac 2 ";

TEST(StreamFacts, CountsFramesAndPacketsAndMeasuresDurationFromPackets) {
    fs::path file = make("plain.mp4", kTestsrc + kX264 + "-shortest -movflags +faststart");
    StreamFacts facts = read_stream_facts(file);
    EXPECT_NE(facts.format.find("mp4"), std::string::npos);
    ASSERT_TRUE(facts.has_video());
    ASSERT_TRUE(facts.has_audio());
    const StreamInfo& v = facts.video();
    EXPECT_EQ(v.codec, "h264");
    EXPECT_EQ(v.pix_fmt, "yuv420p");
    EXPECT_EQ(v.width, 320);
    EXPECT_EQ(v.height, 240);
    EXPECT_EQ(v.avg_frame_rate.num * 1, 25 * v.avg_frame_rate.den);
    EXPECT_EQ(v.packets, 50);
    EXPECT_EQ(v.decoded_frames, 50);
    EXPECT_NEAR(v.duration_s, 2.0, 1e-9);
    EXPECT_GT(v.b_frames, 0);
    EXPECT_EQ(v.picture_types.size(), 50u);
    ASSERT_FALSE(v.keyframes.empty());
    EXPECT_EQ(v.keyframes.front(), 0);
    EXPECT_EQ(v.x264_setting("bframes"), "2");
    EXPECT_EQ(v.x264_setting("threads"), "1");
    EXPECT_EQ(v.x264_setting("cabac"), "0");  // ultrafast turns CABAC off
    EXPECT_EQ(v.x264_setting("no_such_setting"), "");
    const StreamInfo& a = facts.audio();
    EXPECT_EQ(a.codec, "aac");
    EXPECT_EQ(a.profile, "LC");
    EXPECT_EQ(a.sample_rate, 48000);
    EXPECT_EQ(a.channels, 2);
    // The edit list this file carries makes libavformat skip the encoder's
    // 1024 samples of priming: decoded_samples counts what a player plays.
    EXPECT_TRUE(facts.has_edit_list);
    EXPECT_EQ(a.decoded_samples, a.packets * 1024 - 1024);
    EXPECT_TRUE(facts.moov_before_mdat);
}

TEST(StreamFacts, SeesWhereMoovIsAndWhetherAnEditListExists) {
    // Default mp4 muxing: moov at the end, and an edit list (B-frame delay, AAC priming).
    fs::path late = make("late.mp4", kTestsrc + kX264 + "-shortest");
    StreamFacts a = read_stream_facts(late);
    EXPECT_FALSE(a.moov_before_mdat);
    EXPECT_TRUE(a.has_edit_list);
    ASSERT_GE(a.top_level_boxes.size(), 3u);
    EXPECT_EQ(a.top_level_boxes.front(), "ftyp");

    fs::path early = make("early.mp4", kTestsrc + kX264 + "-shortest -movflags +faststart -use_editlist 0");
    StreamFacts b = read_stream_facts(early);
    EXPECT_TRUE(b.moov_before_mdat);
    EXPECT_FALSE(b.has_edit_list);
    auto paths = mp4_box_paths(early);
    EXPECT_NE(std::find(paths.begin(), paths.end(), "moov/trak/mdia/minf/stbl/stsd"), paths.end());
}

TEST(StreamFacts, TellsOpenGopsFromClosedOnes) {
    const std::string gop = "-c:v libx264 -preset ultrafast -bf 2 -pix_fmt yuv420p -threads 1 -g 12 -sc_threshold 0 ";
    StreamFacts open = read_stream_facts(
        make("open.mp4", "-f lavfi -i testsrc=size=160x120:rate=25:duration=2 " + gop +
                             "-x264-params open-gop=1:b-adapt=0 -an"));
    StreamFacts closed = read_stream_facts(
        make("closed.mp4", "-f lavfi -i testsrc=size=160x120:rate=25:duration=2 " + gop +
                               "-x264-params b-adapt=0 -an"));
    EXPECT_GT(open.video().leading_pictures, 0);
    EXPECT_EQ(closed.video().leading_pictures, 0);
    EXPECT_EQ(closed.video().keyframes, (std::vector<int64_t>{0, 12, 24, 36, 48}));
}

TEST(StreamFacts, ReadsColourTagsAndChapters) {
    fs::path meta = scratch() / "chapters.txt";
    std::ofstream(meta) << ";FFMETADATA1\ntitle=Facts\n"
                           "[CHAPTER]\nTIMEBASE=1/1000\nSTART=0\nEND=1200\ntitle=はじめに\n"
                           "[CHAPTER]\nTIMEBASE=1/1000\nSTART=1200\nEND=2000\ntitle=End\n";
    fs::path file = make("tagged.mp4", kTestsrc + "-i '" + meta.string() + "' -map 0:v -map 1:a -map_metadata 2 " +
                                           "-map_chapters 2 " + kX264 +
                                           "-colorspace bt709 -color_primaries bt709 -color_trc bt709 "
                                           "-color_range tv -shortest");
    StreamFacts facts = read_stream_facts(file);
    const StreamInfo& v = facts.video();
    EXPECT_EQ(v.color_primaries, "bt709");
    EXPECT_EQ(v.color_trc, "bt709");
    EXPECT_EQ(v.color_space, "bt709");
    EXPECT_EQ(v.color_range, "tv");
    EXPECT_EQ(facts.metadata["title"], "Facts");
    ASSERT_EQ(facts.chapters.size(), 2u);
    EXPECT_EQ(facts.chapters[0].title, "はじめに");
    EXPECT_NEAR(facts.chapters[0].start_s, 0.0, 1e-3);
    EXPECT_NEAR(facts.chapters[1].start_s, 1.2, 1e-3);
    EXPECT_NEAR(facts.chapters[1].end_s, 2.0, 0.05);
}

TEST(StreamFacts, DecodesPixelsWithTheTaggedMatrix) {
    // A flat red converted by ffmpeg with the BT.709 matrix and tagged so:
    // read back through the tag it is the same red; read as BT.601 it
    // would be visibly off (which the writer's test relies on).
    fs::path file = make("red.mp4",
                         "-f lavfi -i color=c=0xe60012:size=64x64:rate=25:duration=0.4 "
                         "-vf scale=out_color_matrix=bt709:out_range=tv -c:v libx264 -preset ultrafast -qp 0 "
                         "-pix_fmt yuv420p -colorspace bt709 -color_primaries bt709 -color_trc bt709 -color_range tv");
    auto frames = decode_frames_rgb(file, {0, 9});
    ASSERT_EQ(frames.size(), 2u);
    EXPECT_EQ(frames[1].index, 9);
    EXPECT_EQ(frames[0].width, 64);
    auto px = frames[1].at(32, 32);
    EXPECT_NEAR(px[0], 0xe6, 3);
    EXPECT_NEAR(px[1], 0x00, 3);
    EXPECT_NEAR(px[2], 0x12, 3);
    EXPECT_THROW(decode_frames_rgb(file, {10}), std::runtime_error);
}

TEST(StreamFacts, DecodesAudio) {
    fs::path file = make("tone.m4a", "-f lavfi -i sine=frequency=1000:sample_rate=48000:duration=1 -ac 2 -c:a aac");
    std::vector<float> pcm = decode_audio_stereo(file, 48000);
    EXPECT_GT(pcm.size(), 2u * 48000);
    float peak = 0;
    for (float s : pcm) peak = std::max(peak, std::abs(s));
    EXPECT_NEAR(peak, 0.125, 0.03);  // lavfi's sine is at 1/8 of full scale
}

}  // namespace
}  // namespace koho::test
