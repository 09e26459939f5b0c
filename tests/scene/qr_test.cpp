#include "scene/qr.h"

#include <gtest/gtest.h>
#include <zbar.h>  // its C API is in namespace zbar under C++

#include <memory>
#include <string>
#include <vector>

#include "pixels.h"

namespace koho::scene {
namespace {

using testing::Canvas;

struct ScannerFree {
    void operator()(zbar::zbar_image_scanner_t* s) const { zbar::zbar_image_scanner_destroy(s); }
    void operator()(zbar::zbar_image_t* i) const { zbar::zbar_image_destroy(i); }
};

// Every QR symbol zbar finds in a white-backed rendering of `shape`.
std::vector<std::string> decode(const ShapeItem& shape, int px) {
    Canvas canvas(px, px);
    PageScene page;
    ShapeItem white;
    white.kind = ShapeKind::Rect;
    white.bounds = {0, 0, double(px), double(px)};
    white.fill = Color::from_rgb(1, 1, 1);
    page.items.push_back(testing::item_of(white));
    page.items.push_back(testing::item_of(shape));
    canvas.draw(page);

    std::vector<unsigned char> gray(static_cast<size_t>(px) * px);
    for (int y = 0; y < px; ++y)
        for (int x = 0; x < px; ++x) gray[size_t(y) * px + x] = static_cast<unsigned char>(canvas.at(x, y).g);

    std::unique_ptr<zbar::zbar_image_scanner_t, ScannerFree> scanner(zbar::zbar_image_scanner_create());
    zbar::zbar_image_scanner_set_config(scanner.get(), zbar::ZBAR_NONE, zbar::ZBAR_CFG_ENABLE, 0);
    zbar::zbar_image_scanner_set_config(scanner.get(), zbar::ZBAR_QRCODE, zbar::ZBAR_CFG_ENABLE, 1);
    std::unique_ptr<zbar::zbar_image_t, ScannerFree> image(zbar::zbar_image_create());
    zbar::zbar_image_set_format(image.get(), zbar_fourcc('Y', '8', '0', '0'));
    zbar::zbar_image_set_size(image.get(), px, px);
    zbar::zbar_image_set_data(image.get(), gray.data(), gray.size(), nullptr);
    zbar::zbar_scan_image(scanner.get(), image.get());
    std::vector<std::string> found;
    for (auto* symbol = zbar::zbar_image_first_symbol(image.get()); symbol; symbol = zbar::zbar_symbol_next(symbol))
        found.emplace_back(zbar::zbar_symbol_get_data(symbol), zbar::zbar_symbol_get_data_length(symbol));
    return found;
}

std::vector<std::string> round_trip(const std::string& data, char level = 'M', int quiet = 4) {
    QrMatrix matrix = encode_qr(data, level, {});
    int px = (matrix.width + 2 * quiet) * 4;  // 4 px per module
    ShapeItem shape = qr_modules(matrix, {0, 0, double(px), double(px)}, quiet, Color::from_rgb(0, 0, 0));
    return decode(shape, px);
}

TEST(Qr, UrlRoundTripsThroughZbar) {
    const std::string url = "https://example.jp/recruit?Job=JidouFukushi&id=42";
    EXPECT_EQ(round_trip(url), std::vector<std::string>{url});
}

TEST(Qr, JapaneseUrlRoundTripsAsUtf8) {
    const std::string url = "https://example.jp/採用/児童福祉司?地域=千葉";
    EXPECT_EQ(round_trip(url), std::vector<std::string>{url});
}

TEST(Qr, JapaneseTextRoundTripsAtEveryLevel) {
    const std::string text = "千葉県 児童相談所 職員募集 — 児童心理司・保育士";
    for (char level : {'L', 'M', 'Q', 'H'}) EXPECT_EQ(round_trip(text, level), std::vector<std::string>{text}) << level;
}

TEST(Qr, HigherCorrectionNeedsMoreModules) {
    const std::string data = "https://example.jp/recruit/setsumeikai/2026";
    EXPECT_LT(encode_qr(data, 'L', {}).width, encode_qr(data, 'H', {}).width);
}

TEST(Qr, CaseIsKept) {
    EXPECT_EQ(round_trip("AbCdEf"), std::vector<std::string>{"AbCdEf"});
}

TEST(Qr, ModulesAreMergedIntoRunsAndSizedWithTheQuietZone) {
    QrMatrix matrix = encode_qr("koho", 'M', {});
    ASSERT_EQ(matrix.width, 21);  // version 1
    ShapeItem shape = qr_modules(matrix, {100, 200, 29, 29}, 4, Color::from_rgb(0, 0, 0));
    // 21 + 2 × 4 = 29 modules in 29 pt: 1 pt each; the top-left finder's
    // first row is one run of 7 dark modules starting after the quiet zone.
    ASSERT_FALSE(shape.rects.empty());
    EXPECT_DOUBLE_EQ(shape.rects[0].x, 104);
    EXPECT_DOUBLE_EQ(shape.rects[0].y, 204);
    EXPECT_DOUBLE_EQ(shape.rects[0].w, 7);
    EXPECT_DOUBLE_EQ(shape.rects[0].h, 1);
    int dark = 0, covered = 0;
    for (uint8_t d : matrix.dark) dark += d;
    for (const Rect& r : shape.rects) covered += static_cast<int>(r.w + 0.5);
    EXPECT_EQ(covered, dark);                     // every dark module, once
    EXPECT_LT(shape.rects.size(), size_t(dark));  // fewer rectangles than modules
}

TEST(Qr, BackdropAndColourStillDecode) {
    QrMatrix matrix = encode_qr("https://example.jp", 'Q', {});
    int px = (matrix.width + 8) * 5;
    ShapeItem shape = qr_modules(matrix, {0, 0, double(px), double(px)}, 4, Color::from_rgb(0.1, 0.2, 0.5));
    shape.backdrop = Color::from_rgb(1, 0.95, 0.8);
    EXPECT_EQ(decode(shape, px), std::vector<std::string>{"https://example.jp"});
}

TEST(Qr, EmptyDataIsAnInputError) {
    SourceLoc loc{"flyer.json", 12, 7, "/pages/0/frames/3"};
    try {
        encode_qr("", 'M', loc);
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::BadInput);
        EXPECT_EQ(e.formatted(), "flyer.json:12:7: error: QR data is empty (at /pages/0/frames/3)");
    }
}

std::string error_of(const std::string& data, char level) {
    try {
        encode_qr(data, level, {"a.json", 1, 1, "/p"});
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::BadInput);
        return e.message();
    }
    return "no error";
}

TEST(Qr, TooLongDataIsAnInputError) {
    // Version 40 holds 1273 bytes at H and 2953 at L.
    EXPECT_EQ(error_of(std::string(2000, 'x'), 'H'),
              "QR data is too long (2000 bytes) for a QR code at error correction level H "
              "(shorten it or choose a lower level; it fits at L)");
    EXPECT_EQ(error_of(std::string(3000, 'x'), 'M'),
              "QR data is too long (3000 bytes) for a QR code at error correction level M "
              "(shorten it: no QR code holds it)");
}

TEST(Qr, UnknownLevelIsAnInputError) {
    EXPECT_THROW(encode_qr("x", 'X', {}), Error);
}

}  // namespace
}  // namespace koho::scene
