// Makefile.assets and data merge, on a small project of its own: every
// record of a merging layout is a target with its own depfile; a second
// make does nothing; editing the data re-renders its records (and a new
// row is a new output), and a layout without data is left alone.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>

#include "support/assets_make.h"
#include "support/merging_clip.h"

namespace koho::test {
namespace {

namespace fs = std::filesystem;

std::string card_layout(const std::string& data, const std::string& output) {
    return R"({"type": "print", "data": ")" + data + R"(", "output": ")" + output + R"(",
"page": {"size": {"w": "400px", "h": "300px"}, "bleed": "0mm", "marks": "none"},
"color": {"mode": "rgb"},
"fonts": {"gothic": "Noto Sans CJK JP"},
"styles": {"body": {"font": "gothic", "size": "20px", "leading": "28px"}},
"pages": [{"frames": [
  {"type": "text", "x": "20px", "y": "20px", "w": "360px", "h": "40px", "style": "body", "text": "{{venue}}"}]}]}
)";
}

class MergeMake : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("koho-merge-make-" + std::to_string(::getpid()));
        fs::remove_all(dir_);
        for (const char* sub : {"layouts", "data", "media", "output"}) fs::create_directories(dir_ / sub);
        std::ofstream(dir_ / "data/s.csv") << "id,venue\nchiba,千葉会場\nonline,オンライン\n";
        std::ofstream(dir_ / "layouts/card.json") << card_layout("data/s.csv", "card-{{id}}.png");
        std::ofstream(dir_ / "layouts/flyer.json") << card_layout("data/s.csv", "flyer-{{id}}.pdf");
    }
    void TearDown() override { fs::remove_all(dir_); }

    std::string make(const std::string& flags) const { return assets_make(dir_, "", flags); }
    std::map<std::string, fs::file_time_type> output_times() const { return write_times_under(dir_ / "output"); }

    fs::path dir_;
};

TEST_F(MergeMake, EveryRecordOnceThenNothingThenWhatTheDataChanges) {
    const CommandResult first = run_command(make("-j2 print"));
    ASSERT_EQ(first.exit_code, 0) << first.output;
    const auto before = output_times();
    for (const char* out : {"card/card-chiba.png", "card/card-online.png", "flyer/flyer-chiba.pdf",
                            "flyer/flyer-online.pdf", "proofs/flyer/flyer-chiba-p1.png", ".deps/card/card-chiba.png.d",
                            ".deps/flyer/flyer-online.pdf.d", ".deps/merge-records.mk"})
        EXPECT_TRUE(before.count(out)) << out << " not made:\n" << first.output;
    // A merging layout makes no single PDF or web edition of itself.
    EXPECT_FALSE(before.count("card.pdf"));
    EXPECT_FALSE(before.count("web/flyer.pdf"));
    std::ifstream depfile(dir_ / "output/.deps/card/card-online.png.d");
    const std::string deps((std::istreambuf_iterator<char>(depfile)), std::istreambuf_iterator<char>());
    EXPECT_NE(deps.find(fs::canonical(dir_ / "data/s.csv").string()), std::string::npos) << deps;

    EXPECT_EQ(run_command(make("-q print")).exit_code, 0) << "make -q says something is out of date";
    const CommandResult noop = run_command(make("-j2 print"));
    ASSERT_EQ(noop.exit_code, 0) << noop.output;
    EXPECT_EQ(noop.output.find(KOHO_BINARY), std::string::npos) << "a second run rendered:\n" << noop.output;
    EXPECT_EQ(output_times(), before) << "a second run rewrote an output";

    // A new session: the list is remade, the new record rendered, and
    // every record of both layouts re-rendered (each read the data file).
    std::ofstream(dir_ / "data/s.csv", std::ios::app) << "narita,成田会場\n";
    const CommandResult grown = run_command(make("-j2 print"));
    ASSERT_EQ(grown.exit_code, 0) << grown.output;
    const auto after = output_times();
    for (const char* out : {"card/card-narita.png", "flyer/flyer-narita.pdf"})
        EXPECT_TRUE(after.count(out)) << out << " not made:\n" << grown.output;
    EXPECT_NE(after.at("card/card-chiba.png"), before.at("card/card-chiba.png"));
    EXPECT_EQ(run_command(make("-q print")).exit_code, 0) << "still out of date after the re-render";
}

// A timeline that merges data and has a variant: `make video` renders each
// record in the main shape and in the variant's, and then nothing.
TEST_F(MergeMake, EveryRecordOfATimelineInEveryVariant) {
    std::ofstream(dir_ / "layouts/clips.json") << merging_clip_with_variant();
    const CommandResult first = run_command(make("-j2 video"));
    ASSERT_EQ(first.exit_code, 0) << first.output;
    const auto made = output_times();
    for (const char* out : {"clips/clip-chiba.mp4", "clips/clip-online.mp4", "clips/clip-chiba-square.mp4",
                            "clips/clip-online-square.mp4", ".deps/clips/clip-online-square.mp4.d"})
        EXPECT_TRUE(made.count(out)) << out << " not made:\n" << first.output;
    const CommandResult noop = run_command(make("-j2 video"));
    ASSERT_EQ(noop.exit_code, 0) << noop.output;
    EXPECT_EQ(noop.output.find(KOHO_BINARY), std::string::npos) << "a second run rendered:\n" << noop.output;
}

TEST_F(MergeMake, BadDataStopsMakeWithTheLocatedError) {
    std::ofstream(dir_ / "data/s.csv", std::ios::app) << "chiba,千葉会場（2回目）\n";
    const CommandResult run = run_command(make("print"));
    EXPECT_NE(run.exit_code, 0);
    EXPECT_NE(run.output.find("data/s.csv:4: error: record 3 would be written to 'card-chiba.png'"),
              std::string::npos)
        << run.output;
}

}  // namespace
}  // namespace koho::test
