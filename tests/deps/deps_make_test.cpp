// Makefile.assets with depfiles, on a small project of its own (two print
// layouts, a video timeline with a variant): the first `make -j2` renders
// everything, a second one has nothing to do (in well under a second), and
// touching one picture re-renders exactly the outputs that show it.
#include <gtest/gtest.h>

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>

#include "deps/deps_project.h"
#include "support/assets_make.h"

namespace koho::test {
namespace {

namespace fs = std::filesystem;

class DepsMake : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("koho-deps-make-" + std::to_string(::getpid()));
        fs::remove_all(dir_);
        fs::create_directories(dir_ / "layouts");
        fs::create_directories(dir_ / "output");
        dir_ = fs::canonical(dir_);
        write_noise_png(dir_ / "media" / "a.png", 480, 1);
        write_noise_png(dir_ / "media" / "b.png", 480, 2);
        write_noise_png(dir_ / "media" / "v.png", 320, 3);
        std::ofstream(dir_ / "layouts" / "flyer-a.json") << print_layout({"media/a.png"});
        std::ofstream(dir_ / "layouts" / "flyer-b.json") << print_layout({"media/b.png"});
        std::ofstream(dir_ / "layouts" / "clip.json") << video_timeline("media/v.png", "media/b.png");
    }
    void TearDown() override { fs::remove_all(dir_); }

    // Koho's own asset rules, pointed at this project: its media instead of
    // the samples, koho's default press profile (no profile rule).
    std::string make(const std::string& flags) const {
        return assets_make(dir_, (dir_ / "media/a.png").string() + " " + (dir_ / "media/b.png").string() + " " +
                                     (dir_ / "media/v.png").string(),
                           flags);
    }
    std::map<std::string, fs::file_time_type> output_times() const { return write_times_under(dir_ / "output"); }

    fs::path dir_;
};

TEST_F(DepsMake, RendersOnceThenNothingThenExactlyWhatAPictureTouches) {
    // No goal, as `make assets` runs it: the default goal must be everything.
    const CommandResult first = run_command(make("-j2"));
    ASSERT_EQ(first.exit_code, 0) << first.output;
    const auto before = output_times();
    for (const char* out :
         {"flyer-a.pdf", "flyer-b.pdf", "web/flyer-a.pdf", "web/flyer-b.pdf", "proofs/flyer-a/flyer-a-p1.png",
          "clip.mp4", "clip.jpg", "clip.srt", "clip-sq.mp4", "clip-sq.jpg", ".deps/flyer-a.pdf.d",
          ".deps/web/flyer-b.pdf.d", ".deps/clip.mp4.d", ".deps/clip-sq.mp4.d", ".deps/video-variants.mk",
          "index.html"})
        EXPECT_TRUE(before.count(out)) << out << " not made:\n" << first.output;

    // Nothing changed: nothing to do, and quickly.
    EXPECT_EQ(run_command(make("-q all")).exit_code, 0) << "make -q says something is out of date";
    const auto start = std::chrono::steady_clock::now();
    const CommandResult noop = run_command(make("-j2 all"));
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    ASSERT_EQ(noop.exit_code, 0) << noop.output;
    EXPECT_EQ(noop.output.find(KOHO_BINARY), std::string::npos) << "a second run rendered:\n" << noop.output;
    EXPECT_LT(seconds, 0.5) << "the no-op run took " << seconds << " s";
    RecordProperty("noop_ms", static_cast<int>(seconds * 1000));
    std::printf("no-op make -j2: %.3f s\n", seconds);
    EXPECT_EQ(output_times(), before) << "a second run rewrote an output";

    // b.png is in flyer-b (print and web) and in the clip's "sq" variant.
    fs::last_write_time(dir_ / "media" / "b.png", fs::file_time_type::clock::now());
    const CommandResult touched = run_command(make("-j2 all"));
    ASSERT_EQ(touched.exit_code, 0) << touched.output;
    const auto after = output_times();
    std::vector<std::string> rerendered;
    // (.deps/ and .gallery/ are bookkeeping; the gallery page, index.html,
    // is rewritten because outputs it shows changed.)
    for (const auto& [name, time] : after)
        if (name.rfind(".deps/", 0) != 0 && name.rfind(".gallery/", 0) != 0 &&
            (!before.count(name) || before.at(name) != time))
            rerendered.push_back(name);
    EXPECT_EQ(rerendered, (std::vector<std::string>{"clip-sq-chapters.txt", "clip-sq.jpg", "clip-sq.mp4", "clip-sq.srt",
                                                     "clip-sq.vtt", "flyer-b.pdf", "index.html",
                                                     "proofs/flyer-b/flyer-b-p1.png",
                                                     "proofs/flyer-b/flyer-b-spread-1.png", "web/flyer-b.pdf"}))
        << touched.output;
    EXPECT_EQ(run_command(make("-q all")).exit_code, 0) << "still out of date after the re-render";

    // An output without a depfile (rendered before depfiles) falls back to
    // every medium: touching v.png, which only the clip shows, re-renders
    // flyer-a too — once, and it has a depfile again afterwards.
    fs::remove(dir_ / "output" / ".deps" / "flyer-a.pdf.d");
    fs::last_write_time(dir_ / "media" / "v.png", fs::file_time_type::clock::now());
    const CommandResult coarse = run_command(make("-j2 all"));
    ASSERT_EQ(coarse.exit_code, 0) << coarse.output;
    const auto last = output_times();
    EXPECT_NE(last.at("flyer-a.pdf"), after.at("flyer-a.pdf")) << coarse.output;
    EXPECT_NE(last.at("clip.mp4"), after.at("clip.mp4")) << coarse.output;
    EXPECT_EQ(last.at("flyer-b.pdf"), after.at("flyer-b.pdf")) << coarse.output;
    EXPECT_EQ(last.at("web/flyer-a.pdf"), after.at("web/flyer-a.pdf")) << coarse.output;
    EXPECT_TRUE(last.count(".deps/flyer-a.pdf.d"));
    EXPECT_EQ(run_command(make("-q all")).exit_code, 0);
}

}  // namespace
}  // namespace koho::test
