// Outputs appear whole or not at all (core/atomic_file.h, core/output_set.h),
// end to end on the real binary: `koho print` and `koho video` killed with
// SIGKILL at many moments, failures found after the writers started, an
// unwritable directory and a full disk (RLIMIT_FSIZE). After each, the
// target holds the old bytes or nothing, never a part; a clean failure
// leaves no temporary file; a killed run's temporary file is recognisable
// and the next run removes it.
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "cli/koho_child.h"
#include "cli/output_projects.h"
#include "cli/run_inputs.h"

namespace koho::test {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

std::vector<std::string> print_with_proofs_args(const fs::path& project, const fs::path& out, const fs::path& proofs) {
    std::vector<std::string> args{"print", (project / "slow.json").string(), "-o", out.string(), "--root",
                                  project.string(), "--font-dir", kFonts};
    if (!proofs.empty()) args.insert(args.end(), {"--proof", proofs.string(), "--dpi", "40"});
    return args;
}

// One encoder thread: a run that ends before its kill must give the
// reference's bytes (determinism_test.cpp says why not two).
std::vector<std::string> single_thread_video_args(const fs::path& project, const fs::path& out,
                                    std::vector<std::string> extra = {}) {
    std::vector<std::string> args{"video", (project / "clip.json").string(), "-o", out.string(), "--root",
                                  project.string(), "--threads", "1", "--quiet"};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
}

// What a directory holds apart from koho's temporary files.
std::vector<std::string> finished_names(const fs::path& dir) {
    std::vector<std::string> names;
    for (const std::string& n : names_in(dir))
        if (!is_any_temp(n)) names.push_back(n);
    return names;
}

int temp_count(const fs::path& dir) {
    int n = 0;
    for (const std::string& name : names_in(dir)) n += is_any_temp(name);
    return n;
}

// Polls until a temporary file of `target` appears in `dir`, or the child
// ends, or 60 s pass. True when one appeared while the child ran.
bool wait_for_temp(KohoChild& child, const fs::path& dir, const std::string& target) {
    const auto deadline = Clock::now() + 60s;
    while (Clock::now() < deadline && child.running()) {
        for (const std::string& name : names_in(dir))
            if (is_temp_of(name, target)) return true;
        std::this_thread::sleep_for(1ms);
    }
    return false;
}

// A set of files and their bytes, to prove "the old set, untouched".
using FileSet = std::vector<std::pair<fs::path, std::string>>;

FileSet snapshot(const std::vector<fs::path>& paths) {
    FileSet set;
    for (const fs::path& p : paths) set.emplace_back(p, read_bytes_of(p));
    return set;
}

void expect_unchanged(const FileSet& set, const std::string& when) {
    for (const auto& [path, bytes] : set) {
        ASSERT_TRUE(fs::exists(path)) << path << " vanished " << when;
        EXPECT_TRUE(read_bytes_of(path) == bytes) << path << " changed " << when;
    }
}

// ---- SIGKILL ---------------------------------------------------------------

// Preflight's Ghostscript works in a private directory under TMPDIR, which
// a killed koho cannot remove: the test gives it one of its own.
class KilledPrint : public ::testing::Test {
protected:
    static ChildOptions options() { return ChildOptions{{kEpoch, "TMPDIR=" + scratch_.string()}}; }
    static void SetUpTestSuite() {
        project_ = fresh_dir("killed-print-project");
        scratch_ = fresh_dir("killed-print-tmp");
        write_print_project(project_, 4);
        // A whole run: the bytes a finished run writes, and how long it takes.
        const fs::path out = fresh_dir("killed-print-reference");
        const auto start = Clock::now();
        const ChildResult run = run_child(print_with_proofs_args(project_, out / "out.pdf", out / "proofs"), options());
        duration_ = Clock::now() - start;
        ASSERT_EQ(run.exit_code, 0) << run.err;
        reference_pdf_ = read_bytes_of(out / "out.pdf");
        reference_proof_ = read_bytes_of(out / "proofs" / "slow-p1.png");
        fs::remove_all(out);
    }
    static void TearDownTestSuite() {
        fs::remove_all(project_);
        fs::remove_all(scratch_);
    }

