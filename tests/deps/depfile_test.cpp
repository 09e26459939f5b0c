// core/depfile.h and core/dependency_log.h on their own: the text make
// reads (checked by GNU make itself for every character that needs
// escaping), the order, the refusals, and what the log keeps.
#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <stdexcept>
#include <thread>

#include "core/dependency_log.h"
#include "core/depfile.h"
#include "core/diagnostic.h"
#include "deps/deps_project.h"
#include "support/command.h"

namespace koho {
namespace {

namespace fs = std::filesystem;
using test::parse_depfile;

TEST(Depfile, OneDependencyALineSortedEachOnceThenAnEmptyRuleEach) {
    const std::string text = make_depfile({"out/a.pdf", "out/proofs/a-p1.png"},
                                          {"/p/media/b.png", "/p/layouts/a.json", "/p/media/b.png"});
    EXPECT_EQ(text,
              "out/a.pdf out/proofs/a-p1.png: \\\n"
              " /p/layouts/a.json \\\n"
              " /p/media/b.png\n"
              "/p/layouts/a.json:\n"
              "/p/media/b.png:\n");
}

TEST(Depfile, NoDependenciesIsARuleWithNone) {
    EXPECT_EQ(make_depfile({"a.pdf"}, {}), "a.pdf:\n");
}

TEST(Depfile, NoTargetIsAProgrammingError) {
    EXPECT_THROW(make_depfile({}, {"/a"}), std::invalid_argument);
}

TEST(Depfile, EscapesWhatMakeWouldReadOtherwise) {
    const std::string text = make_depfile({"out/my flyer%1.pdf"}, {"/p/a b#c$d:e*f?g[h]i%j.png"});
    EXPECT_EQ(text,
              "out/my\\ flyer\\%1.pdf: \\\n"
              " /p/a\\ b\\#c$$d\\:e\\*f\\?g\\[h\\]i%j.png\n"
              "/p/a\\ b\\#c$$d\\:e\\*f\\?g\\[h\\]i\\%j.png:\n");
    const test::Depfile parsed = parse_depfile(text);
    ASSERT_TRUE(parsed.ok) << parsed.why;
    EXPECT_EQ(parsed.targets, std::vector<std::string>{"out/my flyer%1.pdf"});
    EXPECT_EQ(parsed.dependencies, std::vector<std::string>{"/p/a b#c$d:e*f?g[h]i%j.png"});
}

TEST(Depfile, RefusesNamesMakeCannotCarry) {
    for (const std::string bad : {"/p/a\\b.png", "/p/a\nb.png", "/p/a\tb.png"}) {
        try {
            make_depfile({"a.pdf"}, {bad});
            ADD_FAILURE() << "accepted " << bad;
        } catch (const Error& e) {
            EXPECT_EQ(e.kind(), ErrorKind::BadInput);
            EXPECT_EQ(e.loc().file, bad);
            EXPECT_NE(e.message().find("make has no way to name"), std::string::npos) << e.message();
        }
    }
    EXPECT_THROW(make_depfile({"a\\b.pdf"}, {"/p/a.png"}), Error);
}

// GNU make itself reads the depfile: the target is out of date exactly when
// a file with a hard name is newer, and a deleted one is not an error.
TEST(Depfile, GnuMakeReadsTheEscapedNames) {
    const fs::path dir = fs::temp_directory_path() / ("koho-depfile-make-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    const std::vector<std::string> names = {"a b.png", "c#d.png", "e$f.png", "g:h.png",
                                            "i%j.png", "k*l.png", "m?n.png", "o[p].png"};
    std::vector<fs::path> deps;
    for (const std::string& n : names) {
        std::ofstream(dir / n) << n;
        deps.push_back(dir / n);
    }
    // Files a glob of the hard names would match, to catch a '*', '?' or
    // '[' that make expanded instead of reading literally.
    const std::vector<std::string> decoys = {"kXl.png", "mXn.png", "op.png"};
    for (const std::string& n : decoys) std::ofstream(dir / n) << "decoy";
    // The target as the makefile names it (make compares names), with a
    // space and a '%' of its own.
    std::ofstream(dir / "deps.d") << make_depfile({"out put%.txt"}, deps);
    std::ofstream(dir / "Makefile") << "all: out\\ put%.txt\n"
                                       "-include deps.d\n"
                                       "out\\ put\\%.txt:\n"
                                       "\ttouch 'out put%.txt'\n";
    const fs::path target = dir / "out put%.txt";
    const std::string make =
        "cd " + test::shell_quote(dir.string()) + " && env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s ";
    ASSERT_EQ(test::run_command(make + "2>&1").exit_code, 0);
    ASSERT_TRUE(fs::exists(target));
    EXPECT_EQ(test::run_command(make + "-q").exit_code, 0) << "up to date after one run";
    // Times in the past (make warns about the future): each hard name in
    // turn is newer than the target, then older again.
    const auto base = fs::file_time_type::clock::now() - std::chrono::hours(1);
    for (const std::string& n : names) fs::last_write_time(dir / n, base);
    for (size_t i = 0; i < names.size(); ++i) {
        const auto step = base + std::chrono::seconds(10 * (i + 1));
        fs::last_write_time(target, step);
        fs::last_write_time(dir / names[i], step + std::chrono::seconds(5));
        EXPECT_EQ(test::run_command(make + "-q").exit_code, 1) << names[i] << " newer, yet make says up to date";
        fs::last_write_time(target, step + std::chrono::seconds(7));
        EXPECT_EQ(test::run_command(make + "-q").exit_code, 0) << "after " << names[i];
    }
    for (const std::string& n : decoys) {
        fs::last_write_time(dir / n, base + std::chrono::minutes(30));
        EXPECT_EQ(test::run_command(make + "-q").exit_code, 0) << "a glob matched " << n;
    }
    // And make really runs the recipe for a newer one.
    fs::last_write_time(dir / "e$f.png", base + std::chrono::minutes(40));
    ASSERT_EQ(test::run_command(make + "2>&1").exit_code, 0);
    EXPECT_GT(fs::last_write_time(target), base + std::chrono::minutes(40));
    fs::remove(dir / "c#d.png");
    const test::CommandResult gone = test::run_command(make + "2>&1");
    EXPECT_EQ(gone.exit_code, 0) << gone.output;
    fs::remove_all(dir);
}

TEST(DependencyLog, KeepsAbsoluteCanonicalPathsSortedOnce) {
    const fs::path dir = fs::temp_directory_path() / ("koho-deplog-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir / "sub");
    std::ofstream(dir / "b.png") << "b";
    std::ofstream(dir / "a.png") << "a";
    fs::create_symlink(dir / "a.png", dir / "link.png");
    DependencyLog log;
    log.add(dir / "b.png");
    log.add(dir / "sub" / ".." / "a.png");
    log.add(dir / "link.png");
    log.add(dir / "b.png");
    const fs::path canonical_dir = fs::canonical(dir);
    EXPECT_EQ(log.files(), (std::vector<fs::path>{canonical_dir / "a.png", canonical_dir / "b.png"}));
    const fs::path cwd = fs::current_path();
    fs::current_path(dir);
    log.add("sub/../b.png");
    fs::current_path(cwd);
    EXPECT_EQ(log.files().size(), 2u);
    fs::remove_all(dir);
}

// koho watch reads back what make_depfile wrote: every dependency, with
// the characters make needs escaped, and nothing of the targets or the
// empty rules.
TEST(Depfile, ReadsBackItsPrerequisites) {
    const std::vector<fs::path> deps = {"/p/fonts/Noto Sans.ttc", "/p/media/cover#1.jpg", "/p/media/a:b[2]*?.png",
                                        "/p/media/100%$x.png", "/p/layouts/flyer.json"};
    const std::string text = make_depfile({"output/a b.pdf", "output/proofs/a-p1.png"}, deps);
    std::vector<fs::path> sorted = deps;
    std::sort(sorted.begin(), sorted.end());
    EXPECT_EQ(read_depfile_prerequisites(text), sorted);
    EXPECT_TRUE(read_depfile_prerequisites("").empty());
    EXPECT_EQ(read_depfile_prerequisites("out.pdf: /a /b\\\n /c\n/a:\n"), (std::vector<fs::path>{"/a", "/b", "/c"}));
}

TEST(DependencyLog, RecordsOnlyWhileARecordingIsAlive) {
    DependencyLog log;
    record_dependency("/before");
    {
        DependencyRecording recording(log);
        record_dependency("/during");
        DependencyLog other;
        EXPECT_THROW(DependencyRecording second(other), std::logic_error);
    }
    record_dependency("/after");
    EXPECT_EQ(log.files(), std::vector<fs::path>{"/during"});
}

TEST(DependencyLog, RecordsFromManyThreads) {
    DependencyLog log;
    DependencyRecording recording(log);
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([t] {
            for (int i = 0; i < 200; ++i) record_dependency("/f" + std::to_string((t * 200 + i) % 300));
        });
    for (auto& thread : threads) thread.join();
    EXPECT_EQ(log.files().size(), 300u);
}

}  // namespace
}  // namespace koho
