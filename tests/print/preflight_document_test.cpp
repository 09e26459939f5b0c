// koho preflight on the document as a whole: the PDF/X keys, input that is
// not a PDF, the order of findings, the table and the JSON; and the
// content walk's matrices.
#include <gtest/gtest.h>

#include <qpdf/QPDFObjectHandle.hh>

#include <nlohmann/json.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "print/preflight_content.h"
#include "print/preflight_expect.h"

namespace koho::print {
namespace {

using namespace preflight_test;

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
                 "the XMP metadata has no pdfxid:GTS_PDFXVersion"},
        PdfxCase{"XmpDisagrees",
                 [](QPDF& p) {
                     p.getRoot().getKey("/Metadata").replaceStreamData(
                         "<rdf:Description xmlns:px=\"http://www.npes.org/pdfx/ns/id/\" "
                         "px:GTS_PDFXVersion=\"PDF/X-4p\"/>",
                         QOH::newNull(), QOH::newNull());
                 },
                 "the XMP metadata says PDF/X-4p but /Info says PDF/X-4"}),
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

TEST(Preflight, PdfxFourIsPdfOneSixAtMost) {
    PdfFixture f = test::clean_fixture();
    EXPECT_TRUE(of_check(run(f, without_tac(), "1.6"), "pdfx").empty());
    EXPECT_EQ(only_finding(run(f, without_tac(), "1.7"), "pdfx", Severity::Error, 0),
              "PDF version 1.7 is above 1.6, the most PDF/X-4 allows");
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

// ＭＳ 明朝 as old Japanese PDFs name it, in Shift_JIS bytes: the table
// keeps them, the JSON stays valid UTF-8.
TEST(Preflight, FontNamesInShiftJisStillMakeValidJson) {
    PdfFixture f = test::clean_fixture();
    QOH page = page1(f);
    QOH font = f.helvetica();
    font.replaceKey("/BaseFont", QOH::newName("/\x82l\x82r#20\x96\xbe\x92\xa9"));
    f.add_resource(page, "/Font", "/J", font);
    f.append_content(page, "BT /J 12 Tf 0 0 0 1 k 1 0 0 1 100 200 Tm (a) Tj ET");
    const PreflightReport report = run(f);
    const std::string message = only_finding(report, "fonts", Severity::Error);
    EXPECT_EQ(message, "font \x82l\x82r \x96\xbe\x92\xa9 (Type1) is not embedded");
    const nlohmann::json json = nlohmann::json::parse(format_report_json(report));
    const std::string bad = "\xEF\xBF\xBD";  // U+FFFD, one per byte that is no UTF-8
    EXPECT_EQ(json["findings"][0]["message"].get<std::string>(),
              "font " + bad + "l" + bad + "r " + bad + bad + bad + bad + " (Type1) is not embedded");
}

// ---------------------------------------------------------------- geometry

TEST(PreflightGeometry, SmallestScaleOfAMatrix) {
    using detail::Matrix;
    EXPECT_DOUBLE_EQ((Matrix{2, 0, 0, 0.5, 7, 9}).smallest_scale(), 0.5);
    // A rotation keeps lengths; a shear squeezes one direction.
    const double c = std::cos(0.3), s = std::sin(0.3);
    EXPECT_NEAR((Matrix{3 * c, 3 * s, -3 * s, 3 * c, 0, 0}).smallest_scale(), 3.0, 1e-12);
    EXPECT_NEAR((Matrix{1, 0, 1, 1, 0, 0}).smallest_scale(), (std::sqrt(5.0) - 1) / 2, 1e-12);
    // cm applies before the current matrix: scale 10, then translate.
    const Matrix m = Matrix{10, 0, 0, 10, 0, 0}.times(Matrix{1, 0, 0, 1, 5, 6});
    double x = 0, y = 0;
    m.apply(1, 2, x, y);
    EXPECT_DOUBLE_EQ(x, 15);
    EXPECT_DOUBLE_EQ(y, 26);
}

}  // namespace
}  // namespace koho::print
