// `koho print|video --deps FILE`: the depfile names every file written and
// every file the render read — the layout, each picture, the font files
// actually used (not their directory), the ICC profile — as absolute paths,
// escaped for make, the same from run to run; and a failed render leaves
// no new depfile.
#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "cli/koho_runner.h"
#include "deps/deps_project.h"

namespace koho::test {
namespace {

namespace fs = std::filesystem;

std::string slurp(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

std::vector<std::string> sorted(std::vector<std::string> v) {
    std::sort(v.begin(), v.end());
    return v;
}

std::string shipped(const std::string& relative) {
    return fs::canonical(fs::path(KOHO_SOURCE_DIR) / relative).string();
}

class DepsCli : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("koho-deps-cli-" + std::to_string(::getpid()));
        fs::remove_all(dir_);
        fs::create_directories(dir_ / "out");
        root_ = fs::canonical(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }

    std::string at(const std::string& relative) const { return (dir_ / relative).string(); }
    std::string real(const std::string& relative) const { return (root_ / relative).string(); }
    void write(const std::string& relative, const std::string& text) const {
        fs::create_directories((dir_ / relative).parent_path());
        std::ofstream(dir_ / relative, std::ios::binary) << text;
    }
    KohoRun print(const std::string& layout, std::vector<std::string> extra = {}) const {
        std::vector<std::string> args = {"print", at(layout), "--root", dir_.string(), "-o", at("out/flyer.pdf")};
        args.insert(args.end(), extra.begin(), extra.end());
        return run_koho(args);
    }

    fs::path dir_, root_;
};

TEST_F(DepsCli, PrintListsLayoutPicturesFontFilesAndProfile) {
    write_noise_png(dir_ / "media" / "cover photo.png", 480, 1);
    write_noise_png(dir_ / "media" / "b#2.png", 480, 2);
    write_noise_png(dir_ / "media" / "unused.png", 480, 3);
    write("flyer.json", print_layout({"media/cover photo.png", "media/b#2.png"}));
    const KohoRun run = print("flyer.json", {"--proof", at("out/proofs"), "--deps", at("out/flyer.pdf.d")});
    ASSERT_EQ(run.exit_code, 0) << run.err;

    const std::string text = slurp(dir_ / "out" / "flyer.pdf.d");
    const Depfile d = parse_depfile(text);
    ASSERT_TRUE(d.ok) << d.why << "\n" << text;
    // Targets as the command line named them: the PDF, then its proof.
    EXPECT_EQ(d.targets, (std::vector<std::string>{at("out/flyer.pdf"), at("out/proofs/flyer-p1.png")}));
    // Exactly what was read: one font file per family and weight used, not
    // the other weights beside them; no unused picture.
    const std::vector<std::string> expected = sorted({
        real("flyer.json"),
        real("media/cover photo.png"),
        real("media/b#2.png"),
        shipped("fonts/NotoSansCJK-Regular.ttc"),
        shipped("fonts/NotoSerifCJK-Bold.ttc"),
        shipped("profiles/koho-FOGRA39L.icc"),
    });
    EXPECT_EQ(d.dependencies, expected) << text;
    EXPECT_TRUE(std::is_sorted(d.dependencies.begin(), d.dependencies.end()));
    EXPECT_EQ(d.empty_rules, d.dependencies) << "one empty rule per dependency (gcc -MP)";
    for (const std::string& dep : d.dependencies) EXPECT_TRUE(fs::path(dep).is_absolute()) << dep;
    EXPECT_NE(text.find("cover\\ photo.png"), std::string::npos) << text;
    EXPECT_NE(text.find("b\\#2.png"), std::string::npos) << text;

    // The same bytes from a second run.
    const KohoRun again = print("flyer.json", {"--proof", at("out/proofs"), "--deps", at("out/flyer.pdf.d")});
    ASSERT_EQ(again.exit_code, 0) << again.err;
    EXPECT_EQ(slurp(dir_ / "out" / "flyer.pdf.d"), text);
}

TEST_F(DepsCli, WebEditionReadsNoProfile) {
    write_noise_png(dir_ / "media" / "a.png", 480, 1);
    write("flyer.json", print_layout({"media/a.png"}));
    const KohoRun run = print("flyer.json", {"--web", "--deps", at("out/flyer.d")});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const Depfile d = parse_depfile(slurp(dir_ / "out" / "flyer.d"));
    ASSERT_TRUE(d.ok) << d.why;
    EXPECT_EQ(d.targets, std::vector<std::string>{at("out/flyer.pdf")});
    EXPECT_EQ(d.dependencies, sorted({real("flyer.json"), real("media/a.png"), shipped("fonts/NotoSansCJK-Regular.ttc"),
                                      shipped("fonts/NotoSerifCJK-Bold.ttc")}));
}

TEST_F(DepsCli, ANamedProfileIsTheOneListed) {
    write_noise_png(dir_ / "media" / "a.png", 480, 1);
    write("flyer.json", print_layout({"media/a.png"}));
    fs::copy_file(shipped("profiles/koho-FOGRA39L.icc"), dir_ / "press.icc");
    const KohoRun run = print("flyer.json", {"--profile", at("press.icc"), "--deps", at("out/flyer.d")});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const Depfile d = parse_depfile(slurp(dir_ / "out" / "flyer.d"));
    ASSERT_TRUE(d.ok) << d.why;
    EXPECT_NE(std::find(d.dependencies.begin(), d.dependencies.end(), real("press.icc")), d.dependencies.end());
    EXPECT_EQ(std::find(d.dependencies.begin(), d.dependencies.end(), shipped("profiles/koho-FOGRA39L.icc")),
              d.dependencies.end());
}

// Preflight refuses the PDF after the whole render (a 40 ppi picture): exit
// 2, and the depfile is neither created nor replaced — the old one still
// describes the old PDF.
TEST_F(DepsCli, AFailedRenderWritesNoDepfile) {
    write_noise_png(dir_ / "media" / "low.png", 64, 1);
    write("flyer.json", print_layout({"media/low.png"}));
    const KohoRun first = print("flyer.json", {"--deps", at("out/flyer.d")});
    EXPECT_EQ(first.exit_code, 2) << first.err;
    EXPECT_NE(first.err.find("preflight"), std::string::npos) << first.err;
    EXPECT_FALSE(fs::exists(dir_ / "out" / "flyer.d"));
    EXPECT_FALSE(fs::exists(dir_ / "out" / "flyer.pdf"));

    write("out/flyer.d", "old depfile\n");
    const KohoRun second = print("flyer.json", {"--deps", at("out/flyer.d")});
    EXPECT_EQ(second.exit_code, 2) << second.err;
    EXPECT_EQ(slurp(dir_ / "out" / "flyer.d"), "old depfile\n");
    for (const auto& entry : fs::directory_iterator(dir_ / "out"))
        EXPECT_EQ(entry.path().filename().string().find(".koho-tmp-"), std::string::npos) << entry.path();
}

TEST_F(DepsCli, AnUnwritableDepfileFailsBeforeTheWork) {
    write_noise_png(dir_ / "media" / "a.png", 480, 1);
    write("flyer.json", print_layout({"media/a.png"}));
    const KohoRun run = print("flyer.json", {"--deps", at("missing/flyer.d"), "--timings"});
    EXPECT_EQ(run.exit_code, 1) << run.err;
    EXPECT_NE(run.err.find("does not exist"), std::string::npos) << run.err;
    EXPECT_EQ(run.err.find("timing load"), std::string::npos) << "failed only after loading:\n" << run.err;
    EXPECT_FALSE(fs::exists(dir_ / "out" / "flyer.pdf"));
}

TEST_F(DepsCli, VideoListsItsSidecarsTimelinePictureAndFonts) {
    write_noise_png(dir_ / "media" / "clip photo.png", 320, 1);
    write_noise_png(dir_ / "media" / "square.png", 320, 2);
    write("clip.json", video_timeline("media/clip photo.png", "media/square.png"));
    const std::vector<std::string> base = {"video", at("clip.json"), "--root", dir_.string(), "-q"};
    auto video = [&](std::vector<std::string> extra) {
        std::vector<std::string> args = base;
        args.insert(args.end(), extra.begin(), extra.end());
        return run_koho(args);
    };
    const KohoRun run = video({"-o", at("out/clip.mp4"), "--deps", at("out/clip.d")});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const std::string text = slurp(dir_ / "out" / "clip.d");
    const Depfile d = parse_depfile(text);
    ASSERT_TRUE(d.ok) << d.why << "\n" << text;
    EXPECT_EQ(d.targets, (std::vector<std::string>{at("out/clip.mp4"), at("out/clip.jpg"), at("out/clip.srt"),
                                                   at("out/clip.vtt"), at("out/clip-chapters.txt")}));
    std::vector<std::string> fonts;
    for (const std::string& dep : d.dependencies)
        if (dep.rfind(shipped("fonts") + "/", 0) == 0) fonts.push_back(dep);
    EXPECT_FALSE(fonts.empty()) << text;
    EXPECT_NE(std::find(fonts.begin(), fonts.end(), shipped("fonts/NotoSansCJK-Bold.ttc")), fonts.end()) << text;
    EXPECT_EQ(std::find(fonts.begin(), fonts.end(), shipped("fonts/NotoSerifCJK-Regular.ttc")), fonts.end()) << text;
    std::vector<std::string> expected = {real("clip.json"), real("media/clip photo.png")};
    expected.insert(expected.end(), fonts.begin(), fonts.end());
    EXPECT_EQ(d.dependencies, sorted(expected)) << text;
    EXPECT_EQ(d.empty_rules, d.dependencies);
    EXPECT_NE(text.find("clip\\ photo.png"), std::string::npos) << text;

    // The variant shows the other picture: that one is its dependency.
    const KohoRun variant = video({"--variant", "sq", "-o", at("out/clip-sq.mp4"), "--deps", at("out/clip-sq.d")});
    ASSERT_EQ(variant.exit_code, 0) << variant.err;
    const Depfile v = parse_depfile(slurp(dir_ / "out" / "clip-sq.d"));
    ASSERT_TRUE(v.ok) << v.why;
    EXPECT_EQ(v.targets.front(), at("out/clip-sq.mp4"));
    EXPECT_NE(std::find(v.dependencies.begin(), v.dependencies.end(), real("media/square.png")), v.dependencies.end());
}

TEST_F(DepsCli, AFailedVideoWritesNoDepfile) {
    write("clip.json", video_timeline("media/missing.png"));
    const KohoRun run = run_koho({"video", at("clip.json"), "--root", dir_.string(), "-q", "-o", at("out/clip.mp4"),
                                  "--deps", at("out/clip.d")});
    EXPECT_EQ(run.exit_code, 2) << run.err;
    EXPECT_FALSE(fs::exists(dir_ / "out" / "clip.d"));
    EXPECT_FALSE(fs::exists(dir_ / "out" / "clip.mp4"));
    for (const auto& entry : fs::directory_iterator(dir_ / "out"))
        EXPECT_EQ(entry.path().filename().string().find(".koho-tmp-"), std::string::npos) << entry.path();
}

TEST_F(DepsCli, ListVariantsTakesNoDepfile) {
    write_noise_png(dir_ / "media" / "a.png", 320, 1);
    write("clip.json", video_timeline("media/a.png"));
    const KohoRun run = run_koho({"video", at("clip.json"), "--root", dir_.string(), "--list-variants", "--deps",
                                  at("out/clip.d")});
    EXPECT_EQ(run.exit_code, 2) << run.err;
    EXPECT_FALSE(fs::exists(dir_ / "out" / "clip.d"));
}

// koho typeset: the PNG depends on the font files the lines are set in —
// the bold one only when the text has **strong** in it.
TEST_F(DepsCli, TypesetListsTheFontFilesOfItsLines) {
    const KohoRun plain = run_koho({"typeset", "--text", "子どもと家族", "--width-em", "10", "--png", at("out/t.png"),
                                    "--deps", at("out/t.d")});
    ASSERT_EQ(plain.exit_code, 0) << plain.err;
    const Depfile d = parse_depfile(slurp(dir_ / "out" / "t.d"));
    ASSERT_TRUE(d.ok) << d.why;
    EXPECT_EQ(d.targets, std::vector<std::string>{at("out/t.png")});
    EXPECT_EQ(d.dependencies, std::vector<std::string>{shipped("fonts/NotoSansCJK-Regular.ttc")});

    const KohoRun strong = run_koho({"typeset", "--text", "子ども**と**家族", "--width-em", "10", "--png",
                                     at("out/t.png"), "--deps", at("out/t.d")});
    ASSERT_EQ(strong.exit_code, 0) << strong.err;
    EXPECT_EQ(parse_depfile(slurp(dir_ / "out" / "t.d")).dependencies,
              sorted({shipped("fonts/NotoSansCJK-Regular.ttc"), shipped("fonts/NotoSansCJK-Bold.ttc")}));

    const KohoRun no_png = run_koho({"typeset", "--text", "x", "--width-em", "10", "--deps", at("out/u.d")});
    EXPECT_EQ(no_png.exit_code, 2) << no_png.err;
    EXPECT_FALSE(fs::exists(dir_ / "out" / "u.d"));
}

}  // namespace
}  // namespace koho::test
