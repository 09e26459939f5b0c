// The CMYK pass seen by a RIP: Ghostscript's tiffsep renders the plates of
// the converted PDF, read back with libtiff. Black text is on the K plate
// only, and overprints: the red below it has no white holes.
#include <gtest/gtest.h>
#include <tiffio.h>

#include <array>
#include <memory>

#include "print/cmyk_fixtures.h"
#include "print/test_support.h"

namespace koho::test {
namespace {

struct TiffCloser {
    void operator()(TIFF* t) const { TIFFClose(t); }
};

// One plate: ink coverage 0..255 per pixel, rows from the top.
struct Plate {
    int width = 0, height = 0;
    std::vector<uint8_t> ink;
    int at(int x, int y) const { return ink[static_cast<size_t>(y) * width + x]; }
};

Plate read_plate(const std::filesystem::path& path) {
    Plate plate;
    std::unique_ptr<TIFF, TiffCloser> tiff(TIFFOpen(path.c_str(), "r"));
    if (!tiff)
        return plate;
    uint32_t w = 0, h = 0;
    uint16_t bits = 0, samples = 0, photometric = 0;
    TIFFGetField(tiff.get(), TIFFTAG_IMAGEWIDTH, &w);
    TIFFGetField(tiff.get(), TIFFTAG_IMAGELENGTH, &h);
    TIFFGetFieldDefaulted(tiff.get(), TIFFTAG_BITSPERSAMPLE, &bits);
    TIFFGetFieldDefaulted(tiff.get(), TIFFTAG_SAMPLESPERPIXEL, &samples);
    TIFFGetField(tiff.get(), TIFFTAG_PHOTOMETRIC, &photometric);
    if (bits != 8 || samples != 1)
        return plate;
    plate.width = static_cast<int>(w);
    plate.height = static_cast<int>(h);
    plate.ink.resize(static_cast<size_t>(w) * h);
    for (uint32_t y = 0; y < h; ++y)
        TIFFReadScanline(tiff.get(), plate.ink.data() + static_cast<size_t>(y) * w, y, 0);
    if (photometric == PHOTOMETRIC_MINISBLACK)
        for (uint8_t& v : plate.ink)
            v = static_cast<uint8_t>(255 - v);
    return plate;
}

struct Box {
    int x0, y0, x1, y1;
};

int max_ink(const Plate& p, Box b) {
    int m = 0;
    for (int y = b.y0; y < b.y1; ++y)
        for (int x = b.x0; x < b.x1; ++x)
            m = std::max(m, p.at(x, y));
    return m;
}

int min_ink(const Plate& p, Box b) {
    int m = 255;
    for (int y = b.y0; y < b.y1; ++y)
        for (int x = b.x0; x < b.x1; ++x)
            m = std::min(m, p.at(x, y));
    return m;
}

TEST(PdfCmykSeparations, BlackTextIsOnTheKPlateOnlyAndOverprints) {
    // Red across the bottom half; black text on white above it and on the
    // red below; a 50 % gray square.
    const std::string input = cairo_pdf({[](cairo_t* cr) {
        fill_rect(cr, 1, 0, 0, 0, 100, 200, 100);
        show_text(cr, 0, 0, 0, 20, 60, "HHH", 40);
        show_text(cr, 0, 0, 0, 20, 160, "HHH", 40);
        fill_rect(cr, 0.5, 0.5, 0.5, 150, 10, 40, 40);
    }});
    TestInks inks;
    PassOutput out = run_cmyk_pass(input, inks);

    TempDir dir("cmyk-separations");
    write_bytes(dir.path() / "converted.pdf", out.pdf);
    CommandResult gs = run_command("gs -q -dSAFER -dBATCH -dNOPAUSE -sDEVICE=tiffsep -r72 -o " +
                                   shell_quote((dir.path() / "sep.tif").string()) + " " +
                                   shell_quote((dir.path() / "converted.pdf").string()) + " 2>&1");
    ASSERT_EQ(gs.exit_code, 0) << gs.output;
    const std::array<const char*, 4> names{"Cyan", "Magenta", "Yellow", "Black"};
    std::array<Plate, 4> plates;
    for (size_t i = 0; i < 4; ++i) {
        plates[i] = read_plate(dir.path() / (std::string("sep(") + names[i] + ").tif"));
        ASSERT_EQ(plates[i].width, 200) << names[i];
        ASSERT_EQ(plates[i].height, 200) << names[i];
    }
    const Plate& c = plates[0];
    const Plate& m = plates[1];
    const Plate& y = plates[2];
    const Plate& k = plates[3];

    // "HHH" at 40 pt from x 20: its stems are inked within these boxes.
    const Box text_on_white{20, 30, 110, 60};
    const Box text_on_red{20, 130, 110, 160};
    EXPECT_GT(max_ink(k, text_on_white), 250);
    EXPECT_EQ(max_ink(c, text_on_white), 0);
    EXPECT_EQ(max_ink(m, text_on_white), 0);
    EXPECT_EQ(max_ink(y, text_on_white), 0);

    EXPECT_GT(max_ink(k, text_on_red), 250);
    EXPECT_EQ(max_ink(c, text_on_red), 0);
    // Overprint: the red's magenta and yellow continue under the letters.
    EXPECT_EQ(min_ink(m, text_on_red), 255);
    EXPECT_EQ(min_ink(y, text_on_red), 255);

    // The gray square: K only, at half strength.
    const Box gray{152, 12, 188, 48};
    EXPECT_NEAR(min_ink(k, gray), 128, 2);
    EXPECT_NEAR(max_ink(k, gray), 128, 2);
    EXPECT_EQ(max_ink(c, gray) + max_ink(m, gray) + max_ink(y, gray), 0);
    // Nothing on the page is cyan.
    EXPECT_EQ(max_ink(c, {0, 0, 200, 200}), 0);
}

}  // namespace
}  // namespace koho::test
