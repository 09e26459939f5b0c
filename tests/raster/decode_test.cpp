// Decoding: every PNG colour type and bit depth, JPEG grey/RGB/CMYK, the
// resolution the files declare.
#include "raster/decode.h"

#include <gtest/gtest.h>
#include <png.h>

#include <thread>
#include <vector>

#include "decode_location.h"
#include "test_images.h"

namespace koho::raster {
namespace {

using namespace testing;

std::shared_ptr<const scene::Image> decode(const std::string& bytes, const DecodeLimits& limits = {}) {
    auto span = std::span(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
    return decode_image_bytes(span, "media/test-image", kWhere, limits);
}

uint32_t argb(uint32_t a, uint32_t r, uint32_t g, uint32_t b) { return (a << 24) | (r << 16) | (g << 8) | b; }

TEST(DecodePng, RgbEightBitIsExactAndOpaque) {
    PngSpec spec{2, 1, PNG_COLOR_TYPE_RGB, 8};
    spec.rows = {255, 0, 0, 10, 20, 30};
    auto image = decode(make_png(spec));
    ASSERT_EQ(image->width, 2);
    ASSERT_EQ(image->height, 1);
    EXPECT_EQ(image->pixels[0], argb(255, 255, 0, 0));
    EXPECT_EQ(image->pixels[1], argb(255, 10, 20, 30));
    EXPECT_FALSE(image->has_alpha);
    EXPECT_EQ(image->source, "media/test-image");
}

TEST(DecodePng, RgbaIsPremultiplied) {
    PngSpec spec{3, 1, PNG_COLOR_TYPE_RGB_ALPHA, 8};
    spec.rows = {200, 100, 50, 128, 255, 255, 255, 0, 1, 2, 3, 255};
    auto image = decode(make_png(spec));
    // 200·128/255 = 100.4 → 100; 100·128/255 = 50.2 → 50; 50·128/255 = 25.1 → 25
    EXPECT_EQ(image->pixels[0], argb(128, 100, 50, 25));
    EXPECT_EQ(image->pixels[1], argb(0, 0, 0, 0));
    EXPECT_EQ(image->pixels[2], argb(255, 1, 2, 3));
    EXPECT_TRUE(image->has_alpha);
}

TEST(DecodePng, RgbaThatIsFullyOpaqueHasNoAlpha) {
    PngSpec spec{1, 1, PNG_COLOR_TYPE_RGB_ALPHA, 8};
    spec.rows = {9, 8, 7, 255};
    auto image = decode(make_png(spec));
    EXPECT_EQ(image->pixels[0], argb(255, 9, 8, 7));
    EXPECT_FALSE(image->has_alpha);
}

TEST(DecodePng, GreyOfEveryBitDepthExpandsToFullRange) {
    struct Case { int depth; std::vector<uint8_t> row; std::vector<uint8_t> expect; };
    std::vector<Case> cases = {
        {1, {0b10000000}, {255, 0}},
        {2, {0b11100100}, {255, 170, 85, 0}},
        {4, {0xF0, 0x80}, {255, 0, 136, 0}},
        {8, {0, 77, 255}, {0, 77, 255}},
    };
    for (const auto& c : cases) {
        PngSpec spec{static_cast<int>(c.expect.size()), 1, PNG_COLOR_TYPE_GRAY, c.depth};
        spec.rows = c.row;
        auto image = decode(make_png(spec));
        ASSERT_EQ(image->width, static_cast<int>(c.expect.size())) << "depth " << c.depth;
        for (size_t i = 0; i < c.expect.size(); ++i) {
            uint32_t v = c.expect[i];
            EXPECT_EQ(image->pixels[i], argb(255, v, v, v)) << "depth " << c.depth << " pixel " << i;
        }
        EXPECT_FALSE(image->has_alpha);
    }
}

TEST(DecodePng, GreyAlpha) {
    PngSpec spec{2, 1, PNG_COLOR_TYPE_GRAY_ALPHA, 8};
    spec.rows = {255, 51, 100, 255};
    auto image = decode(make_png(spec));
    EXPECT_EQ(image->pixels[0], argb(51, 51, 51, 51));
    EXPECT_EQ(image->pixels[1], argb(255, 100, 100, 100));
    EXPECT_TRUE(image->has_alpha);
}

TEST(DecodePng, SixteenBitScalesWithRounding) {
    PngSpec spec{2, 1, PNG_COLOR_TYPE_RGB, 16};
    spec.rows = {0xFF, 0xFF, 0x80, 0x00, 0x00, 0x00,  0x01, 0x01, 0x7F, 0x7F, 0xFE, 0xFE};
    auto image = decode(make_png(spec));
    EXPECT_EQ(image->pixels[0], argb(255, 255, 128, 0));
    EXPECT_EQ(image->pixels[1], argb(255, 1, 127, 254));
}

TEST(DecodePng, SixteenBitGreyAlpha) {
    PngSpec spec{1, 1, PNG_COLOR_TYPE_GRAY_ALPHA, 16};
    spec.rows = {0xFF, 0xFF, 0x00, 0x00};
    auto image = decode(make_png(spec));
    EXPECT_EQ(image->pixels[0], argb(0, 0, 0, 0));
    EXPECT_TRUE(image->has_alpha);
}

TEST(DecodePng, PaletteWithTransparency) {
    PngSpec spec{4, 1, PNG_COLOR_TYPE_PALETTE, 2};
    spec.palette = {255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255};
    spec.trns = {255, 0, 128};  // the fourth entry stays opaque
    spec.rows = {0b00011011};   // indices 0, 1, 2, 3
    auto image = decode(make_png(spec));
    EXPECT_EQ(image->pixels[0], argb(255, 255, 0, 0));
    EXPECT_EQ(image->pixels[1], argb(0, 0, 0, 0));
    EXPECT_EQ(image->pixels[2], argb(128, 0, 0, 128));
    EXPECT_EQ(image->pixels[3], argb(255, 255, 255, 255));
    EXPECT_TRUE(image->has_alpha);
}

TEST(DecodePng, PaletteEightBitOpaque) {
    PngSpec spec{2, 1, PNG_COLOR_TYPE_PALETTE, 8};
    spec.palette = {1, 2, 3, 4, 5, 6};
    spec.rows = {1, 0};
    auto image = decode(make_png(spec));
    EXPECT_EQ(image->pixels[0], argb(255, 4, 5, 6));
    EXPECT_EQ(image->pixels[1], argb(255, 1, 2, 3));
    EXPECT_FALSE(image->has_alpha);
}

TEST(DecodePng, GreyColourKeyBecomesTransparent) {
    PngSpec spec{2, 1, PNG_COLOR_TYPE_GRAY, 8};
    spec.trns = {40};
    spec.rows = {40, 41};
    auto image = decode(make_png(spec));
    EXPECT_EQ(image->pixels[0] >> 24, 0u);
    EXPECT_EQ(image->pixels[1], argb(255, 41, 41, 41));
    EXPECT_TRUE(image->has_alpha);
}

TEST(DecodePng, InterlacedGivesTheSamePixelsAsProgressive) {
    PngSpec spec{13, 11, PNG_COLOR_TYPE_RGB, 8};
    for (int i = 0; i < 13 * 11; ++i)
        for (int c = 0; c < 3; ++c) spec.rows.push_back(static_cast<uint8_t>(i * 7 + c * 50));
    auto plain = decode(make_png(spec));
    spec.interlaced = true;
    auto interlaced = decode(make_png(spec));
    ASSERT_EQ(plain->pixels.size(), 13u * 11u);
    EXPECT_EQ(plain->pixels, interlaced->pixels);
    EXPECT_EQ(interlaced->pixels[20], argb(255, 140, 190, 240));
}

TEST(DecodePng, RecordsPhysResolution) {
    PngSpec spec{1, 1, PNG_COLOR_TYPE_GRAY, 8};
    spec.rows = {0};
    spec.dpi = 300;
    auto image = decode(make_png(spec));
    EXPECT_NEAR(image->ppi_x, 300.0, 0.01);
    EXPECT_NEAR(image->ppi_y, 300.0, 0.01);
    spec.dpi = 0;
    auto plain = decode(make_png(spec));
    EXPECT_EQ(plain->ppi_x, 0.0);
}

std::vector<uint8_t> solid(int w, int h, std::vector<uint8_t> sample) {
    std::vector<uint8_t> out;
    for (int i = 0; i < w * h; ++i) out.insert(out.end(), sample.begin(), sample.end());
    return out;
}

TEST(DecodeJpeg, GreyBecomesNeutralRgb) {
    JpegSpec spec{16, 8, 1, solid(16, 8, {90})};
    auto image = decode(make_jpeg(spec));
    ASSERT_EQ(image->width, 16);
    ASSERT_EQ(image->height, 8);
    for (uint32_t p : image->pixels) {
        EXPECT_EQ(p >> 24, 255u);
        EXPECT_NEAR(static_cast<int>(p & 0xFF), 90, 1);
        EXPECT_EQ((p >> 16) & 0xFF, p & 0xFF);  // neutral
    }
    EXPECT_FALSE(image->has_alpha);
}

TEST(DecodeJpeg, RgbColoursSurvive) {
    JpegSpec spec{16, 16, 3, solid(16, 16, {220, 60, 40})};
    auto image = decode(make_jpeg(spec));
    uint32_t p = image->pixels[8 * 16 + 8];
    EXPECT_NEAR(static_cast<int>((p >> 16) & 0xFF), 220, 3);
    EXPECT_NEAR(static_cast<int>((p >> 8) & 0xFF), 60, 3);
    EXPECT_NEAR(static_cast<int>(p & 0xFF), 40, 3);
}

TEST(DecodeJpeg, AdobeCmykIsApproximatedAsRgb) {
    // Adobe-inverted: 0 is full ink. Full cyan, then 50 % black.
    std::vector<uint8_t> samples = solid(8, 8, {0, 255, 255, 255});
    auto grey = solid(8, 8, {255, 255, 255, 128});
    samples.insert(samples.end(), grey.begin(), grey.end());
    JpegSpec spec{8, 16, 4, samples, 100};
    auto image = decode(make_jpeg(spec));
    uint32_t cyan = image->pixels[3 * 8 + 3], half = image->pixels[12 * 8 + 3];
    EXPECT_NEAR(static_cast<int>((cyan >> 16) & 0xFF), 0, 4);
    EXPECT_NEAR(static_cast<int>((cyan >> 8) & 0xFF), 255, 4);
    EXPECT_NEAR(static_cast<int>(cyan & 0xFF), 255, 4);
    EXPECT_NEAR(static_cast<int>(half & 0xFF), 128, 4);
}

// The file's own bytes ride along for PDF embedding (DCTDecode) exactly
// when a PDF reader would decode them to the same pixels.
TEST(DecodeJpeg, KeepsTheFileBytesForGreyAndColourOnly) {
    for (int components : {1, 3}) {
        std::vector<uint8_t> sample(static_cast<size_t>(components), 120);
        std::string bytes = make_jpeg(JpegSpec{8, 8, components, solid(8, 8, sample)});
        auto image = decode(bytes);
        ASSERT_TRUE(image->jpeg_data) << components << " components";
        EXPECT_EQ(*image->jpeg_data, bytes) << components << " components";
    }
    auto cmyk = decode(make_jpeg(JpegSpec{8, 8, 4, solid(8, 8, {0, 255, 255, 255})}));
    EXPECT_TRUE(!cmyk->jpeg_data || cmyk->jpeg_data->empty()) << "CMYK pixels are converted, not embedded";
}

// Deferred loading: a JPEG kept for embedding has its size, resolution and
// bytes at once, and the same pixels as an eager decode on first use.
TEST(DecodeDeferred, JpegPixelsWaitForFirstUseAndMatchAnEagerDecode) {
    auto dir = fresh_dir("decode-deferred");
    JpegSpec spec{24, 16, 3, {}, 90, 1, 300};
    for (int i = 0; i < 24 * 16; ++i) {
        spec.samples.push_back(static_cast<uint8_t>(i * 7));
        spec.samples.push_back(static_cast<uint8_t>(i * 3));
        spec.samples.push_back(static_cast<uint8_t>(255 - i));
    }
    write_bytes(dir / "photo.jpg", make_jpeg(spec));
    auto eager = decode_image(dir / "photo.jpg", kWhere);
    auto lazy = decode_image_deferred(dir / "photo.jpg", kWhere);
    EXPECT_EQ(lazy->width, 24);
    EXPECT_EQ(lazy->height, 16);
    EXPECT_DOUBLE_EQ(lazy->ppi_x, 300);
    EXPECT_FALSE(lazy->has_alpha);
    ASSERT_TRUE(lazy->jpeg_data);
    EXPECT_EQ(*lazy->jpeg_data, read_bytes(dir / "photo.jpg"));
    EXPECT_TRUE(lazy->pixels_pending());
    EXPECT_TRUE(lazy->pixels.empty());
    EXPECT_EQ(lazy->pixel_data(), eager->pixels);
    EXPECT_FALSE(lazy->pixels_pending());
    EXPECT_EQ(&lazy->pixel_data(), &lazy->pixel_data()) << "decoded once, then kept";
    EXPECT_FALSE(eager->pixels_pending());
    EXPECT_EQ(&eager->pixel_data(), &eager->pixels);
}

TEST(DecodeDeferred, PngAndCmykJpegAreDecodedAtOnce) {
    auto dir = fresh_dir("decode-deferred-now");
    PngSpec png{2, 1, PNG_COLOR_TYPE_RGB, 8};
    png.rows = {255, 0, 0, 10, 20, 30};
    write_bytes(dir / "a.png", make_png(png));
    write_bytes(dir / "c.jpg", make_jpeg(JpegSpec{8, 8, 4, solid(8, 8, {0, 255, 255, 255})}));
    for (const char* name : {"a.png", "c.jpg"}) {
        auto image = decode_image_deferred(dir / name, kWhere);
        EXPECT_FALSE(image->pixels_pending()) << name;
        EXPECT_EQ(image->pixels.size(), static_cast<size_t>(image->width * image->height)) << name;
    }
}

// Threads asking for the pixels at once get one decode between them.
TEST(DecodeDeferred, ConcurrentFirstUseSharesOneDecode) {
    auto dir = fresh_dir("decode-deferred-threads");
    write_bytes(dir / "g.jpg", make_jpeg(JpegSpec{64, 64, 1, solid(64, 64, {77})}));
    auto lazy = decode_image_deferred(dir / "g.jpg", kWhere);
    std::vector<const std::vector<uint32_t>*> seen(4);
    std::vector<std::thread> threads;
    for (size_t i = 0; i < seen.size(); ++i) threads.emplace_back([&, i] { seen[i] = &lazy->pixel_data(); });
    for (auto& t : threads) t.join();
    for (auto* p : seen) EXPECT_EQ(p, seen[0]);
    EXPECT_EQ(seen[0]->size(), 64u * 64u);
}

TEST(DecodePng, NeverCarriesJpegBytes) {
    PngSpec spec{2, 1, PNG_COLOR_TYPE_RGB, 8};
    spec.rows = {255, 0, 0, 10, 20, 30};
    EXPECT_FALSE(decode(make_png(spec))->jpeg_data);
}

TEST(DecodeJpeg, RecordsJfifDensity) {
    JpegSpec spec{8, 8, 1, solid(8, 8, {0})};
    spec.density_unit = 1;
    spec.density = 350;
    EXPECT_DOUBLE_EQ(decode(make_jpeg(spec))->ppi_x, 350.0);
    spec.density_unit = 2;  // dots per centimetre
    spec.density = 118;
    EXPECT_NEAR(decode(make_jpeg(spec))->ppi_y, 299.72, 0.01);
    spec.density_unit = 0;  // aspect ratio only: no resolution
    spec.density = 1;
    EXPECT_EQ(decode(make_jpeg(spec))->ppi_x, 0.0);
}

TEST(Sniff, UsesSignaturesNotNames) {
    std::string png = kPngSignature + "rest";
    auto bytes = [](const std::string& s) { return std::span(reinterpret_cast<const uint8_t*>(s.data()), s.size()); };
    EXPECT_EQ(sniff_format(bytes(png)), ImageFormat::Png);
    EXPECT_EQ(sniff_format(bytes("\xFF\xD8\xFF\xE0")), ImageFormat::Jpeg);
    EXPECT_EQ(sniff_format(bytes("\xFF\xD8")), ImageFormat::Unknown);
    EXPECT_EQ(sniff_format(bytes("GIF89a")), ImageFormat::Unknown);
}

TEST(DecodeFile, JpegBytesNamedPngAreDecodedAsJpeg) {
    auto dir = fresh_dir("sniff");
    JpegSpec spec{8, 8, 3, solid(8, 8, {0, 0, 255})};
    write_bytes(dir / "photo.png", make_jpeg(spec));
    auto image = decode_image(dir / "photo.png", kWhere);
    EXPECT_EQ(image->width, 8);
    EXPECT_NEAR(static_cast<int>(image->pixels[0] & 0xFF), 255, 3);
    EXPECT_EQ(image->source, dir / "photo.png");
}

}  // namespace
}  // namespace koho::raster
