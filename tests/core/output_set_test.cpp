// AtomicFile's temporary files (unique, locked, a dead run's removed by the
// next, the umask's mode) and OutputSet (all or nothing, checked before the
// first rename).
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>

#include "core/atomic_file.h"
#include "core/diagnostic.h"
#include "core/output_set.h"

namespace koho {
namespace {

namespace fs = std::filesystem;

// A fresh directory, removed with everything in it when the test ends.
class FreshDir {
public:
    explicit FreshDir(const char* name)
        : path_(fs::temp_directory_path() / ("koho-output-set-" + std::to_string(getpid()) + "-" + name)) {
        fs::remove_all(path_);
        fs::create_directories(path_);
    }
    ~FreshDir() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    operator const fs::path&() const { return path_; }
    fs::path operator/(const std::string& name) const { return path_ / name; }
    std::string string() const { return path_.string(); }

private:
    fs::path path_;
};

std::string read(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

void write(const fs::path& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

std::vector<std::string> names(const fs::path& dir) {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
}

TEST(AtomicFileTemp, IsNamedAfterItsTargetAndUniqueAmongConcurrentWriters) {
    const FreshDir dir("unique");
    AtomicFile a(dir / "out.pdf"), b(dir / "out.pdf");
    EXPECT_NE(a.temp_path(), b.temp_path());
    for (const AtomicFile* f : {&a, &b}) {
        const std::string name = f->temp_path().filename().string();
        EXPECT_EQ(name.rfind(std::string(".out.pdf") + kTempMarker, 0), 0u) << name;
        EXPECT_EQ(name.size(), std::string(".out.pdf").size() + std::string(kTempMarker).size() + 6);
    }
    // A third writer of the same target leaves the live ones' files alone.
    AtomicFile c(dir / "out.pdf");
    EXPECT_TRUE(fs::exists(a.temp_path()));
    EXPECT_TRUE(fs::exists(b.temp_path()));
    a.write("from a");
    b.write("from b");
    a.commit();
    EXPECT_EQ(read(dir / "out.pdf"), "from a");
    b.commit();  // the last rename wins, whole
    EXPECT_EQ(read(dir / "out.pdf"), "from b");
}

TEST(AtomicFileTemp, ADeadRunsLeftoverIsRemovedByTheNextWriterOfTheSameTarget) {
    const FreshDir dir("dead");
    const std::string dead = std::string(".out.pdf") + kTempMarker + "Ab12Cd";
    const std::string other_target = std::string(".other.pdf") + kTempMarker + "Ab12Cd";
    const std::string not_a_temp = std::string(".out.pdf") + kTempMarker + "toolong";
    for (const std::string& n : {dead, other_target, not_a_temp}) write(dir / n, "left behind");
    {
        AtomicFile file(dir / "out.pdf");
        file.write("new");
        file.commit();
    }
    EXPECT_EQ(names(dir), (std::vector<std::string>{other_target, not_a_temp, "out.pdf"}));
}

TEST(AtomicFileTemp, ALeftoverStillLockedByALiveWriterIsKept) {
    const FreshDir dir("alive");
    const fs::path held = dir / (std::string(".out.pdf") + kTempMarker + "Xy34Zw");
    write(held, "being written");
    // flock belongs to the open file: this descriptor stands for another
    // koho that is still writing.
    const int fd = open(held.c_str(), O_RDONLY);
    ASSERT_GE(fd, 0);
    ASSERT_EQ(flock(fd, LOCK_EX | LOCK_NB), 0);
    {
        AtomicFile file(dir / "out.pdf");
        EXPECT_TRUE(fs::exists(held));
    }
    close(fd);
    { AtomicFile file(dir / "out.pdf"); }  // now nobody holds it
    EXPECT_FALSE(fs::exists(held));
    EXPECT_TRUE(names(dir).empty());
}

TEST(AtomicFileTemp, OutputsGetTheUmasksMode) {
    const FreshDir dir("mode");
    // Not mkstemp's 0600, nor a fixed 0644: what open(2) would give.
    const mode_t before = umask(027);
    write_file_atomically(dir / "out.txt", "x");
    umask(before);
    struct stat st {};
    ASSERT_EQ(stat((dir / "out.txt").c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0640u);
}

TEST(AtomicFileErrors, TargetThatIsADirectoryFailsBeforeAnyWork) {
    const FreshDir dir("target-dir");
    fs::create_directories(dir / "out.pdf");
    try {
        AtomicFile file(dir / "out.pdf");
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Failure);
        EXPECT_EQ(e.formatted(), (dir / "out.pdf").string() +
                                     ": error: cannot write output: this is a directory; name a file to write");
    }
    EXPECT_EQ(names(dir), std::vector<std::string>{"out.pdf"});
}

TEST(OutputSet, NothingAppearsUntilCommitThenAllDo) {
    const FreshDir dir("set-commit");
    OutputSet set;
    AtomicFile& main = set.add_main(dir / "out.mp4");
    set.write(dir / "out.srt", "captions");
    main.write("video");
    for (const std::string& n : names(dir)) EXPECT_NE(n.find(kTempMarker), std::string::npos) << n;
    set.commit();
    EXPECT_EQ(names(dir), (std::vector<std::string>{"out.mp4", "out.srt"}));
    EXPECT_EQ(read(dir / "out.mp4"), "video");
    EXPECT_EQ(read(dir / "out.srt"), "captions");
}

TEST(OutputSet, AbandonedSetLeavesTheOldFilesAndNoTemp) {
    const FreshDir dir("set-abandon");
    write(dir / "out.mp4", "old video");
    write(dir / "out.srt", "old captions");
    {
        OutputSet set;
        set.add_main(dir / "out.mp4").write("new video");
        set.write(dir / "out.srt", "new captions");
    }  // an exception before commit() ends here the same way
    EXPECT_EQ(names(dir), (std::vector<std::string>{"out.mp4", "out.srt"}));
    EXPECT_EQ(read(dir / "out.mp4"), "old video");
    EXPECT_EQ(read(dir / "out.srt"), "old captions");
}

TEST(OutputSet, AMemberThatCannotBeReplacedStopsTheWholeSetBeforeAnyRename) {
    const FreshDir dir("set-check");
    write(dir / "out.srt", "old captions");
    OutputSet set;
    set.add_main(dir / "out.mp4").write("new video");
    set.write(dir / "out.srt", "new captions");
    set.write(dir / "out.vtt", "new captions");
    fs::create_directories(dir / "out.vtt");  // its place is taken after the work
    try {
        set.commit();
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.loc().file, (dir / "out.vtt").string());
    }
    EXPECT_EQ(read(dir / "out.srt"), "old captions");
    EXPECT_FALSE(fs::exists(dir / "out.mp4"));
}

}  // namespace
}  // namespace koho
