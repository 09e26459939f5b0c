#include "core/atomic_file.h"

#include <gtest/gtest.h>

#include <fstream>

#include <unistd.h>

#include "core/diagnostic.h"

namespace koho {
namespace {

namespace fs = std::filesystem;

fs::path fresh_dir(const char* name) {
    fs::path dir = fs::temp_directory_path() / ("koho-core-" + std::to_string(getpid()) + "-" + name);
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

std::string read(const fs::path& path) {
    std::ifstream in(path);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

TEST(AtomicFile, NothingAppearsUntilCommit) {
    fs::path dir = fresh_dir("commit");
    fs::path target = dir / "out.txt";
    {
        AtomicFile file(target);
        std::ofstream(file.temp_path()) << "whole";
        EXPECT_FALSE(fs::exists(target));
        EXPECT_EQ(file.temp_path().parent_path(), dir);
        file.commit();
    }
    EXPECT_EQ(read(target), "whole");
    EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator()), 1);
}

TEST(AtomicFile, AbandonedOutputLeavesTheOldFileAndNoTemp) {
    fs::path dir = fresh_dir("abandon");
    fs::path target = dir / "out.txt";
    std::ofstream(target) << "old";
    {
        AtomicFile file(target);
        std::ofstream(file.temp_path()) << "half";
    }
    EXPECT_EQ(read(target), "old");
    EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator()), 1);
}

TEST(AtomicFile, MissingDirectoryIsAClearError) {
    try {
        AtomicFile file("/nonexistent-koho-dir/out.pdf");
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Failure);
        EXPECT_NE(e.message().find("does not exist"), std::string::npos);
    }
}

}  // namespace
}  // namespace koho