    static fs::path project_, scratch_;
    static Clock::duration duration_;
    static std::string reference_pdf_, reference_proof_;
};
fs::path KilledPrint::project_, KilledPrint::scratch_;
Clock::duration KilledPrint::duration_;
std::string KilledPrint::reference_pdf_, KilledPrint::reference_proof_;

TEST_F(KilledPrint, AtAnyMomentLeavesTheOldSetAndTheNextRunCleansUp) {
    const fs::path dir = fresh_dir("killed-print");
    const fs::path out = dir / "out.pdf", proofs = dir / "proofs";
    fs::create_directories(proofs);
    write_bytes_to(out, "%PDF-1.4 the old PDF\n");
    write_bytes_to(proofs / "slow-p1.png", "the old proof of page 1");
    const FileSet old = snapshot({out, proofs / "slow-p1.png"});

    int killed = 0;
    // A spread over the run: loading, composing, the PDF, preflight, proofs.
    // A kill can land after the set was committed, while the process is
    // still exiting (a sanitizer build scans for leaks for a second there):
    // then the whole new set is in place. Anything else must be the old set.
    for (double fraction : {0.03, 0.25, 0.5, 0.75, 0.95}) {
        KohoChild child(print_with_proofs_args(project_, out, proofs), options());
        std::this_thread::sleep_for(std::chrono::duration_cast<Clock::duration>(duration_ * fraction));
        const bool ended = !child.running();
        if (ended) EXPECT_EQ(child.wait(), 0) << child.err();
        else child.kill_now();
        if (read_bytes_of(out) == reference_pdf_) {
            EXPECT_EQ(finished_names(proofs),
                      (std::vector<std::string>{"slow-p1.png", "slow-p2.png", "slow-p3.png", "slow-p4.png"}));
            EXPECT_TRUE(read_bytes_of(proofs / "slow-p1.png") == reference_proof_);
            // Put the old set back exactly: the new proofs of pages 2-4
            // included, which the old set did not have.
            fs::remove_all(proofs);
            fs::create_directories(proofs);
            for (const auto& [path, bytes] : old) write_bytes_to(path, bytes);
            continue;
        }
        EXPECT_FALSE(ended) << "a run that ended by itself left the old PDF";
        ++killed;
        expect_unchanged(old, "by a kill at " + std::to_string(fraction) + " of the run");
        EXPECT_EQ(finished_names(dir), (std::vector<std::string>{"out.pdf", "proofs"}));
        EXPECT_EQ(finished_names(proofs), std::vector<std::string>{"slow-p1.png"});
    }
    EXPECT_GE(killed, 3) << "the run is too quick to be killed mid-way";

    // Killed while the PDF's temporary file exists: it is left (nothing
    // can remove it), and it is recognisably koho's.
    {
        KohoChild child(print_with_proofs_args(project_, out, proofs), options());
        ASSERT_TRUE(wait_for_temp(child, dir, "out.pdf")) << child.err();
        child.kill_now();
        expect_unchanged(old, "by a kill while the temporary PDF existed");
        int temps = 0;
        for (const std::string& name : names_in(dir)) {
            if (name == "out.pdf" || name == "proofs") continue;
            EXPECT_TRUE(is_temp_of(name, "out.pdf")) << "unexpected file " << name;
            ++temps;
        }
        EXPECT_GE(temps, 1);
    }
    // Killed while proofs are being written (some proof temp files exist,
    // the PDF not yet renamed): still the old set, proofs included.
    {
        KohoChild child(print_with_proofs_args(project_, out, proofs), options());
        ASSERT_TRUE(wait_for_temp(child, proofs, "slow-p2.png")) << child.err();
        child.kill_now();
        expect_unchanged(old, "by a kill while proofs were written");
        EXPECT_EQ(finished_names(proofs), std::vector<std::string>{"slow-p1.png"});
    }

    // The next run succeeds, replaces the old set whole, and removes the
    // temporary files the killed runs left.
    const ChildResult next = run_child(print_with_proofs_args(project_, out, proofs), options());
    ASSERT_EQ(next.exit_code, 0) << next.err;
    EXPECT_TRUE(read_bytes_of(out) == reference_pdf_);
    EXPECT_TRUE(read_bytes_of(proofs / "slow-p1.png") == reference_proof_);
    EXPECT_EQ(temp_count(dir), 0) << ::testing::PrintToString(names_in(dir));
    EXPECT_EQ(temp_count(proofs), 0) << ::testing::PrintToString(names_in(proofs));
    fs::remove_all(dir);
}

TEST_F(KilledPrint, WithoutAnOldFileLeavesNoFileUnderTheTargetName) {
    const fs::path dir = fresh_dir("killed-print-new");
    for (double fraction : {0.1, 0.6}) {
        KohoChild child(print_with_proofs_args(project_, dir / "out.pdf", {}), options());
        std::this_thread::sleep_for(std::chrono::duration_cast<Clock::duration>(duration_ * fraction));
        if (!child.running()) continue;
        child.kill_now();
        EXPECT_FALSE(fs::exists(dir / "out.pdf"));
        EXPECT_TRUE(finished_names(dir).empty()) << ::testing::PrintToString(names_in(dir));
    }
    fs::remove_all(dir);
}

class KilledVideo : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        project_ = fresh_dir("killed-video-project");
        write_video_project(project_, 4);
        const fs::path out = fresh_dir("killed-video-reference");
        const auto start = Clock::now();
        const ChildResult run = run_child(single_thread_video_args(project_, out / "out.mp4"), {{kEpoch}});
        duration_ = Clock::now() - start;
        ASSERT_EQ(run.exit_code, 0) << run.err;
        reference_mp4_ = read_bytes_of(out / "out.mp4");
        fs::remove_all(out);
    }
    static void TearDownTestSuite() { fs::remove_all(project_); }

    static fs::path project_;
    static Clock::duration duration_;
    static std::string reference_mp4_;
};
fs::path KilledVideo::project_;
Clock::duration KilledVideo::duration_;
std::string KilledVideo::reference_mp4_;

