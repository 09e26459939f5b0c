// Separations rendered by Ghostscript's tiffsep device and read back with
// libtiff, plate by plate; Ghostscript missing or failing.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "print/preflight_fixtures.h"
#include "print/separations.h"

namespace koho::print {
namespace {

using test::PdfFixture;

TEST(Separations, KOnlyAreaIsOnTheBlackPlateAlone) {
    PdfFixture f;
    f.add_page("0 0 0 1 k 0 0 72 72 re f 0.5 0 0 0 k 144 0 72 72 re f");
    SeparationOptions options;
    const std::vector<SeparatedPage> pages = render_separations(f.bytes(), options);
    ASSERT_EQ(pages.size(), 1u);
    const SeparatedPage& p = pages[0];
    ASSERT_GE(p.plates.size(), 4u);
    EXPECT_EQ(p.plates[0].ink, "Cyan");
    EXPECT_EQ(p.plates[3].ink, "Black");
    const Plate* k = p.plate("Black");
    const Plate* c = p.plate("Cyan");
    ASSERT_TRUE(k && c);
    const int bottom = p.height_px - 10;  // pixel rows count from the top
    EXPECT_DOUBLE_EQ(p.ink_at(*k, 10, bottom), 1.0);
    EXPECT_DOUBLE_EQ(p.ink_at(*c, 10, bottom), 0.0);
    EXPECT_NEAR(p.ink_at(*c, 150, bottom), 0.5, 0.01);
    EXPECT_DOUBLE_EQ(p.ink_at(*k, 150, bottom), 0.0);
    EXPECT_DOUBLE_EQ(p.ink_at(*k, 100, bottom), 0.0);  // the gap between them
}

TEST(Separations, ChosenPagesKeepTheirNumbers) {
    PdfFixture f;
    f.add_page("0 0 0 1 k 0 0 10 10 re f");
    f.add_page("1 0 0 0 k 0 0 10 10 re f");
    f.add_page("0 1 0 0 k 0 0 10 10 re f");
    SeparationOptions options;
    options.pages = {3};
    const std::vector<SeparatedPage> pages = render_separations(f.bytes(), options);
    ASSERT_EQ(pages.size(), 1u);
    EXPECT_EQ(pages[0].page, 3);
    EXPECT_DOUBLE_EQ(pages[0].ink_at(*pages[0].plate("Magenta"), 2, pages[0].height_px - 2), 1.0);
}

TEST(Separations, MissingGhostscriptIsAFailure) {
    SeparationOptions options;
    options.ghostscript = "/nonexistent/gs";
    try {
        render_separations("%PDF-1.4", options);
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Failure);
        EXPECT_EQ(e.message(), "cannot run Ghostscript (/nonexistent/gs): No such file or directory — install the "
                               "ghostscript package");
    }
}

// Ghostscript exits 0 on a file it cannot open as a PDF, but renders
// nothing and says why: that is a failure, with its words.
TEST(Separations, GhostscriptRenderingNothingIsAFailureWithItsMessage) {
    try {
        render_separations("%PDF-1.4\nthis is not really a PDF\n", SeparationOptions{});
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Failure);
        EXPECT_EQ(e.message().rfind("Ghostscript rendered no pages: **** Error:", 0), 0u) << e.message();
    }
}

TEST(Separations, GhostscriptFailingIsAFailureWithItsMessage) {
    SeparationOptions options;
    options.dpi = 72;
    options.pages = {1};
    // Not a PDF, so Ghostscript runs it as PostScript: an undefined name
    // stops it with an error and a non-zero exit.
    try {
        render_separations("undefined-operator-for-koho-test\n", options);
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Failure);
        EXPECT_EQ(e.message().rfind("Ghostscript failed (exit status 1): ", 0), 0u) << e.message();
        EXPECT_NE(e.message().find("Error: /undefined in undefined-operator-for-koho-test"), std::string::npos)
            << e.message();
    }
}

}  // namespace
}  // namespace koho::print
