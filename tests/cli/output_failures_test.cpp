// Failures while outputs are being made leave the old set or nothing, and
// no temporary file: bad input found late (preflight refuses the finished
// PDF), a failure after the MP4 is complete (a sidecar's place is taken, the
// thumbnail does not fit), an unwritable directory and a full disk
// (RLIMIT_FSIZE: writes fail with EFBIG as on a full disk with ENOSPC).
// Each is exit 1 — the system failed, not the input — with one message
// naming the file; except the late bad input, which is exit 2.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/koho_child.h"
#include "cli/output_projects.h"
#include "cli/run_inputs.h"

namespace koho::test {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> print_args(const fs::path& project, const fs::path& out, std::vector<std::string> extra = {}) {
    std::vector<std::string> args{"print", (project / "slow.json").string(), "-o", out.string(), "--root",
                                  project.string(), "--font-dir", kFonts};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
}

std::vector<std::string> video_args(const fs::path& project, const fs::path& out, std::vector<std::string> extra = {}) {
    std::vector<std::string> args{"video", (project / "clip.json").string(), "-o", out.string(), "--root",
                                  project.string(), "--threads", "2", "--quiet"};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
}

// The message of a failed run: its last line (fontconfig and chapter
// warnings may come first).
std::string last_line(const std::string& err) {
    std::string text = err;
    if (!text.empty() && text.back() == '\n') text.pop_back();
    const size_t nl = text.rfind('\n');
    return nl == std::string::npos ? text : text.substr(nl + 1);
}

class OutputFailures : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        print_ = fresh_dir("failures-print");
        write_print_project(print_, 2);
        low_res_ = fresh_dir("failures-print-low-res");
        write_print_project(low_res_, 2, true);
        video_ = fresh_dir("failures-video");
        write_video_project(video_, 2);
    }
    static void TearDownTestSuite() {
        fs::remove_all(print_);
        fs::remove_all(low_res_);
        fs::remove_all(video_);
    }
    static fs::path print_, low_res_, video_;
};
fs::path OutputFailures::print_, OutputFailures::low_res_, OutputFailures::video_;

TEST_F(OutputFailures, PreflightRefusingTheFinishedPdfLeavesTheOldSetAndNoTemp) {
    const fs::path dir = fresh_dir("late-bad-input");
    write_bytes_to(dir / "out.pdf", "old pdf");
    fs::create_directories(dir / "proofs");
    write_bytes_to(dir / "proofs" / "slow-p1.png", "old proof");
    const ChildResult run = run_child(print_args(low_res_, dir / "out.pdf", {"--proof", (dir / "proofs").string()}), {{kEpoch}});
    EXPECT_EQ(run.exit_code, 2) << run.err;
    EXPECT_NE(run.err.find("error: the print PDF fails preflight"), std::string::npos) << run.err;
    EXPECT_EQ(names_in(dir), (std::vector<std::string>{"out.pdf", "proofs"}));
    EXPECT_EQ(names_in(dir / "proofs"), std::vector<std::string>{"slow-p1.png"});
    EXPECT_EQ(read_bytes_of(dir / "out.pdf"), "old pdf");
    EXPECT_EQ(read_bytes_of(dir / "proofs" / "slow-p1.png"), "old proof");
    fs::remove_all(dir);
}

TEST_F(OutputFailures, ProofDirectoryFailingAfterThePdfWasMadeLeavesNothing) {
    const fs::path dir = fresh_dir("proof-dir-is-a-file");
    write_bytes_to(dir / "proofs", "a file, not a directory");
    const ChildResult run = run_child(print_args(print_, dir / "out.pdf", {"--proof", (dir / "proofs").string()}), {{kEpoch}});
    EXPECT_EQ(run.exit_code, 1) << run.err;
    EXPECT_EQ(last_line(run.err).rfind((dir / "proofs").string() + ": error: cannot create the proof directory", 0), 0u)
        << run.err;
    EXPECT_EQ(names_in(dir), std::vector<std::string>{"proofs"});
    fs::remove_all(dir);
}

TEST_F(OutputFailures, SidecarPlaceTakenAfterTheMp4WasWrittenLeavesTheOldSet) {
    const fs::path dir = fresh_dir("sidecar-is-a-directory");
    write_bytes_to(dir / "out.mp4", "old mp4");
    write_bytes_to(dir / "out.jpg", "old jpg");
    fs::create_directories(dir / "out.srt");
    const ChildResult run = run_child(video_args(video_, dir / "out.mp4"), {{kEpoch}});
    EXPECT_EQ(run.exit_code, 1) << run.err;
    EXPECT_EQ(last_line(run.err),
              (dir / "out.srt").string() + ": error: cannot write output: this is a directory; name a file to write");
    EXPECT_EQ(names_in(dir), (std::vector<std::string>{"out.jpg", "out.mp4", "out.srt"}));
    EXPECT_EQ(read_bytes_of(dir / "out.mp4"), "old mp4");
    EXPECT_EQ(read_bytes_of(dir / "out.jpg"), "old jpg");
    fs::remove_all(dir);
}

