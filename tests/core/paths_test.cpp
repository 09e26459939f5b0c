#include "core/paths.h"

#include <gtest/gtest.h>

#include <fstream>

#include <unistd.h>

namespace koho {
namespace {

namespace fs = std::filesystem;

class PathsTest : public ::testing::Test {
protected:
    void SetUp() override {
        // One directory per test process: ctest -j runs these side by side.
        base = fs::temp_directory_path() /
               ("koho-paths-" + std::to_string(getpid()) + "-" +
                ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(base);
        fs::create_directories(base / "root/media");
        std::ofstream(base / "root/media/a.png") << "x";
        std::ofstream(base / "secret.txt") << "x";
        fs::create_symlink(base / "secret.txt", base / "root/media/link.png");
    }
    void TearDown() override { fs::remove_all(base); }
    fs::path base;
    SourceLoc where{"l.json", 3, 9, "/pages/0/frames/0/src"};

    std::string error_of(const std::string& relative) {
        try {
            resolve_in_root(base / "root", relative, where, "image");
        } catch (const Error& e) {
            EXPECT_EQ(e.kind(), ErrorKind::BadInput);
            EXPECT_EQ(e.loc().pointer, where.pointer);
            return e.message();
        }
        return "";
    }
};

TEST_F(PathsTest, InsideTheRootResolves) {
    EXPECT_EQ(resolve_in_root(base / "root", "media/a.png", where),
              fs::canonical(base / "root/media/a.png"));
    EXPECT_EQ(resolve_in_root(base / "root", "media/../media/a.png", where),
              fs::canonical(base / "root/media/a.png"));
}

TEST_F(PathsTest, EscapesAreRefused) {
    EXPECT_NE(error_of("../secret.txt").find("outside the project root"), std::string::npos);
    EXPECT_NE(error_of("media/link.png").find("outside the project root"), std::string::npos);
    EXPECT_NE(error_of((base / "secret.txt").string()).find("is absolute"), std::string::npos);
}

TEST_F(PathsTest, ANulInsideTheNameIsRefused) {
    // The system would open media/a.png, a file other than the one named.
    EXPECT_EQ(error_of(std::string("media/a.png\0.txt", 16)), "image path contains a NUL character (\\u0000); remove it");
}

TEST_F(PathsTest, MissingAndNonFilesAreRefused) {
    EXPECT_NE(error_of("media/none.png").find("not found"), std::string::npos);
    EXPECT_NE(error_of("media").find("not a regular file"), std::string::npos);
}

}  // namespace
}  // namespace koho
