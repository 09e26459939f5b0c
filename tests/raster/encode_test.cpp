// Encoding: PNG round trips exactly, records its resolution, is the same
// bytes every time, and appears atomically; JPEG is close and dense-tagged.
#include "raster/encode.h"

#include <gtest/gtest.h>

#include <memory>
#include <span>
#include <string>

#include "raster/decode.h"
#include "test_images.h"

namespace koho::raster {
namespace {

using namespace testing;
namespace fs = std::filesystem;

const SourceLoc kReadBackLoc{"layouts/test.json", 1, 1, "/src"};

// Every alpha value with channels at, under and at zero below it: the whole
// space of valid premultiplied pixels is sampled.
scene::Image all_alphas() {
    scene::Image image;
    image.width = 256;
    image.height = 4;
    for (uint32_t row = 0; row < 4; ++row)
        for (uint32_t a = 0; a < 256; ++a) {
            uint32_t r = a, g = a * row / 3, b = (a * 7 + row) % (a + 1);
            image.pixels.push_back((a << 24) | (r << 16) | (g << 8) | b);
        }
    return image;
}

TEST(WritePng, RoundTripIsExactForPremultipliedPixels) {
    auto dir = fresh_dir("roundtrip");
    scene::Image image = all_alphas();
    write_png(dir / "out.png", image, 300);
    auto back = decode_image(dir / "out.png", kReadBackLoc);
    ASSERT_EQ(back->width, image.width);
    ASSERT_EQ(back->height, image.height);
    for (size_t i = 0; i < image.pixels.size(); ++i)
        ASSERT_EQ(back->pixels[i], image.pixels[i]) << "pixel " << i;
    EXPECT_TRUE(back->has_alpha);
}

// Proofs are encoded with less zlib effort: other bytes (a little bigger on
// a photo-like picture), the very same pixels, and stable from run to run.
TEST(EncodePng, QuickCompressionKeepsEveryPixelAndIsStable) {
    scene::Image image;
    image.width = 512;
    image.height = 256;
    uint32_t seed = 12345;
    for (int i = 0; i < image.width * image.height; ++i) {
        seed = seed * 1103515245u + 12345u;
        const uint32_t noise = (seed >> 16) & 0x3f;
        const uint32_t x = static_cast<uint32_t>(i % image.width) / 2, y = static_cast<uint32_t>(i / image.width);
        image.pixels.push_back(0xff000000u | ((x + noise) & 0xff) << 16 | ((y + noise) & 0xff) << 8 | noise);
    }
    const std::string small = encode_png(view_of(image), 150, PngCompression::Small);
    const std::string quick = encode_png(view_of(image), 150, PngCompression::Quick);
    EXPECT_NE(quick, small);
    EXPECT_EQ(quick, encode_png(view_of(image), 150, PngCompression::Quick));
    for (const std::string* png : {&small, &quick}) {
        auto back = decode_image_bytes(std::span(reinterpret_cast<const uint8_t*>(png->data()), png->size()),
                                       "proof.png", kReadBackLoc);
        ASSERT_EQ(back->pixels.size(), image.pixels.size());
        EXPECT_EQ(back->pixels, image.pixels);
    }
}

TEST(WritePng, RecordsDpiAndNoTimestamp) {
    auto dir = fresh_dir("phys");
    write_png(dir / "out.png", all_alphas(), 300);
    std::string bytes = read_bytes(dir / "out.png");
    EXPECT_NE(bytes.find("pHYs"), std::string::npos);
    EXPECT_EQ(bytes.find("tIME"), std::string::npos);
    auto back = decode_image(dir / "out.png", kReadBackLoc);
    EXPECT_NEAR(back->ppi_x, 300, 0.01);
    EXPECT_NEAR(back->ppi_y, 300, 0.01);
    write_png(dir / "nodpi.png", all_alphas(), 0);
    EXPECT_EQ(read_bytes(dir / "nodpi.png").find("pHYs"), std::string::npos);
}

TEST(WritePng, TwoWritesAreByteIdentical) {
    auto dir = fresh_dir("identical");
    write_png(dir / "a.png", all_alphas(), 150);
    write_png(dir / "b.png", all_alphas(), 150);
    std::string a = read_bytes(dir / "a.png");
    ASSERT_GT(a.size(), 100u);
    EXPECT_EQ(a, read_bytes(dir / "b.png"));
}

using Surface = std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)>;
using Context = std::unique_ptr<cairo_t, decltype(&cairo_destroy)>;

Surface painted(cairo_format_t format, double alpha) {
    Surface surface(cairo_image_surface_create(format, 30, 20), cairo_surface_destroy);
    Context cr(cairo_create(surface.get()), cairo_destroy);
    cairo_set_source_rgba(cr.get(), 0.2, 0.4, 0.8, alpha);
    cairo_paint(cr.get());
    cairo_set_source_rgb(cr.get(), 1, 0, 0);
    cairo_rectangle(cr.get(), 5, 5, 10, 10);
    cairo_fill(cr.get());
    return surface;
}

TEST(WritePng, OpaqueSurfaceIsWrittenAsRgb) {
    auto dir = fresh_dir("rgb24");
    Surface surface = painted(CAIRO_FORMAT_RGB24, 1);
    write_png(dir / "out.png", surface.get(), 72);
    std::string bytes = read_bytes(dir / "out.png");
    ASSERT_GT(bytes.size(), 26u);
    EXPECT_EQ(bytes[25], 2) << "colour type";  // signature 8 + length 4 + type 4 + w 4 + h 4 + depth 1
    auto back = decode_image(dir / "out.png", kReadBackLoc);
    EXPECT_FALSE(back->has_alpha);
    EXPECT_EQ(back->pixels[10 * 30 + 10], 0xFFFF0000u);
    EXPECT_EQ(back->pixels[0], 0xFF3366CCu);
}

TEST(WritePng, TranslucentSurfaceKeepsAlpha) {
    auto dir = fresh_dir("argb32");
    Surface surface = painted(CAIRO_FORMAT_ARGB32, 0.5);
    write_png(dir / "out.png", surface.get(), 72);
    EXPECT_EQ(read_bytes(dir / "out.png")[25], 6) << "colour type";
    auto back = decode_image(dir / "out.png", kReadBackLoc);
    EXPECT_TRUE(back->has_alpha);
    auto* data = reinterpret_cast<const uint32_t*>(cairo_image_surface_get_data(surface.get()));
    EXPECT_EQ(back->pixels[0], data[0]);
}

TEST(WritePng, MissingDirectoryIsAFailureNamingTheTarget) {
    auto dir = fresh_dir("nodir");
    try {
        write_png(dir / "no" / "out.png", all_alphas(), 72);
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Failure);
        EXPECT_NE(e.formatted().find("out.png"), std::string::npos) << e.formatted();
    }
}

