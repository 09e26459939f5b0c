// video/sidecars.h: SubRip and WebVTT text, the chapter list and its
// warnings, and the SubRip reader (its located errors, and a round trip).
#include "video/sidecars.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <unistd.h>

namespace koho::video {
namespace {

namespace fs = std::filesystem;

model::Caption caption(double start, double end, std::string text) {
    model::Caption c;
    c.start_s = start;
    c.end_s = end;
    c.text = std::move(text);
    return c;
}

model::Chapter chapter(double start, std::string title, int line = 0) {
    model::Chapter c;
    c.start_s = start;
    c.title = std::move(title);
    c.loc = {"promo.json", line, 5, "/chapters/" + std::to_string(line)};
    return c;
}

// --- writers ----------------------------------------------------------------

TEST(SrtText, NumberedBlocksWithCommaMilliseconds) {
    std::string srt = srt_text({caption(0.5, 3, "千葉県では児童福祉の専門職を募集しています。"),
                                caption(3.25, 5.0004, "一行目\n二行目")});
    EXPECT_EQ(srt,
              "1\n00:00:00,500 --> 00:00:03,000\n千葉県では児童福祉の専門職を募集しています。\n\n"
              "2\n00:00:03,250 --> 00:00:05,000\n一行目\n二行目\n\n");
}

TEST(SrtText, RoundsToTheMillisecondAndIncludesHours) {
    std::string srt = srt_text({caption(3723.4566, 3723.9996, "a"), caption(36000, 360000.001, "b")});
    EXPECT_NE(srt.find("01:02:03,457 --> 01:02:04,000"), std::string::npos) << srt;
    EXPECT_NE(srt.find("10:00:00,000 --> 100:00:00,001"), std::string::npos) << srt;
    EXPECT_EQ(srt.find('\r'), std::string::npos);
}

TEST(SrtText, BlankLinesInsideACaptionAreDroppedSoTheCueStaysWhole) {
    // A blank line would end the cue early; CRs would be CRLF.
    std::string srt = srt_text({caption(1, 2, "上\r\n\n  \n下")});
    EXPECT_EQ(srt, "1\n00:00:01,000 --> 00:00:02,000\n上\n下\n\n");
}

TEST(SrtText, EmptyListIsEmpty) { EXPECT_EQ(srt_text({}), ""); }

TEST(VttText, HeaderDotMillisecondsAndEscapes) {
    std::string vtt = vtt_text({caption(0.5, 3, "募集 <説明会> & 相談"), caption(61.001, 3599.9999, "x\ny")});
    EXPECT_EQ(vtt,
              "WEBVTT\n\n"
              "00:00:00.500 --> 00:00:03.000\n募集 &lt;説明会&gt; &amp; 相談\n\n"
              "00:01:01.001 --> 01:00:00.000\nx\ny\n\n");
    EXPECT_EQ(vtt_text({}), "WEBVTT\n\n");
}

TEST(ChaptersText, MinutesUnderAnHourHoursAfter) {
    std::string text = chapters_text({chapter(0, "はじめに"), chapter(65, "仕事の内容"), chapter(599.6, "十分"),
                                      chapter(3599.4, "直前"), chapter(3723, "一時間後"),
                                      chapter(36000, "十時間")});
    EXPECT_EQ(text,
              "0:00 はじめに\n1:05 仕事の内容\n10:00 十分\n59:59 直前\n1:02:03 一時間後\n10:00:00 十時間\n");
}

TEST(ChaptersText, ATitleStaysOnOneLine) {
    EXPECT_EQ(chapters_text({chapter(0, "二行の\nタイトル")}), "0:00 二行の タイトル\n");
}

TEST(CheckChapters, NoWarningsForThreeLongEnoughChapters) {
    EXPECT_TRUE(check_chapters({chapter(0, "a"), chapter(10, "b"), chapter(20, "c")}, 30).empty());
    EXPECT_TRUE(check_chapters({}, 30).empty());  // no chapters: nothing to warn about
}

TEST(CheckChapters, FewerThanThree) {
    auto warnings = check_chapters({chapter(0, "はじめに", 40), chapter(20, "おわりに", 41)}, 60);
    ASSERT_EQ(warnings.size(), 1u);
    EXPECT_EQ(warnings[0].loc.line, 40);
    EXPECT_NE(warnings[0].message.find("only 2 chapters"), std::string::npos) << warnings[0].message;
    EXPECT_NE(warnings[0].message.find("at least 3"), std::string::npos);
    auto one = check_chapters({chapter(0, "only", 7)}, 60);
    ASSERT_EQ(one.size(), 1u);
    EXPECT_NE(one[0].message.find("only 1 chapter:"), std::string::npos) << one[0].message;
}

TEST(CheckChapters, ShortChapterNamedAtItsLocation) {
    auto warnings = check_chapters(
        {chapter(0, "はじめに", 10), chapter(12, "仕事の内容", 11), chapter(18.5, "応募", 12), chapter(40, "最後", 13)},
        45);
    ASSERT_EQ(warnings.size(), 2u);
    EXPECT_EQ(warnings[0].loc.line, 11);
    EXPECT_EQ(warnings[0].loc.pointer, "/chapters/11");
    EXPECT_NE(warnings[0].message.find("\"仕事の内容\""), std::string::npos) << warnings[0].message;
    EXPECT_NE(warnings[0].message.find("0:12"), std::string::npos);
    EXPECT_NE(warnings[0].message.find("6.5 s long"), std::string::npos) << warnings[0].message;
    EXPECT_NE(warnings[0].message.find("at least 10 s"), std::string::npos);
    // The last chapter runs to the end of the video: 5 s.
    EXPECT_EQ(warnings[1].loc.line, 13);
    EXPECT_NE(warnings[1].message.find("\"最後\""), std::string::npos);
    EXPECT_NE(warnings[1].message.find("5 s long"), std::string::npos) << warnings[1].message;
}

TEST(CheckChapters, ExactlyTenSecondsIsEnough) {
    EXPECT_TRUE(check_chapters({chapter(0, "a"), chapter(10, "b"), chapter(20, "c")}, 30).empty());
    EXPECT_EQ(check_chapters({chapter(0, "a"), chapter(10, "b"), chapter(20, "c")}, 29.99).size(), 1u);
}

// --- read_srt ---------------------------------------------------------------

class ReadSrt : public ::testing::Test {
protected:
    fs::path dir_;
    void SetUp() override {
        dir_ = fs::temp_directory_path() /
               ("koho-srt-" + std::to_string(::getpid()) + "-" +
                std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
        fs::create_directories(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }

    fs::path write(const std::string& bytes) {
        fs::path p = dir_ / "captions.srt";
        std::ofstream(p, std::ios::binary) << bytes;
        return p;
    }
    std::vector<model::Caption> read(const std::string& bytes) { return read_srt(write(bytes), "captions.srt"); }

    // The formatted error ("captions.srt:LINE:COL: error: ...") of reading `bytes`.
    std::string error_of(const std::string& bytes) {
        try {
            read(bytes);
        } catch (const Error& e) {
            EXPECT_EQ(e.kind(), ErrorKind::BadInput);
            return e.formatted();
        }
        ADD_FAILURE() << "no error";
        return "";
    }
};

TEST_F(ReadSrt, ParsesCuesWithMultiLineText) {
    auto cues = read(
        "1\n00:00:00,500 --> 00:00:03,000\n千葉県では\n児童福祉の専門職を\n\n"
        "2\n00:00:03,000 --> 01:02:03,456\n募集しています。\n");
    ASSERT_EQ(cues.size(), 2u);
    EXPECT_DOUBLE_EQ(cues[0].start_s, 0.5);
    EXPECT_DOUBLE_EQ(cues[0].end_s, 3);
    EXPECT_EQ(cues[0].text, "千葉県では\n児童福祉の専門職を");
    EXPECT_EQ(cues[0].loc.file, "captions.srt");
    EXPECT_EQ(cues[0].loc.line, 1);
    EXPECT_EQ(cues[0].page, 0u);
    EXPECT_DOUBLE_EQ(cues[1].start_s, 3);  // touching the previous cue is fine
    EXPECT_DOUBLE_EQ(cues[1].end_s, 3723.456);
    EXPECT_EQ(cues[1].text, "募集しています。");
    EXPECT_EQ(cues[1].loc.line, 6);
}

TEST_F(ReadSrt, BomCrlfExtraBlankLinesAndDotMilliseconds) {
    auto cues = read(
        "\xEF\xBB\xBF\r\n1\r\n00:00:01,000 --> 00:00:02,000\r\nあ\r\nい\r\n\r\n\r\n \r\n"
        "2\r\n00:00:02.500-->00:00:04.250  \r\nう\r\n");
    ASSERT_EQ(cues.size(), 2u);
    EXPECT_EQ(cues[0].text, "あ\nい");
    EXPECT_EQ(cues[0].loc.line, 2);
    EXPECT_DOUBLE_EQ(cues[1].start_s, 2.5);
    EXPECT_DOUBLE_EQ(cues[1].end_s, 4.25);
    EXPECT_EQ(cues[1].text, "う");
    EXPECT_EQ(cues[1].loc.line, 9);
}

TEST_F(ReadSrt, RoundTripFromSrtText) {
    std::vector<model::Caption> captions = {caption(0.5, 3, "千葉県では児童福祉の専門職を募集しています。"),
                                            caption(3.2, 6.789, "一行目\n二行目"),
                                            caption(3600.001, 3661.5, "一時間後")};
    auto back = read(srt_text(captions));
    ASSERT_EQ(back.size(), captions.size());
    for (size_t i = 0; i < captions.size(); ++i) {
        EXPECT_NEAR(back[i].start_s, captions[i].start_s, 1e-9) << i;
        EXPECT_NEAR(back[i].end_s, captions[i].end_s, 1e-9) << i;
        EXPECT_EQ(back[i].text, captions[i].text) << i;
    }
}

TEST_F(ReadSrt, BadTimeIsLocatedAtItsColumn) {
    std::string e = error_of("1\n00:00:01,000 --> 00:00:02,000\na\n\n2\n00:00:03,000 --> 00:61:00,000\nb\n");
    EXPECT_NE(e.find("captions.srt:6:18: error: bad cue time"), std::string::npos) << e;
    e = error_of("1\n00:00:01 --> 00:00:02,000\na\n");
    EXPECT_NE(e.find("captions.srt:2:9: error: bad cue time: expected \",\""), std::string::npos) << e;
    e = error_of("1\n00:00:01,000 -> 00:00:02,000\na\n");
    EXPECT_NE(e.find("captions.srt:2:14: error: bad cue timing: expected \" --> \""), std::string::npos) << e;
    e = error_of("1\n00:00:01,000 --> 00:00:02,000 X1:10\na\n");
    EXPECT_NE(e.find("captions.srt:2:31: error: bad cue timing: unexpected text"), std::string::npos) << e;
    e = error_of("1\n00:00:01,00 --> 00:00:02,000\na\n");
    EXPECT_NE(e.find("captions.srt:2:12: error: bad cue time: expected three digits of milliseconds"),
              std::string::npos)
        << e;
}

TEST_F(ReadSrt, EndNotAfterStart) {
    std::string e = error_of("1\n00:00:05,000 --> 00:00:05,000\na\n");
    EXPECT_NE(e.find("captions.srt:2:18: error: cue 1 ends at 00:00:05,000, not after its start"),
              std::string::npos)
        << e;
    e = error_of("1\n00:00:05,000 --> 00:00:04,000\na\n");
    EXPECT_NE(e.find("captions.srt:2:18:"), std::string::npos) << e;
}

TEST_F(ReadSrt, OverlappingAndOutOfOrderCues) {
    std::string e = error_of(
        "1\n00:00:01,000 --> 00:00:03,000\na\n\n"
        "2\n00:00:02,999 --> 00:00:04,000\nb\n");
    EXPECT_NE(e.find("captions.srt:6:1: error: cue 2 starts at 00:00:02,999, before cue 1 ends (00:00:03,000)"),
              std::string::npos)
        << e;
    e = error_of(
        "1\n00:00:05,000 --> 00:00:06,000\na\n\n"
        "2\n00:00:01,000 --> 00:00:02,000\nb\n");
    EXPECT_NE(e.find("captions.srt:6:1: error: cue 2 starts"), std::string::npos) << e;
}

TEST_F(ReadSrt, NotUtf8IsLocated) {
    // "あ" in Shift_JIS is 0x82 0xA0.
    std::string e = error_of("1\n00:00:01,000 --> 00:00:02,000\nいい\x82\xA0\n");
    EXPECT_NE(e.find("captions.srt:3:3: error: not UTF-8 (byte 0x82)"), std::string::npos) << e;
    e = error_of("1\n00:00:01,000 --> 00:00:02,000\n\xED\xA0\x80\n");  // a surrogate
    EXPECT_NE(e.find("captions.srt:3:1: error: not UTF-8"), std::string::npos) << e;
    e = error_of("1\n00:00:01,000 --> 00:00:02,000\n\xE3\x81\n");  // cut short
    EXPECT_NE(e.find("captions.srt:3:1: error: not UTF-8"), std::string::npos) << e;
}

TEST_F(ReadSrt, StructureErrors) {
    std::string e = error_of("00:00:01,000 --> 00:00:02,000\na\n");
    EXPECT_NE(e.find("captions.srt:1:1: error: a cue starts with its number"), std::string::npos) << e;
    e = error_of("1\n00:00:01,000 --> 00:00:02,000\na\n\nhello\n");
    EXPECT_NE(e.find("captions.srt:5:1: error: expected a cue number"), std::string::npos) << e;
    e = error_of("1\n00:00:01,000 --> 00:00:02,000\n\n");
    EXPECT_NE(e.find("captions.srt:2:30: error: cue 1 has no text"), std::string::npos) << e;
    e = error_of("1\n\n");
    EXPECT_NE(e.find("captions.srt:2:1: error: cue 1 has no timing line"), std::string::npos) << e;
    e = error_of("\xEF\xBB\xBF\r\n\r\n");
    EXPECT_NE(e.find("captions.srt: error: the caption file has no cues"), std::string::npos) << e;
}

TEST_F(ReadSrt, MissingFile) {
    try {
        read_srt(dir_ / "missing.srt", "missing.srt");
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::BadInput);
        EXPECT_NE(e.formatted().find("missing.srt: error: cannot open the caption file"), std::string::npos)
            << e.formatted();
    }
}

}  // namespace
}  // namespace koho::video