TEST_F(OutputFailures, DiskFullOnTheThumbnailAfterTheMp4LeavesTheOldSet) {
    // At --crf 51 the MP4 is small and the noise thumbnail (JPEG q90) big:
    // a file size limit between the two fails the thumbnail only, after
    // the whole MP4 was written.
    const fs::path reference = fresh_dir("thumbnail-full-reference");
    const ChildResult whole = run_child(video_args(video_, reference / "out.mp4", {"--crf", "51"}), {{kEpoch}});
    ASSERT_EQ(whole.exit_code, 0) << whole.err;
    const auto mp4_size = fs::file_size(reference / "out.mp4"), jpg_size = fs::file_size(reference / "out.jpg");
    ASSERT_LT(mp4_size * 2, jpg_size) << "the test needs a thumbnail bigger than the MP4";
    fs::remove_all(reference);

    const fs::path dir = fresh_dir("thumbnail-full");
    const std::vector<std::string> set{"out-chapters.txt", "out.jpg", "out.mp4", "out.srt", "out.vtt"};
    for (const std::string& name : set) write_bytes_to(dir / name, "old " + name);
    ChildOptions options{{kEpoch}};
    options.file_size_limit = static_cast<long>((mp4_size + jpg_size) / 2);
    const ChildResult run = run_child(video_args(video_, dir / "out.mp4", {"--crf", "51"}), options);
    EXPECT_EQ(run.exit_code, 1) << run.err;
    EXPECT_EQ(last_line(run.err), (dir / "out.jpg").string() + ": error: cannot write output: File too large");
    EXPECT_EQ(names_in(dir), set);
    for (const std::string& name : set) EXPECT_EQ(read_bytes_of(dir / name), "old " + name);
    fs::remove_all(dir);
}

TEST_F(OutputFailures, DiskFullWritingTheMp4LeavesNothing) {
    const fs::path dir = fresh_dir("mp4-full");
    ChildOptions options{{kEpoch}};
    options.file_size_limit = 20000;
    const ChildResult run = run_child(video_args(video_, dir / "out.mp4"), options);
    EXPECT_EQ(run.exit_code, 1) << run.err;
    EXPECT_EQ(last_line(run.err).rfind((dir / "out.mp4").string() + ": error: ", 0), 0u) << run.err;
    EXPECT_NE(run.err.find("File too large"), std::string::npos) << run.err;
    EXPECT_TRUE(names_in(dir).empty()) << ::testing::PrintToString(names_in(dir));
    fs::remove_all(dir);
}

TEST_F(OutputFailures, DiskFullWritingThePdfLeavesTheOldProofsAndNoTemp) {
    const fs::path dir = fresh_dir("pdf-full");
    fs::create_directories(dir / "proofs");
    write_bytes_to(dir / "proofs" / "slow-p1.png", "old proof");
    ChildOptions options{{kEpoch}};
    // Proofs at 20 dpi are a few kB; the PDF, fonts and a picture embedded, far more.
    options.file_size_limit = 60000;
    const ChildResult run = run_child(
        print_args(print_, dir / "out.pdf", {"--no-preflight", "--proof", (dir / "proofs").string(), "--dpi", "20"}),
        options);
    EXPECT_EQ(run.exit_code, 1) << run.err;
    EXPECT_EQ(last_line(run.err), (dir / "out.pdf").string() + ": error: cannot write output: File too large");
    EXPECT_EQ(names_in(dir), std::vector<std::string>{"proofs"});
    EXPECT_EQ(names_in(dir / "proofs"), std::vector<std::string>{"slow-p1.png"});
    EXPECT_EQ(read_bytes_of(dir / "proofs" / "slow-p1.png"), "old proof");
    fs::remove_all(dir);
}

// Root ignores permission bits: then the run is made as nobody.
ChildOptions unprivileged() {
    ChildOptions options{{kEpoch}};
    if (geteuid() == 0) options.run_as = 65534;
    return options;
}

TEST_F(OutputFailures, UnwritableDirectoryIsAClearFailure) {
    const fs::path dir = fresh_dir("unwritable");
    ASSERT_EQ(chmod(dir.c_str(), 0555), 0);
    const std::string expected = "error: cannot create a file in '" + dir.string() +
                                 "': Permission denied; make the directory writable or write the output elsewhere";
    const ChildResult print = run_child(print_args(print_, dir / "out.pdf", {"--no-preflight"}), unprivileged());
    EXPECT_EQ(print.exit_code, 1) << print.err;
    EXPECT_EQ(last_line(print.err), (dir / "out.pdf").string() + ": " + expected);
    const ChildResult video = run_child(video_args(video_, dir / "out.mp4"), unprivileged());
    EXPECT_EQ(video.exit_code, 1) << video.err;
    EXPECT_EQ(last_line(video.err), (dir / "out.mp4").string() + ": " + expected);
    EXPECT_TRUE(names_in(dir).empty());
    chmod(dir.c_str(), 0755);
    fs::remove_all(dir);
}

TEST_F(OutputFailures, OutputUnderAFileOrOntoADirectoryIsAClearFailure) {
    const fs::path dir = fresh_dir("not-a-directory");
    write_bytes_to(dir / "file", "x");
    const ChildResult under = run_child(print_args(print_, dir / "file" / "out.pdf", {"--no-preflight"}), {{kEpoch}});
    EXPECT_EQ(under.exit_code, 1);
    EXPECT_EQ(under.err, (dir / "file" / "out.pdf").string() + ": error: cannot write output: '" +
                             (dir / "file").string() + "' is not a directory\n");
    fs::create_directories(dir / "out.pdf");
    const ChildResult onto = run_child(print_args(print_, dir / "out.pdf", {"--no-preflight"}), {{kEpoch}});
    EXPECT_EQ(onto.exit_code, 1);
    EXPECT_EQ(onto.err,
              (dir / "out.pdf").string() + ": error: cannot write output: this is a directory; name a file to write\n");
    EXPECT_EQ(names_in(dir), (std::vector<std::string>{"file", "out.pdf"}));
    EXPECT_TRUE(names_in(dir / "out.pdf").empty());
    fs::remove_all(dir);
}

}  // namespace
}  // namespace koho::test
