// koho preflight, check by check: each fires on a PDF made to have its
// defect, and none fires on the clean PDF/X-4-like CMYK page.
#include <gtest/gtest.h>

#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "print/preflight.h"
#include "print/preflight_fixtures.h"
#include "print/separations.h"

namespace koho::print {
namespace {

using test::PdfFixture;
using QOH = QPDFObjectHandle;

PreflightOptions without_tac() {
    PreflightOptions o;
    o.measure_tac = false;  // no Ghostscript where the test is not about ink
    return o;
}

PreflightReport run(PdfFixture& f, const PreflightOptions& options = without_tac(), const std::string& version = "1.6") {
    return preflight_pdf(f.bytes(version), "fixture.pdf", options);
}

std::string dump(const PreflightReport& report) { return format_report_table(report, "fixture.pdf"); }

std::vector<Finding> of_check(const PreflightReport& report, const std::string& check) {
    std::vector<Finding> out;
    for (const Finding& f : report.findings)
        if (f.check == check) out.push_back(f);
    return out;
}

// Exactly one finding of `check` with `severity` on `page`; returns its message.
std::string only_finding(const PreflightReport& report, const std::string& check, Severity severity, int page = 1) {
    std::vector<Finding> found = of_check(report, check);
    EXPECT_EQ(found.size(), 1u) << dump(report);
    if (found.size() != 1) return "";
    EXPECT_EQ(found[0].severity, severity) << dump(report);
    EXPECT_EQ(found[0].page, page) << dump(report);
    return found[0].message;
}

QOH page1(PdfFixture& f) { return QOH(f.pdf().getAllPages().at(0)); }

double trim0() { return test::trim_origin_pt(3); }
std::string num(double v) { return std::to_string(v); }

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
    EXPECT_EQ(only_finding(report, "tac", Severity::Error), "total ink reaches 400% (limit 320%)");
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
        EXPECT_EQ(of_check(report, "tac").size(), inside ? 1u : 0u) << (inside ? "inside " : "outside ") << dump(report);
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

// ---------------------------------------------------------------- safe_zone

TEST(Preflight, SafeZoneTextOneMillimetreFromTheTrim) {
    PdfFixture f = test::clean_fixture();
    const double x = trim0() + 1 * test::kMm;
    f.append_content(page1(f),
                     "BT /F1 9 Tf 0 0 0 1 k 1 0 0 1 " + num(x) + " 150 Tm " + test::kGlyphs + " Tj " + "0 -12 Td " +
                         test::kGlyphs + " Tj ET");
    EXPECT_EQ(only_finding(run(f), "safe_zone", Severity::Warning),
              "1 text object comes within 3 mm of the trim or crosses it: it may be cut off");
}

TEST(Preflight, SafeZoneTextCrossingTheTopTrim) {
    PdfFixture f = test::clean_fixture();
    const double top = trim0() + test::kTrimMm * test::kMm;
    f.append_content(page1(f),
                     "BT /F1 9 Tf 0 0 0 1 k 1 0 0 1 120 " + num(top - 4) + " Tm " + test::kGlyphs + " Tj ET");
    only_finding(run(f), "safe_zone", Severity::Warning);
}

TEST(Preflight, SafeZoneEstimatesTheWidthFromTheFontsWidths) {
    // Starts 10 mm inside the right trim, but 30 glyphs of 20 pt run past it.
    PdfFixture f = test::clean_fixture();
    const double x = trim0() + (test::kTrimMm - 10) * test::kMm;
    std::string many = "<";
    for (int i = 0; i < 30; ++i) many += "0001";
    f.append_content(page1(f), "BT /F1 20 Tf 0 0 0 1 k 1 0 0 1 " + num(x) + " 150 Tm " + many + "> Tj ET");
    only_finding(run(f), "safe_zone", Severity::Warning);
}

// ---------------------------------------------------------------- pdfx

struct PdfxCase {
    const char* name;
    void (*damage)(QPDF&);
    const char* message;
};

class PdfxKeys : public ::testing::TestWithParam<PdfxCase> {};

TEST_P(PdfxKeys, EachMissingKeyIsAnError) {
    PdfFixture f = test::clean_fixture();
    GetParam().damage(f.pdf());
    const PreflightReport report = run(f);
    EXPECT_EQ(only_finding(report, "pdfx", Severity::Error, 0), GetParam().message);
    EXPECT_FALSE(report.ok());
}

QOH info_of(QPDF& pdf) { return pdf.getTrailer().getKey("/Info"); }

INSTANTIATE_TEST_SUITE_P(
    Preflight, PdfxKeys,
    ::testing::Values(
        PdfxCase{"OutputIntent", [](QPDF& p) { p.getRoot().removeKey("/OutputIntents"); },
                 "no OutputIntent with /S /GTS_PDFX"},
        PdfxCase{"ProfileNotCmyk",
                 [](QPDF& p) {
                     p.getRoot().getKey("/OutputIntents").getArrayItem(0).getKey("/DestOutputProfile").getDict().replaceKey(
                         "/N", QOH::newInteger(3));
                 },
                 "the GTS_PDFX output profile is not CMYK (/N 3)"},
        PdfxCase{"NoProfile",
                 [](QPDF& p) { p.getRoot().getKey("/OutputIntents").getArrayItem(0).removeKey("/DestOutputProfile"); },
                 "the GTS_PDFX OutputIntent has no /DestOutputProfile stream"},
        PdfxCase{"Version", [](QPDF& p) { info_of(p).removeKey("/GTS_PDFXVersion"); },
                 "/Info has no /GTS_PDFXVersion"},
        PdfxCase{"Trapped", [](QPDF& p) { info_of(p).removeKey("/Trapped"); },
                 "/Info has no /Trapped (/True or /False)"},
        PdfxCase{"TrappedUnknown", [](QPDF& p) { info_of(p).replaceKey("/Trapped", QOH::newName("/Unknown")); },
                 "/Info /Trapped is /Unknown, not /True or /False"},
        PdfxCase{"Title", [](QPDF& p) { info_of(p).removeKey("/Title"); }, "/Info has no /Title"},
        PdfxCase{"Metadata", [](QPDF& p) { p.getRoot().removeKey("/Metadata"); },
                 "no XMP /Metadata in the catalog (PDF/X-4 needs it)"},
        PdfxCase{"XmpWithoutVersion",
                 [](QPDF& p) {
                     p.getRoot().getKey("/Metadata").replaceStreamData(
                         "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"/>", QOH::newNull(), QOH::newNull());
                 },
                 "the XMP metadata has no pdfxid:GTS_PDFXVersion"}),
    [](const ::testing::TestParamInfo<PdfxCase>& info) { return std::string(info.param.name); });

TEST(Preflight, PdfxTrailerWithoutId) {
    PdfFixture f = test::clean_fixture();
    std::string bytes = f.bytes();
    // Same length, so the cross-reference offsets stay right.
    const size_t at = bytes.rfind("/ID [");
    ASSERT_NE(at, std::string::npos);
    bytes.replace(at, 3, "/XX");
    const PreflightReport report = preflight_pdf(bytes, "fixture.pdf", without_tac());
    EXPECT_EQ(only_finding(report, "pdfx", Severity::Error, 0), "the trailer has no /ID");
}

TEST(Preflight, PdfxOneAWantsConformanceVersionAndNoTransparency) {
    PdfFixture f;
    QOH page = test::clean_page(f);
    f.make_pdfx1a();
    EXPECT_TRUE(of_check(run(f, without_tac(), "1.3"), "pdfx").empty()) << dump(run(f, without_tac(), "1.3"));

    EXPECT_EQ(only_finding(run(f, without_tac(), "1.6"), "pdfx", Severity::Error, 0),
              "PDF version 1.6 is above 1.3, the most PDF/X-1a:2001 allows");

    f.add_resource(page, "/ExtGState", "/Half", f.ext_gstate("<< /Type /ExtGState /ca 0.5 /BM /Multiply >>"));
    f.append_content(page, "q /Half gs 0 0 0 1 k 60 60 10 10 re f Q");
    EXPECT_EQ(only_finding(run(f, without_tac(), "1.3"), "pdfx", Severity::Error, 1),
              "transparency is not allowed in PDF/X-1a:2001: graphics state Half sets ca 0.5; graphics state Half "
              "uses blend mode Multiply");

    info_of(f.pdf()).removeKey("/GTS_PDFXConformance");
    std::vector<Finding> found = of_check(run(f, without_tac(), "1.3"), "pdfx");
    ASSERT_EQ(found.size(), 2u);
    EXPECT_EQ(found[0].message, "/Info has no /GTS_PDFXConformance (PDF/X-1a:2001 needs it)");
}

TEST(Preflight, PdfxFourAllowsTransparency) {
    PdfFixture f = test::clean_fixture();
    QOH page = page1(f);
    f.add_resource(page, "/ExtGState", "/Half", f.ext_gstate("<< /Type /ExtGState /ca 0.5 >>"));
    f.append_content(page, "q /Half gs 0 0 0 1 k 60 60 10 10 re f Q");
    EXPECT_TRUE(of_check(run(f), "pdfx").empty());
}

// ---------------------------------------------------------------- input, order, reports

TEST(Preflight, NotAPdfIsBadInputNamingTheFile) {
    try {
        preflight_pdf("hello, I am a text file", "notes.txt", without_tac());
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::BadInput);
        EXPECT_EQ(e.formatted(), "notes.txt: error: not a PDF (no %PDF- header)");
    }
    try {
        preflight_pdf("%PDF-1.4\n garbage without objects", "broken.pdf", without_tac());
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::BadInput);
        EXPECT_EQ(e.loc().file, "broken.pdf");
    }
}

TEST(Preflight, FindingsInPageOrderThenCheckOrder) {
    PdfFixture f = test::clean_fixture();
    QOH second = test::clean_page(f);
    f.append_content(second, "0.05 w 60 60 m 90 60 l S 1 0 0 rg 60 60 5 5 re f");
    page1(f).removeKey("/TrimBox");
    info_of(f.pdf()).removeKey("/Title");
    const PreflightReport report = run(f);
    std::vector<std::string> order;
    for (const Finding& x : report.findings) order.push_back(std::to_string(x.page) + ":" + x.check);
    EXPECT_EQ(order, (std::vector<std::string>{"0:pdfx", "1:boxes", "2:colorspace", "2:hairline"})) << dump(report);
}

TEST(Preflight, TableAndJsonReports) {
    PreflightReport report;
    report.findings.push_back({"boxes", Severity::Error, 2, "the page has no TrimBox"});
    report.findings.push_back({"hairline", Severity::Warning, 3, "1 stroke is thinner than 0.25 pt (thinnest 0.1 pt)"});
    EXPECT_EQ(format_report_table(report, "a.pdf"),
              "preflight of a.pdf\n"
              "severity check     page  message\n"
              "error    boxes        2  the page has no TrimBox\n"
              "warning  hairline     3  1 stroke is thinner than 0.25 pt (thinnest 0.1 pt)\n"
              "1 error, 1 warning\n");
    EXPECT_EQ(format_report_json(report),
              "{\n  \"ok\": false,\n  \"findings\": [\n    {\n      \"check\": \"boxes\",\n      \"severity\": \"error\",\n"
              "      \"page\": 2,\n      \"message\": \"the page has no TrimBox\"\n    },\n    {\n"
              "      \"check\": \"hairline\",\n      \"severity\": \"warning\",\n      \"page\": 3,\n"
              "      \"message\": \"1 stroke is thinner than 0.25 pt (thinnest 0.1 pt)\"\n    }\n  ]\n}\n");
    EXPECT_EQ(format_report_table(PreflightReport{}, "a.pdf"), "preflight of a.pdf\n0 errors, 0 warnings\n");
    EXPECT_EQ(nlohmann::json::parse(format_report_json(PreflightReport{})),
              nlohmann::json::parse(R"({"ok": true, "findings": []})"));
}

// ---------------------------------------------------------------- separations

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
