// koho preflight, check by check: each fires on a PDF made to have its
// defect, and none fires on the clean PDF/X-4-like CMYK page.
#include <gtest/gtest.h>

#include <cairo-pdf.h>
#include <cairo.h>

#include <qpdf/QPDFObjectHandle.hh>

#include <cstdio>
#include <string>
#include <vector>

#include "print/preflight_expect.h"

namespace koho::print {
namespace {

using namespace preflight_test;

// ---------------------------------------------------------------- clean

TEST(Preflight, CleanPdfxCmykPageIsSilentOnEveryCheckIncludingInk) {
    PdfFixture f = test::clean_fixture();
    const PreflightReport report = run(f, PreflightOptions{});
    EXPECT_TRUE(report.findings.empty()) << dump(report);
    EXPECT_TRUE(report.ok());
}

// ---------------------------------------------------------------- boxes

TEST(Preflight, BoxesMissingTrimBox) {
    PdfFixture f = test::clean_fixture();
    page1(f).removeKey("/TrimBox");
    EXPECT_EQ(only_finding(run(f), "boxes", Severity::Error), "the page has no TrimBox");
}

TEST(Preflight, BoxesMissingBleedBox) {
    PdfFixture f = test::clean_fixture();
    page1(f).removeKey("/BleedBox");
    EXPECT_EQ(only_finding(run(f), "boxes", Severity::Error), "the page has no BleedBox");
}

TEST(Preflight, BoxesBleedOfOneMillimetre) {
    PdfFixture f;
    f.add_page("0 0 0 1 k 50 50 10 10 re f", 1);
    f.make_pdfx4();
    EXPECT_EQ(only_finding(run(f), "boxes", Severity::Error),
              "bleed is less than 3 mm: left 1 mm, right 1 mm, top 1 mm, bottom 1 mm");
}

TEST(Preflight, BoxesOneShortSideIsNamed) {
    PdfFixture f = test::clean_fixture();
    QOH page = page1(f);
    QOH bleed = page.getKey("/BleedBox");
    // Left edge of the bleed moved 2 mm in: 1 mm of bleed on that side.
    bleed.setArrayItem(0, QOH::newReal(bleed.getArrayItem(0).getNumericValue() + 2 * test::kMm, 4));
    EXPECT_EQ(only_finding(run(f), "boxes", Severity::Error), "bleed is less than 3 mm: left 1 mm");
}

TEST(Preflight, BoxesInheritedFromThePageTreeCount) {
    PdfFixture f = test::clean_fixture();
    QOH page = page1(f);
    QOH pages = f.pdf().getRoot().getKey("/Pages");
    pages.replaceKey("/TrimBox", page.getKey("/TrimBox"));
    pages.replaceKey("/BleedBox", page.getKey("/BleedBox"));
    page.removeKey("/TrimBox");
    page.removeKey("/BleedBox");
    EXPECT_TRUE(of_check(run(f), "boxes").empty()) << dump(run(f));
}

TEST(Preflight, BoxesBleedBeyondTheMediaBox) {
    PdfFixture f = test::clean_fixture();
    QOH page = page1(f);
    page.replaceKey("/MediaBox", page.getKey("/TrimBox"));
    const PreflightReport report = run(f);
    std::vector<Finding> found = of_check(report, "boxes");
    ASSERT_EQ(found.size(), 1u) << dump(report);
    EXPECT_EQ(found[0].message, "the BleedBox is not inside the MediaBox");
}

// ---------------------------------------------------------------- fonts

TEST(Preflight, FontsHelveticaNotEmbedded) {
    PdfFixture f = test::clean_fixture();
    QOH page = page1(f);
    f.add_resource(page, "/Font", "/H", f.helvetica());
    f.append_content(page, "BT /H 12 Tf 0 0 0 1 k 1 0 0 1 100 200 Tm (Hi) Tj ET");
    EXPECT_EQ(only_finding(run(f), "fonts", Severity::Error), "font Helvetica (Type1) is not embedded");
}

TEST(Preflight, FontsUnusedFontInResourcesIsNotReported) {
    PdfFixture f = test::clean_fixture();
    f.add_resource(page1(f), "/Font", "/H", f.helvetica());
    EXPECT_TRUE(of_check(run(f), "fonts").empty());
}

TEST(Preflight, FontsCidFontWithoutFontFileInsideAForm) {
    PdfFixture f = test::clean_fixture();
    QOH page = page1(f);
    QOH form = f.form("BT /K 12 Tf 0 0 0 1 k 1 0 0 1 100 200 Tm <0010> Tj ET", QOH::newDictionary());
    f.add_resource(form, "/Font", "/K", f.unembedded_cid_font());
    f.add_resource(page, "/XObject", "/Fm9", form);
    f.append_content(page, "/Fm9 Do");
    EXPECT_EQ(only_finding(run(f), "fonts", Severity::Error), "font KozMinPr6N-Regular (Type0) is not embedded");
}

TEST(Preflight, FontsMissingFromTheResources) {
    PdfFixture f = test::clean_fixture();
    f.append_content(page1(f), "BT /F9 12 Tf 0 0 0 1 k 1 0 0 1 100 200 Tm (Hi) Tj (again) Tj ET");
    EXPECT_EQ(only_finding(run(f), "fonts", Severity::Error),
              "text uses font F9, which its resources do not define: a RIP would substitute one");
}

TEST(Preflight, FontsType3IsAWarning) {
    PdfFixture f = test::clean_fixture();
    QOH page = page1(f);
    f.add_resource(page, "/Font", "/T3", f.type3_font());
    f.append_content(page, "BT /T3 12 Tf 0 0 0 1 k 1 0 0 1 100 200 Tm (aa) Tj ET");
    const std::string message = only_finding(run(f), "fonts", Severity::Warning);
    EXPECT_NE(message.find("Type 3 glyphs (as Chromium and Vivliostyle write Noto CJK) may rasterise or print poorly"),
              std::string::npos)
        << message;
}

// A Type 3 font's glyphs may draw with other fonts: those must be embedded too.
TEST(Preflight, FontsInsideAType3FontsResources) {
    PdfFixture f = test::clean_fixture();
    QOH page = page1(f);
    QOH type3 = f.type3_font();
    QOH resources = QOH::newDictionary();
    type3.replaceKey("/Resources", resources);
    f.add_resource(resources, "/Font", "/H", f.helvetica());
    f.add_resource(page, "/Font", "/T3", type3);
    f.append_content(page, "BT /T3 12 Tf 0 0 0 1 k 1 0 0 1 100 200 Tm (a) Tj ET");
    const PreflightReport report = run(f);
    std::vector<Finding> found = of_check(report, "fonts");
    ASSERT_EQ(found.size(), 2u) << dump(report);
    EXPECT_EQ(found[0].severity, Severity::Warning);
    EXPECT_EQ(found[1].message, "font Helvetica (Type1) is not embedded");
}

// What Cairo writes for a user font (as Chromium writes Noto CJK glyphs it
// cannot subset): a Type 3 font, found in a PDF koho did not make.
TEST(Preflight, FontsType3FromACairoUserFont) {
    std::string pdf;
    {
        auto append = [](void* closure, const unsigned char* data, unsigned int length) {
            static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
            return CAIRO_STATUS_SUCCESS;
        };
        cairo_font_face_t* face = cairo_user_font_face_create();
        cairo_user_font_face_set_render_glyph_func(
            face, [](cairo_scaled_font_t*, unsigned long, cairo_t* cr, cairo_text_extents_t* extents) {
                cairo_rectangle(cr, 0.1, -0.7, 0.5, 0.7);
                cairo_fill(cr);
                extents->x_advance = 0.7;
                return CAIRO_STATUS_SUCCESS;
            });
        cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(append, &pdf, 200, 200);
        cairo_t* cr = cairo_create(surface);
        cairo_set_font_face(cr, face);
        cairo_set_font_size(cr, 14);
        cairo_move_to(cr, 50, 100);
        cairo_show_text(cr, "koho");
        cairo_destroy(cr);
        cairo_surface_finish(surface);
        cairo_surface_destroy(surface);
        cairo_font_face_destroy(face);
    }
    const PreflightReport report = preflight_pdf(pdf, "cairo.pdf", without_tac());
    const std::string message = only_finding(report, "fonts", Severity::Warning);
    EXPECT_EQ(message.rfind("Type 3 font ", 0), 0u) << message;
}

TEST(Preflight, FontsReportedOnceAtTheirFirstPage) {
    PdfFixture f = test::clean_fixture();
    QOH helvetica = f.helvetica();
    for (int i = 0; i < 2; ++i) {
        QOH page = i == 0 ? page1(f) : test::clean_page(f);
        f.add_resource(page, "/Font", "/H", helvetica);
        f.append_content(page, "BT /H 12 Tf 0 0 0 1 k 1 0 0 1 100 200 Tm (Hi) Tj ET");
    }
    only_finding(run(f), "fonts", Severity::Error, 1);
}

// ---------------------------------------------------------------- colorspace

TEST(Preflight, ColorspaceRgbFillIsOneFindingPerPage) {
    PdfFixture f = test::clean_fixture();
    f.append_content(page1(f), "1 0 0 rg 60 60 20 20 re f 0 1 0 rg 90 60 20 20 re f 0 0 1 RG 60 60 m 90 90 l S");
    const std::string message = only_finding(run(f), "colorspace", Severity::Error);
    EXPECT_EQ(message, "RGB colour in a print PDF: fill colour (rg) in DeviceRGB; stroke colour (RG) in DeviceRGB");
}

TEST(Preflight, ColorspaceRgbImage) {
    PdfFixture f = test::clean_fixture();
    QOH page = page1(f);
    f.add_resource(page, "/XObject", "/Rgb", f.image(100, 100, "/DeviceRGB", 3));
    f.append_content(page, "q 20 0 0 20 60 200 cm /Rgb Do Q");
    EXPECT_EQ(only_finding(run(f), "colorspace", Severity::Error), "RGB colour in a print PDF: image Rgb in DeviceRGB");
}

TEST(Preflight, ColorspaceIccRgbAndIndexedOnRgbThroughNamedSpaces) {
    PdfFixture f = test::clean_fixture();
    QOH page = page1(f);
    QOH icc = f.pdf().newStream(std::string("rgb profile stand-in"));
    icc.getDict().replaceKey("/N", QOH::newInteger(3));
    f.add_resource(page, "/ColorSpace", "/CS0", QOH::newArray({QOH::newName("/ICCBased"), icc}));
    f.add_resource(page, "/ColorSpace", "/CS1", QOH::parse("[/Indexed /DeviceRGB 1 <FF000000FF00>]"));
    f.append_content(page, "/CS0 cs 0.2 0.3 0.4 sc 60 60 10 10 re f /CS1 CS 1 SC 60 60 m 70 70 l S");
    EXPECT_EQ(only_finding(run(f), "colorspace", Severity::Error),
              "RGB colour in a print PDF: fill colour space (cs) in ICCBased (RGB); stroke colour space (CS) in "
              "Indexed on DeviceRGB");
}

TEST(Preflight, ColorspaceRgbInsideAFormAndItsGroup) {
    PdfFixture f = test::clean_fixture();
    QOH page = page1(f);
    QOH form = f.form("0.5 g 0 0 10 10 re f 1 0 0 rg 0 0 5 5 re f", QOH::newDictionary());
    form.getDict().replaceKey("/Group", QOH::parse("<< /S /Transparency /CS /DeviceRGB >>"));
    f.add_resource(page, "/XObject", "/FmRgb", form);
    f.append_content(page, "q 1 0 0 1 60 60 cm /FmRgb Do Q");
    EXPECT_EQ(only_finding(run(f), "colorspace", Severity::Error),
              "RGB colour in a print PDF: transparency group of form FmRgb in DeviceRGB; fill colour (rg) in DeviceRGB");
}

TEST(Preflight, ColorspaceRgbShading) {
    PdfFixture f = test::clean_fixture();
    QOH page = page1(f);
    f.add_resource(page, "/Shading", "/Sh0",
                   QOH::parse("<< /ShadingType 2 /ColorSpace /DeviceRGB /Coords [0 0 100 0]"
                              " /Function << /FunctionType 2 /Domain [0 1] /C0 [1 0 0] /C1 [0 0 1] /N 1 >> >>"));
    f.append_content(page, "q 60 60 50 50 re W n /Sh0 sh Q");
    EXPECT_EQ(only_finding(run(f), "colorspace", Severity::Error), "RGB colour in a print PDF: shading Sh0 in DeviceRGB");
}

TEST(Preflight, ColorspaceCmykGreyAndSpotAreFine) {
    PdfFixture f = test::clean_fixture();
    QOH page = page1(f);
    f.add_resource(page, "/ColorSpace", "/Spot",
                   QOH::parse("[/Separation /PANTONE#20185#20C /DeviceCMYK"
                              " << /FunctionType 2 /Domain [0 1] /C0 [0 0 0 0] /C1 [0 0.9 0.8 0] /N 1 >>]"));
    f.append_content(page, "0.5 g 60 60 5 5 re f /Spot cs 1 sc 70 60 5 5 re f");
    EXPECT_TRUE(of_check(run(f), "colorspace").empty()) << dump(run(f));
}

// A stamp that prints carries its appearance onto the plates; one that
// does not print (no Print flag) is not the press's business.
TEST(Preflight, ColorspaceInAPrintingAnnotation) {
    for (bool prints : {true, false}) {
        PdfFixture f = test::clean_fixture();
        QOH page = page1(f);
        QOH appearance = f.form("1 0 0 rg 0 0 10 10 re f", QOH::newDictionary());
        appearance.getDict().replaceKey("/BBox", QOH::parse("[0 0 10 10]"));
        QOH annot = QOH::parse("<< /Type /Annot /Subtype /Stamp /Rect [60 60 110 110] >>");
        annot.replaceKey("/F", QOH::newInteger(prints ? 4 : 0));
        QOH ap = QOH::newDictionary();
        ap.replaceKey("/N", appearance);
        annot.replaceKey("/AP", ap);
        page.replaceKey("/Annots", QOH::newArray({f.pdf().makeIndirectObject(annot)}));
        const PreflightReport report = run(f);
        if (prints) {
            EXPECT_EQ(only_finding(report, "colorspace", Severity::Error),
                      "RGB colour in a print PDF: fill colour (rg) in DeviceRGB");
        } else {
            EXPECT_TRUE(of_check(report, "colorspace").empty()) << dump(report);
        }
    }
}

// An annotation's appearance is scaled to its Rect: a 0.05 pt line in a
// 1 pt box stretched over 10 pt is 0.5 pt wide; over 4 pt, 0.2 pt.
TEST(Preflight, HairlineInAnAnnotationFollowsItsRect) {
    PdfFixture f = test::clean_fixture();
    QOH page = page1(f);
    QOH appearance = f.form("0.05 w 0 0 0 1 K 0 0.5 m 1 0.5 l S", QOH::newDictionary());
    appearance.getDict().replaceKey("/BBox", QOH::parse("[0 0 1 1]"));
    QOH annot = QOH::parse("<< /Type /Annot /Subtype /Square /F 4 /Rect [60 60 70 70] >>");
    QOH ap = QOH::newDictionary();
    ap.replaceKey("/N", appearance);
    annot.replaceKey("/AP", ap);
    page.replaceKey("/Annots", QOH::newArray({f.pdf().makeIndirectObject(annot)}));
    EXPECT_TRUE(of_check(run(f), "hairline").empty()) << dump(run(f));  // 0.05 × 10 = 0.5 pt
    annot.replaceKey("/Rect", QOH::parse("[60 60 64 64]"));
    EXPECT_NE(only_finding(run(f), "hairline", Severity::Warning).find("thinnest 0.2 pt"), std::string::npos);
}

// ---------------------------------------------------------------- image_resolution

TEST(Preflight, ImageResolution72PpiIsAnError) {
    PdfFixture f = test::clean_fixture();
    QOH page = page1(f);
    f.add_resource(page, "/XObject", "/Low", f.image(72, 36, "/DeviceCMYK", 4));
    f.append_content(page, "q 72 0 0 36 60 200 cm /Low Do Q");
    EXPECT_EQ(only_finding(run(f), "image_resolution", Severity::Error),
              "image Low (72×36 px placed at 25.4×12.7 mm) is 72 ppi; print needs at least 150 ppi");
}

TEST(Preflight, ImageResolution200PpiIsAWarningAndFollowsMinPpi) {
    PdfFixture f = test::clean_fixture();
    QOH page = page1(f);
    f.add_resource(page, "/XObject", "/Mid", f.image(200, 100, "/DeviceCMYK", 4));
    // Placed inside a form that halves it: 200 px over 72 pt.
    QOH form = f.form("q 144 0 0 72 0 0 cm /Mid Do Q", QOH::newDictionary(), "[0.5 0 0 0.5 60 200]");
    f.add_resource(form, "/XObject", "/Mid", page.getKey("/Resources").getKey("/XObject").getKey("/Mid"));
    f.add_resource(page, "/XObject", "/FmImg", form);
    f.append_content(page, "/FmImg Do");
    const std::string message = only_finding(run(f), "image_resolution", Severity::Warning);
    EXPECT_EQ(message, "image Mid (200×100 px placed at 25.4×12.7 mm) is 200 ppi, below 300 ppi");
    PreflightOptions lenient = without_tac();
    lenient.min_ppi = 200;
    EXPECT_TRUE(of_check(run(f, lenient), "image_resolution").empty());
}

TEST(Preflight, ImageResolutionTakesTheWorseAxisOfAStretchedImage) {
    PdfFixture f = test::clean_fixture();
    QOH page = page1(f);
    f.add_resource(page, "/XObject", "/Wide", f.image(600, 100, "/DeviceCMYK", 4));
    f.append_content(page, "q 72 0 0 72 60 200 cm /Wide Do Q");  // 600 ppi across, 100 ppi down
    EXPECT_NE(only_finding(run(f), "image_resolution", Severity::Error).find("is 100 ppi"), std::string::npos);
}

TEST(Preflight, ImageResolutionInlineImage) {
    PdfFixture f = test::clean_fixture();
    const std::string samples(16 * 16, '\x80');
    f.append_content(page1(f),
                     "q 72 0 0 72 60 200 cm BI /W 16 /H 16 /CS /G /BPC 8 ID " + samples + " EI Q");
    EXPECT_EQ(only_finding(run(f), "image_resolution", Severity::Error),
              "image inline image (16×16 px placed at 25.4×25.4 mm) is 16 ppi; print needs at least 150 ppi");
}

// ---------------------------------------------------------------- tac

TEST(Preflight, TacFourHundredPercentArea) {
    PdfFixture f = test::clean_fixture();
    f.append_content(page1(f), "1 1 1 1 k 60 200 30 30 re f");
    const PreflightReport report = run(f, PreflightOptions{});
    // The patch's top-left corner: 60 pt and 230 pt against a trim from
    // 36.85 pt to 320.31 pt, i.e. 8 mm across and 32 mm down.
    EXPECT_EQ(only_finding(report, "tac", Severity::Error),
              "total ink reaches 400% (limit 320%), first at 8 mm across and 32 mm down from the trim's top-left "
              "corner");
    PreflightOptions generous;
    generous.tac_percent = 400;
    EXPECT_TRUE(of_check(run(f, generous), "tac").empty());
}

TEST(Preflight, TacOnlyCountsThePrintedArea) {
    // 400 % in the slug (outside the BleedBox): trimmed away, not printed.
    PdfFixture f = test::clean_fixture();
    f.append_content(page1(f), "1 1 1 1 k 0 0 20 20 re f");
    EXPECT_TRUE(of_check(run(f, PreflightOptions{}), "tac").empty());
}

// トンボ in registration colour (400 %) drawn along the bleed line paint
// the pixel row they cross, which is not ink on the printed piece. Here,
// as on koho's A4 sheets, the MediaBox is not a whole number of pixels:
// Ghostscript's raster is, with user space's origin at its bottom-left, so
// the top edge lies at .25 of a pixel (21.25), not at .85 (20.85).
TEST(Preflight, TacIgnoresMarksAlongTheBleedLine) {
    PdfFixture f;
    QOH page = f.add_page("q 1 1 1 1 K 0.2835 w 0 278.75 m 60 278.75 l S 20.25 0 m 20.25 60 l S Q");
    page.replaceKey("/MediaBox", QOH::parse("[0 0 300 299.6]"));
    page.replaceKey("/BleedBox", QOH::parse("[20.25 20.25 279.75 278.75]"));
    page.replaceKey("/TrimBox", QOH::parse("[28.75 28.75 271.25 270.25]"));
    EXPECT_TRUE(of_check(run(f, PreflightOptions{}), "tac").empty()) << dump(run(f, PreflightOptions{}));
    // A patch just inside the same corner is measured.
    f.append_content(page, "1 1 1 1 k 21.5 266 10 10 re f");
    EXPECT_EQ(of_check(run(f, PreflightOptions{}), "tac").size(), 1u);
}

// Ghostscript renders a /Rotate page turned; the printed area must turn
// with it. The BleedBox is the page's left half; of two 400 % patches, the
// one in the right half is outside it, and lands where the unturned left
// half would be on the rendered image.
TEST(Preflight, TacFollowsPageRotation) {
    for (bool inside : {false, true}) {
        PdfFixture f;
        const std::string patch = inside ? "50 300 30 30 re f" : "250 20 30 30 re f";
        QOH page = f.add_page("1 1 1 1 k " + patch);
        page.replaceKey("/BleedBox", QOH::parse("[0 0 178 357]"));
        page.replaceKey("/TrimBox", QOH::parse("[10 10 168 347]"));
        page.replaceKey("/Rotate", QOH::newInteger(90));
        const PreflightReport report = run(f, PreflightOptions{});
        const std::vector<Finding> found = of_check(report, "tac");
        ASSERT_EQ(found.size(), inside ? 1u : 0u) << (inside ? "inside " : "outside ") << dump(report);
        if (!inside) continue;
        // The spot is named on the page as drawn: within the patch, which
        // lies 14 to 25 mm across and 6 to 17 mm down from the trim's corner.
        int across = -1, down = -1;
        const size_t at = found[0].message.find("first at ");
        ASSERT_NE(at, std::string::npos) << found[0].message;
        ASSERT_EQ(std::sscanf(found[0].message.c_str() + at, "first at %d mm across and %d mm down", &across, &down), 2);
        EXPECT_TRUE(across >= 14 && across <= 25 && down >= 6 && down <= 17) << found[0].message;
    }
}

// ---------------------------------------------------------------- rich_black

TEST(Preflight, RichBlackEightPointText) {
    PdfFixture f = test::clean_fixture();
    f.append_content(page1(f),
                     std::string("BT /F1 8 Tf 0.4 0.3 0.3 1 k 1 0 0 1 60 240 Tm ") + test::kGlyphs + " Tj ET");
    EXPECT_EQ(only_finding(run(f), "rich_black", Severity::Error),
              "1 text run under 12 pt (smallest 8 pt) in C 40 M 30 Y 30 K 100: small black text in 4 inks "
              "misregisters; use K100");
}

TEST(Preflight, RichBlackUsesTheEffectiveSize) {
    // 20 pt in the font, halved by the CTM: 10 pt on paper.
    PdfFixture f = test::clean_fixture();
    f.append_content(page1(f),
                     std::string("q 0.5 0 0 0.5 60 240 cm BT /F1 20 Tf 0 0 1 0.9 k ") + test::kGlyphs + " Tj ET Q");
    EXPECT_NE(only_finding(run(f), "rich_black", Severity::Error).find("(smallest 10 pt) in Y 100 K 90"),
              std::string::npos);
}

TEST(Preflight, RichBlackInDeviceN) {
    PdfFixture f = test::clean_fixture();
    QOH page = page1(f);
    f.add_resource(page, "/ColorSpace", "/DN",
                   QOH::parse("[/DeviceN [/Cyan /Black] /DeviceCMYK"
                              " << /FunctionType 4 /Domain [0 1 0 1] /Range [0 1 0 1 0 1 0 1] /Length 0 >>]"));
    f.append_content(page, std::string("BT /F1 6 Tf /DN cs 0.5 1 sc 1 0 0 1 60 240 Tm ") + test::kGlyphs + " Tj ET");
    EXPECT_NE(only_finding(run(f), "rich_black", Severity::Error).find("in Cyan 50 Black 100"), std::string::npos);
}

TEST(Preflight, RichBlackIgnoresGreyishAndInvisibleText) {
    PdfFixture f = test::clean_fixture();
    f.append_content(page1(f),
                     std::string("BT /F1 8 Tf 0.4 0.3 0.3 0.8 k 1 0 0 1 60 240 Tm ") + test::kGlyphs +
                         " Tj ET BT /F1 8 Tf 3 Tr 0.4 0.3 0.3 1 k 1 0 0 1 60 250 Tm " + test::kGlyphs + " Tj ET");
    EXPECT_TRUE(of_check(run(f), "rich_black").empty()) << dump(run(f));
}

// ---------------------------------------------------------------- hairline

TEST(Preflight, HairlineTenthOfAPointIsAWarning) {
    PdfFixture f = test::clean_fixture();
    f.append_content(page1(f), "0.1 w 0 0 0 1 K 60 200 m 120 200 l S");
    EXPECT_EQ(only_finding(run(f), "hairline", Severity::Warning), "1 stroke is thinner than 0.25 pt (thinnest 0.1 pt)");
}

TEST(Preflight, HairlineScaledDownByTheCtm) {
    PdfFixture f = test::clean_fixture();
    f.append_content(page1(f), "q 0.1 0 0 0.1 0 0 cm 1 w 0 0 0 1 K 600 2000 m 1200 2000 l S Q");
    EXPECT_NE(only_finding(run(f), "hairline", Severity::Warning).find("thinnest 0.1 pt"), std::string::npos);
}

TEST(Preflight, HairlineWidthZeroIsAnError) {
    PdfFixture f = test::clean_fixture();
    f.append_content(page1(f), "0 w 0 0 0 1 K 60 200 m 120 200 l S 60 210 m 120 210 l S");
    EXPECT_EQ(only_finding(run(f), "hairline", Severity::Error),
              "2 strokes have width 0, the thinnest line a device can draw: it may vanish on a platesetter");
}

TEST(Preflight, HairlineFromAGraphicsState) {
    PdfFixture f = test::clean_fixture();
    QOH page = page1(f);
    f.add_resource(page, "/ExtGState", "/Thin", f.ext_gstate("<< /Type /ExtGState /LW 0.2 >>"));
    f.append_content(page, "q /Thin gs 0 0 0 1 K 60 200 m 120 200 l S Q 60 220 m 120 220 l S");
    EXPECT_NE(only_finding(run(f), "hairline", Severity::Warning).find("1 stroke is thinner"), std::string::npos);
}

TEST(Preflight, HairlineOutlinedText) {
    PdfFixture f = test::clean_fixture();
    f.append_content(page1(f), std::string("BT /F1 20 Tf 1 Tr 0.1 w 0 0 0 1 K 1 0 0 1 60 240 Tm ") + test::kGlyphs +
                                   " Tj ET");
    EXPECT_EQ(only_finding(run(f), "hairline", Severity::Warning), "1 stroke is thinner than 0.25 pt (thinnest 0.1 pt)");
}

TEST(Preflight, TacFindingSaysWhereOnThePage) {
    // The gallery pins a finding at its spot (proof/gallery.h): the patch's
    // top-left corner, 8 mm across and 32 mm down from the trim's corner.
    PdfFixture f = test::clean_fixture();
    f.append_content(page1(f), "1 1 1 1 k 60 200 30 30 re f");
    const std::vector<Finding> found = of_check(run(f, PreflightOptions{}), "tac");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_TRUE(found[0].placed);
    EXPECT_NEAR(found[0].x_mm, (60 - trim0()) / test::kMm, 0.5);
    EXPECT_NEAR(found[0].y_mm, (trim0() + test::kTrimMm * test::kMm - 230) / test::kMm, 0.5);
}

// ---------------------------------------------------------------- safe_zone

TEST(Preflight, SafeZoneTextOneMillimetreFromTheTrim) {
    PdfFixture f = test::clean_fixture();
    const double x = trim0() + 1 * test::kMm;
    f.append_content(page1(f),
                     "BT /F1 9 Tf 0 0 0 1 k 1 0 0 1 " + num(x) + " 150 Tm " + test::kGlyphs + " Tj " + "0 -12 Td " +
                         test::kGlyphs + " Tj ET");
    EXPECT_EQ(only_finding(run(f), "safe_zone", Severity::Warning),
              "1 text object within 3 mm of the trim or across it (1 mm from the left edge): text there may be cut off");
}

TEST(Preflight, SafeZoneFindingIsPlacedOnTheText) {
    PdfFixture f = test::clean_fixture();
    const double x = trim0() + 1 * test::kMm;
    f.append_content(page1(f), "BT /F1 9 Tf 0 0 0 1 k 1 0 0 1 " + num(x) + " 150 Tm " + test::kGlyphs + " Tj ET");
    const std::vector<Finding> found = of_check(run(f), "safe_zone");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_TRUE(found[0].placed);
    // The centre of the line: right of its start 1 mm in, about the
    // baseline's height (150 pt) down from the trim's top.
    EXPECT_GT(found[0].x_mm, 1);
    EXPECT_LT(found[0].x_mm, 40);
    const double baseline_down = (trim0() + test::kTrimMm * test::kMm - 150) / test::kMm;
    EXPECT_NEAR(found[0].y_mm, baseline_down - 1, 2.5);
    // A finding about the whole page (no TrimBox) has no spot.
    PdfFixture bare = test::clean_fixture();
    page1(bare).removeKey("/TrimBox");
    const std::vector<Finding> boxes = of_check(run(bare), "boxes");
    ASSERT_FALSE(boxes.empty());
    for (const Finding& finding : boxes) EXPECT_FALSE(finding.placed);
}

TEST(Preflight, SafeZoneTextCrossingTheTopTrim) {
    PdfFixture f = test::clean_fixture();
    const double top = trim0() + test::kTrimMm * test::kMm;
    f.append_content(page1(f),
                     "BT /F1 9 Tf 0 0 0 1 k 1 0 0 1 120 " + num(top - 4) + " Tm " + test::kGlyphs + " Tj ET");
    EXPECT_NE(only_finding(run(f), "safe_zone", Severity::Warning).find("(across the top edge)"), std::string::npos);
}

TEST(Preflight, SafeZoneEstimatesTheWidthFromTheFontsWidths) {
    // Starts 10 mm inside the right trim, but 30 glyphs of 20 pt run past it.
    PdfFixture f = test::clean_fixture();
    const double x = trim0() + (test::kTrimMm - 10) * test::kMm;
    std::string many = "<";
    for (int i = 0; i < 30; ++i) many += "0001";
    f.append_content(page1(f), "BT /F1 20 Tf 0 0 0 1 k 1 0 0 1 " + num(x) + " 150 Tm " + many + "> Tj ET");
    EXPECT_NE(only_finding(run(f), "safe_zone", Severity::Warning).find("(across the right edge)"), std::string::npos);
}

}  // namespace
}  // namespace koho::print
