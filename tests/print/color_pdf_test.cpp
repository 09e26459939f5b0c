// Colour management end to end: pages with CMYK, black, grey and sRGB
// colours through the print PDF writer with koho's real colour manager and
// default profile, read back as plates by Ghostscript (tiffsep).
#include <gtest/gtest.h>
#include <tiffio.h>

#include <array>
#include <cmath>
#include <memory>

#include "core/units.h"
#include "print/color_manager.h"
#include "print/pdf_writer.h"
#include "print/test_support.h"
#include "shape_items.h"

namespace koho::print {
namespace {

using test::hex;
using scene::PageScene;

struct TiffClose {
    void operator()(TIFF* t) const { TIFFClose(t); }
};

// One plate as ink 0..255, rows from the top.
struct Plate {
    int width = 0, height = 0;
    std::vector<uint8_t> ink;
    int at(int x, int y) const { return ink[size_t(y) * size_t(width) + size_t(x)]; }
};

Plate read_plate(const std::filesystem::path& path) {
    Plate plate;
    std::unique_ptr<TIFF, TiffClose> tiff(TIFFOpen(path.c_str(), "r"));
    if (!tiff) return plate;
    uint32_t w = 0, h = 0;
    uint16_t bits = 0, samples = 0, photometric = 0;
    TIFFGetField(tiff.get(), TIFFTAG_IMAGEWIDTH, &w);
    TIFFGetField(tiff.get(), TIFFTAG_IMAGELENGTH, &h);
    TIFFGetFieldDefaulted(tiff.get(), TIFFTAG_BITSPERSAMPLE, &bits);
    TIFFGetFieldDefaulted(tiff.get(), TIFFTAG_SAMPLESPERPIXEL, &samples);
    TIFFGetField(tiff.get(), TIFFTAG_PHOTOMETRIC, &photometric);
    if (bits != 8 || samples != 1) return plate;
    plate.width = int(w);
    plate.height = int(h);
    plate.ink.resize(size_t(w) * h);
    for (uint32_t y = 0; y < h; ++y) TIFFReadScanline(tiff.get(), plate.ink.data() + size_t(y) * w, y, 0);
    // tiffsep writes each plate as a grey image of the paper: 0 is solid.
    if (photometric == PHOTOMETRIC_MINISBLACK)
        for (uint8_t& v : plate.ink) v = uint8_t(255 - v);
    return plate;
}

// Ghostscript's plates (C, M, Y, K) of `pdf`'s first page at 72 dpi.
std::array<Plate, 4> separate(const std::string& pdf, const std::string& name) {
    std::array<Plate, 4> plates;
    test::TempDir dir(name);
    test::write_bytes(dir.path() / "page.pdf", pdf);
    const test::CommandResult gs =
        test::run_command("gs -q -dSAFER -dBATCH -dNOPAUSE -sDEVICE=tiffsep -r72 -o " +
                          test::shell_quote((dir.path() / "sep.tif").string()) + " " +
                          test::shell_quote((dir.path() / "page.pdf").string()) + " 2>&1");
    EXPECT_EQ(gs.exit_code, 0) << gs.output;
    const std::array<const char*, 4> names{"Cyan", "Magenta", "Yellow", "Black"};
    for (size_t i = 0; i < 4; ++i) {
        plates[i] = read_plate(dir.path() / (std::string("sep(") + names[i] + ").tif"));
        EXPECT_GT(plates[i].width, 0) << names[i];
    }
    return plates;
}

PdfOptions cmyk_options(const OutputProfile& profile) {
    PdfOptions options;
    options.title = "colour test";
    options.color.cmyk = true;
    options.color.profile = &profile;
    options.color.pdfx = PdfxLevel::X4;
    options.date_epoch = 0;
    return options;
}

scene::Item rect(double x, double y, double w, double h, const Color& fill) {
    scene::ShapeItem shape;
    shape.kind = scene::ShapeKind::Rect;
    shape.bounds = {x, y, w, h};
    shape.fill = fill;
    scene::Item item;
    item.what = shape;
    item.frame_id = "r";
    return item;
}

class ColorPdfTest : public ::testing::Test {
protected:
    void SetUp() override {
        try {
            profile_ = default_output_profile();
        } catch (const Error& e) {
            FAIL() << "koho's default profile is needed (run scripts/build-profile.sh): " << e.formatted();
        }
    }
    OutputProfile profile_;
};

TEST_F(ColorPdfTest, PlatesCarryTheIntendedInks) {
    // A 200 pt square page, 3 mm bleed, トンボ: one point is one pixel at 72 dpi.
    PageScene page;
    page.trim_w_pt = page.trim_h_pt = 200;
    page.bleed_pt = 3 * kPtPerMm;
    const Color given = Color::from_cmyk(12, 34, 56, 8);
    page.items.push_back(rect(10, 10, 40, 40, given));
    page.items.push_back(rect(60, 10, 40, 40, Color::from_cmyk(40, 0, 0, 100)));  // rich black
    page.items.push_back(rect(110, 10, 40, 40, hex("#808080")));                  // grey
    page.items.push_back(rect(10, 60, 40, 40, hex("#ff0000")));                   // sRGB red
    page.items.push_back(rect(60, 60, 90, 40, Color::from_cmyk(0, 100, 100, 0)));  // red ink ...
    page.items.push_back(rect(80, 70, 40, 20, hex("#000000")));                   // ... black over it
    page.items.push_back(rect(10, 110, 40, 40, hex("#231815")));                  // Japanese black
    std::vector<PageScene> pages = {page};

    const std::string pdf = render_pdf(pages, cmyk_options(profile_));

    const std::array<Plate, 4> plates = separate(pdf, "color-pdf");
    ASSERT_GT(plates[3].width, 200);
    const PageGeometry geometry = page_geometries(pages, MarkStyle::Tombo)[0];
    const int ox = int(std::lround(geometry.trim_origin_x())), oy = int(std::lround(geometry.trim_origin_y()));
    // The inks at the middle of a rectangle given in trim coordinates.
    auto inks_at = [&](int x, int y) {
        std::array<int, 4> v{};
        for (size_t i = 0; i < 4; ++i) v[i] = plates[i].at(ox + x, oy + y);
        return v;
    };
    auto ink8 = [](double coverage) { return int(std::lround(coverage * 255)); };

    // CMYK as given (to Ghostscript's 8-bit plates).
    const auto cmyk = inks_at(30, 30);
    EXPECT_NEAR(cmyk[0], ink8(0.12), 1);
    EXPECT_NEAR(cmyk[1], ink8(0.34), 1);
    EXPECT_NEAR(cmyk[2], ink8(0.56), 1);
    EXPECT_NEAR(cmyk[3], ink8(0.08), 1);
    const auto rich = inks_at(80, 30);
    EXPECT_NEAR(rich[0], ink8(0.4), 1);
    EXPECT_EQ(rich[1] + rich[2], 0);
    EXPECT_EQ(rich[3], 255);

    // Grey: K alone, as much as the colour manager's ramp says.
    const ColorManager cm(profile_, {}, {});
    const auto grey = inks_at(130, 30);
    EXPECT_EQ(grey[0] + grey[1] + grey[2], 0);
    EXPECT_NEAR(grey[3], ink8(cm.vector_gray(0x80 / 255.0).cmyk.k), 1);
    EXPECT_GT(grey[3], 100);

    // sRGB red through the profile.
    const Cmyk red = cm.vector_rgb(1, 0, 0).cmyk;
    const auto r = inks_at(30, 80);
    EXPECT_NEAR(r[0], ink8(red.c), 1);
    EXPECT_NEAR(r[1], ink8(red.m), 1);
    EXPECT_NEAR(r[2], ink8(red.y), 1);
    EXPECT_NEAR(r[3], ink8(red.k), 1);
    EXPECT_GT(r[1], 200);

    // Black over red ink: K100 overprints, the red continues beneath.
    const auto over = inks_at(100, 80);
    EXPECT_EQ(over[0], 0);
    EXPECT_EQ(over[1], 255);
    EXPECT_EQ(over[2], 255);
    EXPECT_EQ(over[3], 255);
    const auto red_ink = inks_at(70, 80);
    EXPECT_EQ(red_ink[3], 0);
    EXPECT_EQ(red_ink[1], 255);

    const auto japanese_black = inks_at(30, 130);
    EXPECT_EQ(japanese_black[0] + japanese_black[1] + japanese_black[2], 0);
    EXPECT_EQ(japanese_black[3], 255);

    // Marks (outside the bleed) in registration: wherever they ink one
    // plate they ink all four, fully.
    int mark_pixels = 0;
    const int bleed_edge = int(std::floor(geometry.margin_pt)) - 1;
    for (int y = 0; y < plates[3].height; ++y)
        for (int x = 0; x < bleed_edge; ++x) {
            const int c = plates[0].at(x, y), m = plates[1].at(x, y), yy = plates[2].at(x, y),
                      k = plates[3].at(x, y);
            if (c + m + yy + k == 0) continue;
            ++mark_pixels;
            EXPECT_EQ(c, k) << x << "," << y;
            EXPECT_EQ(m, k) << x << "," << y;
            EXPECT_EQ(yy, k) << x << "," << y;
        }
    EXPECT_GT(mark_pixels, 10) << "the left marks are on the plates";
}

// A 40 × 40 image, each pixel from `colour(x, y)` (0xRRGGBB).
template <class Colour>
scene::Item image(double x, double y, Colour colour) {
    auto img = std::make_shared<scene::Image>();
    img->width = img->height = 40;
    for (int py = 0; py < 40; ++py)
        for (int px = 0; px < 40; ++px) img->pixels.push_back(0xff000000u | colour(px, py));
    scene::ImageItem item;
    item.image = img;
    item.placed = item.clip = {x, y, 40, 40};
    scene::Item out;
    out.what = item;
    out.frame_id = "img";
    return out;
}

TEST_F(ColorPdfTest, GreyPixelsPrintOnKAlone) {
    PageScene page;
    page.trim_w_pt = page.trim_h_pt = 200;
    page.bleed_pt = 3 * kPtPerMm;
    // Half grey, half blue: RGB pixels, greys among them.
    page.items.push_back(image(10, 10, [](int x, int) { return x < 20 ? 0x808080u : 0x3366ccu; }));
    // Grey only (Cairo may write it as DeviceGray): a ramp from black to white.
    page.items.push_back(image(60, 10, [](int x, int) {
        const uint32_t g = uint32_t(x * 255 / 39);
        return (g << 16) | (g << 8) | g;
    }));
    std::vector<PageScene> pages = {page};
    const std::array<Plate, 4> plates = separate(render_pdf(pages, cmyk_options(profile_)), "color-pdf-image");
    ASSERT_GT(plates[3].width, 200);
    const PageGeometry geometry = page_geometries(pages, MarkStyle::Tombo)[0];
    const int ox = int(std::lround(geometry.trim_origin_x())), oy = int(std::lround(geometry.trim_origin_y()));
    auto inks_at = [&](int x, int y) {
        std::array<int, 4> v{};
        for (size_t i = 0; i < 4; ++i) v[i] = plates[i].at(ox + x, oy + y);
        return v;
    };
    const ColorManager cm(profile_, {}, {});
    auto k8 = [&](int grey) { return int(std::lround(cm.vector_gray(grey / 255.0).cmyk.k * 255)); };

    const auto grey = inks_at(20, 30);
    EXPECT_EQ(grey[0] + grey[1] + grey[2], 0) << "grey pixels on K only";
    EXPECT_NEAR(grey[3], k8(0x80), 1);
    const auto blue = inks_at(40, 30);
    EXPECT_GT(blue[0], 150) << "blue pixels are colour";
    EXPECT_GT(blue[1], 50);

    int previous = 256;
    for (int x = 1; x < 40; x += 6) {
        const auto v = inks_at(60 + x, 30);
        EXPECT_EQ(v[0] + v[1] + v[2], 0) << "ramp at " << x;
        EXPECT_NEAR(v[3], k8(x * 255 / 39), 1) << "ramp at " << x;
        EXPECT_LT(v[3], previous) << "ramp at " << x;
        previous = v[3];
    }
}

}  // namespace
}  // namespace koho::print