TEST(WritePng, ReplacesTheTargetWholeAndLeavesNoTemp) {
    auto dir = fresh_dir("replace");
    write_bytes(dir / "out.png", "old");
    write_png(dir / "out.png", all_alphas(), 72);
    EXPECT_EQ(decode_image(dir / "out.png", kReadBackLoc)->width, 256);
    EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator()), 1);
}

TEST(WriteJpeg, RoundTripIsCloseAndOverWhite) {
    auto dir = fresh_dir("jpeg");
    scene::Image image;
    image.width = 32;
    image.height = 32;
    for (int i = 0; i < 32 * 32; ++i)
        image.pixels.push_back(i < 16 * 32 ? 0xFF2080C0u : 0x00000000u);  // lower half transparent
    write_jpeg(dir / "out.jpg", view_of(image), 95, 300);
    auto back = decode_image(dir / "out.jpg", kReadBackLoc);
    ASSERT_EQ(back->width, 32);
    uint32_t top = back->pixels[4 * 32 + 4], bottom = back->pixels[28 * 32 + 4];
    EXPECT_NEAR(static_cast<int>((top >> 16) & 0xFF), 0x20, 3);
    EXPECT_NEAR(static_cast<int>((top >> 8) & 0xFF), 0x80, 3);
    EXPECT_NEAR(static_cast<int>(top & 0xFF), 0xC0, 3);
    EXPECT_EQ(bottom, 0xFFFFFFFFu);
    EXPECT_DOUBLE_EQ(back->ppi_x, 300);
}

TEST(WriteJpeg, IsDeterministicAndChecksQuality) {
    scene::Image image = all_alphas();
    EXPECT_EQ(encode_jpeg(view_of(image), 80, 72), encode_jpeg(view_of(image), 80, 72));
    EXPECT_THROW(encode_jpeg(view_of(image), 0, 72), Error);
    EXPECT_THROW(encode_jpeg(view_of(image), 101, 72), Error);
}

}  // namespace
}  // namespace koho::raster
