// Bad images: each is one clear BadInput error at the layout location that
// named the file, never a crash, a print or a half image (issue 7).
#include <gtest/gtest.h>
#include <png.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "raster/decode.h"
#include "decode_location.h"
#include "test_images.h"

namespace koho::raster {
namespace {

using namespace testing;

// Decodes the file and returns the error's message, failing the test if
// there is no error or the error is not a located BadInput.
using Decoder = std::shared_ptr<const scene::Image> (*)(const std::filesystem::path&, const SourceLoc&,
                                                         const DecodeLimits&);

std::string error_from(Decoder decoder, const std::filesystem::path& path, const DecodeLimits& limits) {
    try {
        decoder(path, kWhere, limits);
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::BadInput);
        EXPECT_EQ(e.loc().file, kWhere.file);
        EXPECT_EQ(e.loc().line, kWhere.line);
        EXPECT_EQ(e.loc().pointer, kWhere.pointer);
        if (getenv("KOHO_SHOW_ERRORS")) std::fprintf(stderr, "%s\n", e.formatted().c_str());
        return e.message();
    }
    ADD_FAILURE() << "no error for " << path;
    return "";
}

// Both ways of loading (all pixels now, or JPEG pixels on first use) must
// refuse the file at load time with the same message.
std::string error_of(const std::filesystem::path& path, const DecodeLimits& limits = {}) {
    std::string message = error_from(&decode_image, path, limits);
    EXPECT_EQ(error_from(&decode_image_deferred, path, limits), message) << "deferred decoding of " << path;
    return message;
}

std::string small_png(int w = 4, int h = 4) {
    PngSpec spec{w, h, PNG_COLOR_TYPE_RGB, 8};
    for (int i = 0; i < w * h * 3; ++i) spec.rows.push_back(static_cast<uint8_t>(i * 37));
    return make_png(spec);
}

std::string small_jpeg() {
    JpegSpec spec{32, 32, 3};
    for (int i = 0; i < 32 * 32 * 3; ++i) spec.samples.push_back(static_cast<uint8_t>(i * 13));
    return make_jpeg(spec);
}

// A PNG that is only a signature and an IHDR (valid CRC) declaring w×h.
std::string png_header_only(uint32_t w, uint32_t h) {
    std::string ihdr = be32(w) + be32(h) + std::string("\x08\x02\x00\x00\x00", 5);
    return kPngSignature + png_chunk("IHDR", ihdr);
}

class DecodeErrors : public ::testing::Test {
protected:
    std::filesystem::path dir = fresh_dir(::testing::UnitTest::GetInstance()->current_test_info()->name());
};

TEST_F(DecodeErrors, MissingFile) {
    EXPECT_EQ(error_of(dir / "nope.jpg"), "image '" + (dir / "nope.jpg").string() + "' does not exist");
}

TEST_F(DecodeErrors, Directory) {
    EXPECT_EQ(error_of(dir), "image '" + dir.string() + "' is a directory, not a file");
}

TEST_F(DecodeErrors, EmptyFile) {
    write_bytes(dir / "empty.png", "");
    EXPECT_EQ(error_of(dir / "empty.png"), "image '" + (dir / "empty.png").string() + "' is an empty file");
}

TEST_F(DecodeErrors, TextFileNamedPng) {
    write_bytes(dir / "notes.png", "これは画像ではありません\n");
    EXPECT_EQ(error_of(dir / "notes.png"),
              "image '" + (dir / "notes.png").string() +
                  "' is not a PNG or JPEG image (its first bytes match neither format)");
}

TEST_F(DecodeErrors, GifNamedJpgIsNamed) {
    write_bytes(dir / "anim.jpg", "GIF89a\x01\x00\x01\x00");
    EXPECT_EQ(error_of(dir / "anim.jpg"),
              "image '" + (dir / "anim.jpg").string() + "' is a GIF image; koho reads only PNG and JPEG images");
}

TEST_F(DecodeErrors, TruncatedPng) {
    std::string png = small_png(64, 64);
    write_bytes(dir / "cut.png", png.substr(0, png.size() / 2));
    EXPECT_EQ(error_of(dir / "cut.png"), "image '" + (dir / "cut.png").string() +
                                             "' is truncated: the file ends before the image is complete");
}

TEST_F(DecodeErrors, PngCutInsideTheHeader) {
    write_bytes(dir / "stub.png", small_png().substr(0, 20));
    EXPECT_EQ(error_of(dir / "stub.png"), "image '" + (dir / "stub.png").string() +
                                              "' is truncated: the file ends before the image is complete");
}

TEST_F(DecodeErrors, PngWithBadHeaderCrc) {
    std::string png = small_png();
    png[29] ^= 0x55;  // first CRC byte of IHDR (8 signature + 4 length + 4 type + 13 data)
    write_bytes(dir / "crc.png", png);
    EXPECT_EQ(error_of(dir / "crc.png"),
              "image '" + (dir / "crc.png").string() + "' is not a valid PNG file (IHDR: CRC error)");
}

TEST_F(DecodeErrors, PngWithCorruptPixelData) {
    std::string png = small_png(64, 64);
    size_t idat = png.find("IDAT");
    ASSERT_NE(idat, std::string::npos);
    // Wreck the zlib header; fix nothing else, so only the data is wrong.
    png[idat + 4] = '\x00';
    png[idat + 5] = '\x00';
    write_bytes(dir / "zlib.png", png);
    std::string message = error_of(dir / "zlib.png");
    EXPECT_EQ(message.rfind("image '" + (dir / "zlib.png").string() + "' is not a valid PNG file (", 0), 0u)
        << message;
}

TEST_F(DecodeErrors, DecompressionBombIsRefusedBeforeAllocating) {
    // The bare header, and a complete small file (IDAT of one zero row in a
    // stored deflate block, IEND) that declares the same size.
    std::string idat_data = std::string("\x78\x01\x01\x01\x00\xFE\xFF\x00", 8) + be32(0x00010001);
    std::vector<std::string> bombs = {
        png_header_only(60000, 60000),
        png_header_only(60000, 60000) + png_chunk("IDAT", idat_data) + png_chunk("IEND", ""),
    };
    for (const std::string& bomb : bombs) {
        write_bytes(dir / "bomb.png", bomb);
        auto start = std::chrono::steady_clock::now();
        EXPECT_EQ(error_of(dir / "bomb.png"),
                  "image '" + (dir / "bomb.png").string() +
                      "' is 60000x60000 pixels (3600 megapixels), more than the limit of 100 megapixels; "
                      "raise it with --max-image-pixels");
        EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(1));
    }
}

