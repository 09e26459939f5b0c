// An imposed PDF/X is still a print file: koho's own preflight finds no
// error in it, the PDF version of its level is kept, and Ghostscript's
// separations show the pages' inks where they belong and the marks on
// every plate.
#include <gtest/gtest.h>

#include <algorithm>

#include "booklet_pdf.h"
#include "pdfx_fixtures.h"
#include "print/impose.h"
#include "print/preflight.h"
#include "print/separations.h"

namespace koho::print {
namespace {

using pdfx_test::ReadBack;

std::string describe(const PreflightReport& report) {
    std::string out;
    for (const Finding& f : report.findings)
        out += f.check + " p" + std::to_string(f.page) + ": " + f.message + "\n";
    return out;
}

void expect_still_a_print_file(const PdfxOptions& level, const char* version) {
    const std::string input = pdfx_test::finish(test::make_cmyk_booklet_pdf(8), level);
    const PreflightReport before = preflight_pdf(input, "booklet.pdf", {});
    ASSERT_TRUE(before.ok()) << "the test's own booklet must pass: " << describe(before);

    const std::string imposed = impose_saddle_stitch(input, "booklet.pdf", {});
    const PreflightReport after = preflight_pdf(imposed, "sheets.pdf", {});
    EXPECT_TRUE(after.ok()) << describe(after);
    for (const Finding& f : after.findings) {
        EXPECT_NE(f.check, "boxes") << f.message;
        EXPECT_NE(f.check, "pdfx") << f.message;
        EXPECT_NE(f.check, "colorspace") << f.message;
    }
    ReadBack back(imposed);
    EXPECT_EQ(back.pdf.getPDFVersion(), version);
    EXPECT_EQ(back.pdf.getAllPages().size(), 4u);
}

TEST(ImposePdfx, X4StaysX4) {
    expect_still_a_print_file(pdfx_test::x4_options(), "1.6");
    ReadBack back(impose_saddle_stitch(pdfx_test::finish(test::make_cmyk_booklet_pdf(4), pdfx_test::x4_options()),
                                       "booklet.pdf", {}));
    EXPECT_TRUE(back.pdf.getRoot().getKey("/Metadata").isStream()) << "the XMP packet goes along";
}

TEST(ImposePdfx, X1aStaysX1a) { expect_still_a_print_file(pdfx_test::x1a_options(), "1.3"); }

// The largest coverage of `ink` in a small square round (x, y) mm: a 0.1 mm
// mark line is thinner than a pixel and may fall either side of a pixel
// edge.
double ink_near(const SeparatedPage& page, const std::string& ink, double x_mm, double y_mm) {
    const Plate* plate = page.plate(ink);
    if (plate == nullptr) return -1;
    const double px_per_mm = page.dpi / 25.4;
    double most = 0;
    for (int dy = -1; dy <= 1; ++dy)
        for (int dx = -1; dx <= 1; ++dx) {
            const int x = static_cast<int>(x_mm * px_per_mm) + dx, y = static_cast<int>(y_mm * px_per_mm) + dy;
            if (x >= 0 && y >= 0 && x < page.width_px && y < page.height_px)
                most = std::max(most, page.ink_at(*plate, x, y));
        }
    return most;
}

TEST(ImposePdfx, SeparationsShowPagesAndRegistrationMarks) {
    const std::string imposed = impose_saddle_stitch(
        pdfx_test::finish(test::make_cmyk_booklet_pdf(8), pdfx_test::x4_options()), "booklet.pdf", {});
    SeparationOptions options;
    options.dpi = 127;  // 5 px per mm
    options.pages = {1};
    const auto pages = render_separations(imposed, options);
    ASSERT_EQ(pages.size(), 1u);
    const SeparatedPage& sheet = pages[0];
    const char* inks[] = {"Cyan", "Magenta", "Yellow", "Black"};
    // Sheet 1 front: page 8 on the left, page 1 on the right (trims from
    // 16 mm, spine at 66 mm, 16 mm down to 86 mm).
    const auto left = test::booklet_cmyk(8), right = test::booklet_cmyk(1);
    for (int i = 0; i < 4; ++i) {
        EXPECT_NEAR(ink_near(sheet, inks[i], 41, 51), left[i], 0.02) << inks[i] << " left";
        EXPECT_NEAR(ink_near(sheet, inks[i], 91, 51), right[i], 0.02) << inks[i] << " right";
        // Marks: the top-left inner corner line (x = 16 mm, 3–13 mm down)
        // and the fold mark above the spine, on every plate.
        EXPECT_GT(ink_near(sheet, inks[i], 16, 8), 0.9) << inks[i] << " corner mark";
        EXPECT_GT(ink_near(sheet, inks[i], 66, 8), 0.9) << inks[i] << " fold mark";
        // Blank paper between the marks.
        EXPECT_EQ(ink_near(sheet, inks[i], 40, 6), 0) << inks[i] << " margin";
    }
}

}  // namespace
}  // namespace koho::print
