// koho-genmedia: deterministic output (same bytes twice), the promised
// files at print size, and the placeholder mascot with a transparent
// background.
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "raster/decode.h"
#include "test_images.h"

namespace koho::raster {
namespace {

using namespace testing;
namespace fs = std::filesystem;

const std::vector<std::string> kPhotos = {"cover.jpg",       "office.jpg",      "playroom.jpg",   "facility.jpg",
                                          "park.jpg",        "team.jpg",        "interview-1.jpg", "interview-2.jpg",
                                          "interview-3.jpg", "session.jpg"};

int run_genmedia(const fs::path& out) {
    fs::path svg = fs::path(KOHO_SOURCE_DIR) / "media/mascot/placeholder.svg";
    std::string cmd = std::string("'") + KOHO_GENMEDIA + "' --photos '" + (out / "photos").string() +
                      "' --mascot-svg '" + svg.string() + "' --mascot-png '" + (out / "mascot.png").string() + "'";
    return std::system(cmd.c_str());
}

// ctest runs every TEST in its own process, so each test makes its own
// output: two tests, three runs of the generator in all.

TEST(Genmedia, TwoRunsWriteIdenticalBytes) {
    fs::path first = fresh_dir("genmedia-a"), second = fresh_dir("genmedia-b");
    ASSERT_EQ(run_genmedia(first), 0);
    ASSERT_EQ(run_genmedia(second), 0);
    for (const auto& name : kPhotos) {
        std::string a = read_bytes(first / "photos" / name);
        ASSERT_GT(a.size(), 10'000u) << name;
        EXPECT_TRUE(a == read_bytes(second / "photos" / name)) << name << " differs between runs";
    }
    std::string mascot = read_bytes(first / "mascot.png");
    ASSERT_GT(mascot.size(), 1'000u);
    EXPECT_TRUE(mascot == read_bytes(second / "mascot.png"));
    EXPECT_EQ(std::distance(fs::directory_iterator(first / "photos"), fs::directory_iterator()),
              static_cast<long>(kPhotos.size()))
        << "exactly the promised photos, and no temporary files";
}

TEST(Genmedia, PhotosArePrintSizeJpegsAndTheMascotIsTransparent) {
    fs::path out = fresh_dir("genmedia-content");
    ASSERT_EQ(run_genmedia(out), 0);
    for (const auto& name : kPhotos) {
        fs::path path = out / "photos" / name;
        EXPECT_EQ(read_bytes(path).substr(0, 3), "\xFF\xD8\xFF") << name;
        auto image = decode_image(path, SourceLoc{name});
        EXPECT_GE(std::max(image->width, image->height), 2400) << name;
        EXPECT_DOUBLE_EQ(image->ppi_x, 300) << name;
        // Not a blank page: the corner and the centre differ.
        uint32_t centre = image->pixels[image->pixels.size() / 2 + image->width / 2];
        EXPECT_NE(centre, image->pixels[0]) << name;
    }
    auto mascot = decode_image(out / "mascot.png", SourceLoc{"mascot.png"});
    EXPECT_EQ(mascot->height, 1024);
    EXPECT_GT(mascot->width, 500);
    EXPECT_TRUE(mascot->has_alpha);
    EXPECT_EQ(mascot->pixels[0] >> 24, 0u) << "the corner is transparent";
    uint32_t centre = mascot->pixels[static_cast<size_t>(mascot->height / 2) * mascot->width + mascot->width / 2];
    EXPECT_EQ(centre >> 24, 255u) << "the character is opaque";
}

TEST(Genmedia, RefusesToRunWithNothingToDo) {
    std::string cmd = std::string("'") + KOHO_GENMEDIA + "' 2>/dev/null";
    int status = std::system(cmd.c_str());
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 2);
}

}  // namespace
}  // namespace koho::raster