TEST_F(KilledVideo, AtAnyMomentLeavesTheOldSetAndTheNextRunCleansUp) {
    const fs::path dir = fresh_dir("killed-video");
    const fs::path out = dir / "out.mp4";
    const std::vector<std::string> set_names{"out-chapters.txt", "out.jpg", "out.mp4", "out.srt", "out.vtt"};
    for (const std::string& name : set_names) write_bytes_to(dir / name, "old " + name);
    std::vector<fs::path> paths;
    for (const std::string& name : set_names) paths.push_back(dir / name);
    const FileSet old = snapshot(paths);

    int killed = 0;
    // As for print: a kill after the commit (the process still exiting)
    // finds the whole new set; anything else must be the old one.
    for (double fraction : {0.05, 0.3, 0.6, 0.9}) {
        KohoChild child(single_thread_video_args(project_, out), {{kEpoch}});
        std::this_thread::sleep_for(std::chrono::duration_cast<Clock::duration>(duration_ * fraction));
        const bool ended = !child.running();
        if (ended) EXPECT_EQ(child.wait(), 0) << child.err();
        else child.kill_now();
        if (read_bytes_of(out) == reference_mp4_) {
            for (const std::string& name : set_names)
                EXPECT_NE(read_bytes_of(dir / name), "old " + name) << name << " is old beside a new MP4";
            for (const auto& [path, bytes] : old) write_bytes_to(path, bytes);
            continue;
        }
        EXPECT_FALSE(ended) << "a run that ended by itself left the old MP4";
        ++killed;
        expect_unchanged(old, "by a kill at " + std::to_string(fraction) + " of the run");
        EXPECT_EQ(finished_names(dir), set_names);
    }
    EXPECT_GE(killed, 2) << "the run is too quick to be killed mid-way";
    {
        KohoChild child(single_thread_video_args(project_, out), {{kEpoch}});
        ASSERT_TRUE(wait_for_temp(child, dir, "out.mp4")) << child.err();
        std::this_thread::sleep_for(duration_ / 10);  // frames on their way into it
        child.kill_now();
        expect_unchanged(old, "by a kill while the temporary MP4 existed");
        for (const std::string& name : names_in(dir)) {
            if (is_any_temp(name)) continue;
            EXPECT_NE(std::find(set_names.begin(), set_names.end(), name), set_names.end());
        }
    }
    const ChildResult next = run_child(single_thread_video_args(project_, out), {{kEpoch}});
    ASSERT_EQ(next.exit_code, 0) << next.err;
    EXPECT_TRUE(read_bytes_of(out) == reference_mp4_);
    EXPECT_EQ(read_bytes_of(dir / "out.srt").rfind("1\n", 0), 0u);
    EXPECT_EQ(temp_count(dir), 0) << ::testing::PrintToString(names_in(dir));
    fs::remove_all(dir);
}

}  // namespace
}  // namespace koho::test