TEST_F(DecodeErrors, WidthBeyondWhatMemoryCanAddress) {
    write_bytes(dir / "wide.png", png_header_only(0x7FFFFFFF, 1));
    std::string message = error_of(dir / "wide.png", DecodeLimits{UINT64_MAX});
    EXPECT_EQ(message, "image '" + (dir / "wide.png").string() +
                           "' is 2147483647x1 pixels, wider or taller than koho can hold in memory");
}

TEST_F(DecodeErrors, ZeroSizeHeader) {
    write_bytes(dir / "zero.png", png_header_only(0, 10));
    EXPECT_EQ(error_of(dir / "zero.png"),
              "image '" + (dir / "zero.png").string() + "' declares a size of 0x10 pixels");
}

TEST_F(DecodeErrors, PixelLimitIsConfigurable) {
    write_bytes(dir / "small.png", small_png(100, 100));
    EXPECT_EQ(error_of(dir / "small.png", DecodeLimits{9'999}),
              "image '" + (dir / "small.png").string() +
                  "' is 100x100 pixels (10000 pixels), more than the limit of 9999 pixels; "
                  "raise it with --max-image-pixels");
    EXPECT_EQ(decode_image(dir / "small.png", kWhere, DecodeLimits{10'000})->width, 100);
}

TEST_F(DecodeErrors, JpegPixelLimit) {
    write_bytes(dir / "small.jpg", small_jpeg());
    std::string message = error_of(dir / "small.jpg", DecodeLimits{32 * 32 - 1});
    EXPECT_NE(message.find("is 32x32 pixels (1024 pixels), more than the limit of 1023 pixels"),
              std::string::npos) << message;
    write_bytes(dir / "mid.png", png_header_only(2500, 1000));
    EXPECT_NE(error_of(dir / "mid.png", DecodeLimits{1'250'000})
                  .find("is 2500x1000 pixels (2.5 megapixels), more than the limit of 1250000 pixels; raise it with --max-image-pixels"),
              std::string::npos);
    EXPECT_EQ(decode_image(dir / "small.jpg", kWhere, DecodeLimits{32 * 32})->height, 32);
}

TEST_F(DecodeErrors, TruncatedJpeg) {
    std::string jpeg = small_jpeg();
    write_bytes(dir / "cut.jpg", jpeg.substr(0, jpeg.size() * 2 / 3));
    EXPECT_EQ(error_of(dir / "cut.jpg"), "image '" + (dir / "cut.jpg").string() +
                                             "' is truncated: the file ends before the image is complete");
}

TEST_F(DecodeErrors, JpegCutInsideTheHeader) {
    write_bytes(dir / "stub.jpg", small_jpeg().substr(0, 40));
    EXPECT_EQ(error_of(dir / "stub.jpg"), "image '" + (dir / "stub.jpg").string() +
                                              "' is truncated: the file ends before the image is complete");
}

TEST_F(DecodeErrors, CorruptJpegMarker) {
    std::string jpeg = small_jpeg();
    size_t dqt = jpeg.find("\xFF\xDB");
    ASSERT_NE(dqt, std::string::npos);
    jpeg[dqt + 2] = 0;  // segment length 0x0001: shorter than its own length field
    jpeg[dqt + 3] = 1;
    write_bytes(dir / "bad.jpg", jpeg);
    std::string message = error_of(dir / "bad.jpg");
    EXPECT_EQ(message.rfind("image '" + (dir / "bad.jpg").string() + "' is not a valid JPEG file (", 0), 0u)
        << message;
}

TEST_F(DecodeErrors, CorruptJpegScanData) {
    std::string jpeg = small_jpeg();
    size_t sos = jpeg.find("\xFF\xDA");
    ASSERT_NE(sos, std::string::npos);
    // A stray marker in the middle of the entropy-coded data.
    size_t middle = sos + (jpeg.size() - sos) / 2;
    jpeg[middle] = '\xFF';
    jpeg[middle + 1] = '\xD0' + 3;  // RST3 where no restart interval exists
    write_bytes(dir / "scan.jpg", jpeg);
    std::string message = error_of(dir / "scan.jpg");
    EXPECT_EQ(message.rfind("image '" + (dir / "scan.jpg").string() + "' is ", 0), 0u) << message;
}

TEST_F(DecodeErrors, FormattedMessageCarriesTheLayoutPosition) {
    write_bytes(dir / "t.png", "text");
    try {
        decode_image(dir / "t.png", kWhere);
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_EQ(e.formatted().rfind("layouts/test.json:12:7: error: image '", 0), 0u) << e.formatted();
        EXPECT_NE(e.formatted().find("(at /pages/0/frames/1/src)"), std::string::npos) << e.formatted();
        EXPECT_EQ(e.exit_code(), 2);
    }
}

}  // namespace
}  // namespace koho::raster
