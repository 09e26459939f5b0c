// `koho preflight` as a user runs it: the table, the JSON shape, the exit
// codes (0 clean or warnings only, 1 errors, 2 not a PDF) and the options.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "koho_runner.h"
#include "print/preflight_fixtures.h"
#include "print/test_support.h"

namespace koho::test {
namespace {

namespace fs = std::filesystem;

class PreflightCli : public ::testing::Test {
protected:
    PreflightCli() : dir_("preflight-cli") {}

    // The clean page, with `defect` appended to its content.
    fs::path write_pdf(const std::string& name, const std::string& defect = "") {
        PdfFixture f = clean_fixture();
        if (!defect.empty()) f.append_content(QPDFObjectHandle(f.pdf().getAllPages().at(0)), defect);
        const fs::path path = dir_.path() / name;
        write_bytes(path, f.bytes());
        return path;
    }

    TempDir dir_;
};

TEST_F(PreflightCli, CleanPdfExitsZeroWithAnEmptyTable) {
    const fs::path pdf = write_pdf("clean.pdf");
    const KohoRun run = run_koho({"preflight", pdf.string()});
    EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
    EXPECT_EQ(run.out, "preflight of " + pdf.string() + "\n0 errors, 0 warnings\n");
    EXPECT_EQ(run.err, "");
}

TEST_F(PreflightCli, JsonShapeAndErrorExit) {
    const fs::path pdf = write_pdf("ink.pdf", "1 1 1 1 k 60 200 30 30 re f 0.1 w 0 0 0 1 K 60 100 m 120 100 l S");
    const KohoRun run = run_koho({"preflight", pdf.string(), "--json"});
    EXPECT_EQ(run.exit_code, 1) << run.out << run.err;
    EXPECT_EQ(run.err, pdf.string() + ": error: preflight found 1 error\n");
    const nlohmann::json report = nlohmann::json::parse(run.out);
    ASSERT_TRUE(report.is_object());
    EXPECT_EQ(report.size(), 2u);
    EXPECT_EQ(report.at("ok"), false);
    const nlohmann::json& findings = report.at("findings");
    ASSERT_EQ(findings.size(), 2u) << run.out;
    EXPECT_EQ(findings[0], nlohmann::json::parse(
                               R"json({"check": "tac", "severity": "error", "page": 1,
                                   "message": "total ink reaches 400% (limit 320%), first at 8 mm across and 32 mm down from the trim's top-left corner"})json"));
    EXPECT_EQ(findings[1], nlohmann::json::parse(
                               R"json({"check": "hairline", "severity": "warning", "page": 1,
                                   "message": "1 stroke is thinner than 0.25 pt (thinnest 0.1 pt)"})json"));
    // The keys in the documented order: ok, findings; check, severity, page, message.
    EXPECT_EQ(run.out.find("\"ok\""), 4u) << run.out;
    EXPECT_LT(run.out.find("\"check\""), run.out.find("\"severity\""));
    EXPECT_LT(run.out.find("\"severity\""), run.out.find("\"page\""));
    EXPECT_LT(run.out.find("\"page\""), run.out.find("\"message\""));
}

TEST_F(PreflightCli, TacOptionRaisesTheLimit) {
    const fs::path pdf = write_pdf("ink.pdf", "1 1 1 1 k 60 200 30 30 re f");
    EXPECT_EQ(run_koho({"preflight", pdf.string()}).exit_code, 1);
    const KohoRun run = run_koho({"preflight", pdf.string(), "--tac", "400", "--json"});
    EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
    EXPECT_EQ(nlohmann::json::parse(run.out), nlohmann::json::parse(R"({"ok": true, "findings": []})"));
}

TEST_F(PreflightCli, WarningsOnlyExitZeroAndMinPpiMovesTheThreshold) {
    PdfFixture f = clean_fixture();
    QPDFObjectHandle page(f.pdf().getAllPages().at(0));
    f.add_resource(page, "/XObject", "/Mid", f.image(200, 200, "/DeviceCMYK", 4));
    f.append_content(page, "q 72 0 0 72 60 200 cm /Mid Do Q");
    const fs::path pdf = dir_.path() / "mid.pdf";
    write_bytes(pdf, f.bytes());

    KohoRun run = run_koho({"preflight", pdf.string()});
    EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
    EXPECT_EQ(run.out, "preflight of " + pdf.string() +
                           "\n"
                           "severity check             page  message\n"
                           "warning  image_resolution     1  image Mid (200×200 px placed at 25.4×25.4 mm) is 200 "
                           "ppi, below 300 ppi\n"
                           "0 errors, 1 warning\n");
    run = run_koho({"preflight", pdf.string(), "--min-ppi", "200"});
    EXPECT_EQ(run.exit_code, 0);
    EXPECT_NE(run.out.find("0 errors, 0 warnings"), std::string::npos) << run.out;
}

TEST_F(PreflightCli, NotAPdfIsBadInput) {
    const fs::path text = dir_.path() / "notes.txt";
    write_bytes(text, "not a pdf at all\n");
    KohoRun run = run_koho({"preflight", text.string()});
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_EQ(run.err, text.string() + ": error: not a PDF (no %PDF- header)\n");
    EXPECT_EQ(run.out, "");

    run = run_koho({"preflight", (dir_.path() / "missing.pdf").string()});
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_EQ(run.err, (dir_.path() / "missing.pdf").string() + ": error: no such file\n");
}

// Without a working Ghostscript the ink cannot be measured: a failure
// (exit 1) that names the file, never a report that skips the check.
TEST_F(PreflightCli, GhostscriptRenderingNothingIsAFailure) {
    const fs::path pdf = write_pdf("clean.pdf");
    const fs::path bin = dir_.path() / "bin";
    fs::create_directories(bin);
    write_bytes(bin / "gs", "#!/bin/sh\necho 'gs: broken on purpose'\nexit 0\n");
    fs::permissions(bin / "gs", fs::perms::owner_all);
    const char* path = std::getenv("PATH");
    const KohoRun run = run_koho({"preflight", pdf.string()}, {"PATH=" + bin.string() + ":" + (path ? path : "")});
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_EQ(run.err, pdf.string() + ": error: cannot measure the ink: Ghostscript rendered no pages: gs: broken on purpose\n");
    EXPECT_EQ(run.out, "");
}

TEST_F(PreflightCli, BadOptionsAreBadInput) {
    const fs::path pdf = write_pdf("clean.pdf");
    EXPECT_EQ(run_koho({"preflight", pdf.string(), "--tac", "0"}).exit_code, 2);
    EXPECT_EQ(run_koho({"preflight", pdf.string(), "--min-ppi", "abc"}).exit_code, 2);
    EXPECT_EQ(run_koho({"preflight"}).exit_code, 2);
}

}  // namespace
}  // namespace koho::test
