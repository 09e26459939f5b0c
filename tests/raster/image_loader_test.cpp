// The run's image loader decodes each file once and never caches failures.
#include "raster/image_loader.h"

#include <gtest/gtest.h>
#include <png.h>

#include "test_images.h"

namespace koho::raster {
namespace {

using namespace testing;

std::string tiny_png(uint8_t grey) {
    PngSpec spec{2, 2, PNG_COLOR_TYPE_GRAY, 8};
    spec.rows = {grey, grey, grey, grey};
    return make_png(spec);
}

TEST(ImageLoader, DecodesEachFileOnce) {
    auto dir = fresh_dir("loader-once");
    write_bytes(dir / "a.png", tiny_png(10));
    write_bytes(dir / "b.png", tiny_png(20));
    auto load = make_cached_image_loader();
    auto first = load(dir / "a.png", SourceLoc{"l.json", 1, 1, "/a"});
    auto again = load(dir / "sub" / ".." / "a.png", SourceLoc{"l.json", 2, 1, "/b"});
    auto other = load(dir / "b.png", SourceLoc{"l.json", 3, 1, "/c"});
    EXPECT_EQ(first.get(), again.get());
    EXPECT_NE(first.get(), other.get());
    EXPECT_EQ(first->pixels[0], 0xFF0A0A0Au);
    EXPECT_EQ(other->pixels[0], 0xFF141414u);
}

TEST(ImageLoader, SeparateLoadersDoNotShare) {
    auto dir = fresh_dir("loader-separate");
    write_bytes(dir / "a.png", tiny_png(10));
    auto one = make_cached_image_loader();
    auto two = make_cached_image_loader();
    EXPECT_NE(one(dir / "a.png", {}).get(), two(dir / "a.png", {}).get());
}

TEST(ImageLoader, FailuresAreReportedAtEachPlaceAndNotCached) {
    auto dir = fresh_dir("loader-fail");
    write_bytes(dir / "a.png", "not an image");
    auto load = make_cached_image_loader();
    for (int line : {4, 9}) {
        try {
            load(dir / "a.png", SourceLoc{"l.json", line, 1, "/x"});
            ADD_FAILURE() << "no error";
        } catch (const Error& e) {
            EXPECT_EQ(e.loc().line, line);
        }
    }
    write_bytes(dir / "a.png", tiny_png(30));
    EXPECT_EQ(load(dir / "a.png", {})->pixels[3], 0xFF1E1E1Eu);
}

TEST(ImageLoader, AppliesItsLimits) {
    auto dir = fresh_dir("loader-limits");
    write_bytes(dir / "a.png", tiny_png(10));
    auto load = make_cached_image_loader(DecodeLimits{3});
    EXPECT_THROW(load(dir / "a.png", {}), Error);
}

}  // namespace
}  // namespace koho::raster
