// `koho diff` end to end: PDFs rendered by koho from layouts that differ in
// one text frame, a page more, a page size; the exit status (0 same,
// 1 different, 2 trouble), the summary's regions against the frame's
// position in mm, the PNG and HTML reports, and bad inputs.
#include <gtest/gtest.h>

#include <regex>
#include <string>
#include <vector>

#include "cli/koho_runner.h"
#include "cli/run_inputs.h"
#include "print/test_support.h"
#include "proof/proof_layouts.h"

namespace koho::test {
namespace {

namespace fs = std::filesystem;

uint32_t png_be32(const std::string& bytes, size_t at) {
    return static_cast<uint32_t>(static_cast<uint8_t>(bytes[at])) << 24 |
           static_cast<uint32_t>(static_cast<uint8_t>(bytes[at + 1])) << 16 |
           static_cast<uint32_t>(static_cast<uint8_t>(bytes[at + 2])) << 8 | static_cast<uint8_t>(bytes[at + 3]);
}

size_t count_of(const std::string& haystack, const std::string& needle) {
    size_t n = 0;
    for (size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
    return n;
}

class KohoDiff : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = new TempDir("proof-diff");
        render("a", flyer_layout("説明会：12月5日（土）14時から"));
        render("b", flyer_layout("説明会：12月12日（土）14時から"));
        render("three", flyer_layout("説明会：12月5日（土）14時から", 3));
        render("wide", flyer_layout("説明会：12月5日（土）14時から", 2, "105mm"));
    }
    static void TearDownTestSuite() { delete dir_; }

    static void render(const std::string& name, const std::string& layout) {
        const fs::path json = dir_->path() / (name + ".json");
        write_bytes(json, layout);
        const KohoRun run = run_koho({"print", json.string(), "--root", dir_->path().string(), "-o",
                                      pdf(name), "--no-preflight"},
                                     {kEpoch});
        ASSERT_EQ(run.exit_code, 0) << run.err;
    }
    static std::string pdf(const std::string& name) { return (dir_->path() / (name + ".pdf")).string(); }
    static std::string out(const std::string& name) { return (dir_->path() / name).string(); }

    static TempDir* dir_;
};
TempDir* KohoDiff::dir_ = nullptr;

TEST_F(KohoDiff, APdfAgainstItselfHasNoChangesAndExitsZero) {
    const KohoRun run = run_koho({"diff", pdf("a"), pdf("a"), "-o", out("same.html")});
    EXPECT_EQ(run.exit_code, 0) << run.err;
    EXPECT_NE(run.out.find("no changes"), std::string::npos) << run.out;
    const std::string html = read_bytes(out("same.html"));
    EXPECT_NE(html.find("id=\"page-1\" class=\"unchanged\""), std::string::npos);
    EXPECT_NE(html.find("id=\"page-2\" class=\"unchanged\""), std::string::npos);
}

TEST_F(KohoDiff, OneChangedFrameFlagsExactlyItsPageAndBoxesItsPosition) {
    const KohoRun run = run_koho({"diff", pdf("a"), pdf("b")});
    ASSERT_EQ(run.exit_code, 1) << run.err;
    EXPECT_NE(run.out.find("1 of 2 pages differ"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("page 2: changed"), std::string::npos) << run.out;
    EXPECT_EQ(run.out.find("page 1:"), std::string::npos) << run.out;
    // Every region lies inside the date frame (1 mm for the glyphs' ink and
    // the 100 dpi pixel grid), and there is at least one.
    const std::regex region(R"(at x (-?[0-9.]+) mm, y (-?[0-9.]+) mm: ([0-9.]+) × ([0-9.]+) mm)");
    int regions = 0;
    for (std::sregex_iterator it(run.out.begin(), run.out.end(), region), end; it != end; ++it, ++regions) {
        const double x = std::stod((*it)[1]), y = std::stod((*it)[2]);
        const double w = std::stod((*it)[3]), h = std::stod((*it)[4]);
        EXPECT_GE(x, kDateFrame.x - 1) << run.out;
        EXPECT_GE(y, kDateFrame.y - 1) << run.out;
        EXPECT_LE(x + w, kDateFrame.x + kDateFrame.w + 1) << run.out;
        EXPECT_LE(y + h, kDateFrame.y + kDateFrame.h + 1) << run.out;
    }
    EXPECT_GE(regions, 1) << run.out;
}

TEST_F(KohoDiff, TheHtmlReportHoldsEveryPageWithItsPicturesInside) {
    const KohoRun run = run_koho({"diff", pdf("a"), pdf("b"), "-o", out("report.html")});
    ASSERT_EQ(run.exit_code, 1) << run.err;
    const std::string html = read_bytes(out("report.html"));
    EXPECT_NE(html.find("id=\"page-1\" class=\"unchanged\""), std::string::npos);
    EXPECT_NE(html.find("id=\"page-2\" class=\"changed\""), std::string::npos);
    // Page 1's thumbnail; page 2's old, new and changes: all data: URIs.
    EXPECT_EQ(count_of(html, "src=\"data:image/png;base64,"), 4u);
    EXPECT_EQ(count_of(html, "src=\""), 4u);  // nothing outside the file
    EXPECT_EQ(html.find("http"), std::string::npos);
}

TEST_F(KohoDiff, ThePngReportShowsTheChangedPageThreeTimesSideBySide) {
    const KohoRun run = run_koho({"diff", pdf("a"), pdf("b"), "-o", out("report.png"), "--dpi", "50"});
    ASSERT_EQ(run.exit_code, 1) << run.err;
    const std::string png = read_bytes(out("report.png"));
    ASSERT_GT(png.size(), 24u);
    ASSERT_EQ(png.substr(1, 3), "PNG");
    // A6 with 3 mm bleed and the marks' slug at 50 dpi is over 200 px wide:
    // three panels are over 600.
    const double page_px = 106.0 / 25.4 * 50;
    EXPECT_GT(png_be32(png, 16), 3 * page_px);
    EXPECT_GT(png_be32(png, 20), 154.0 / 25.4 * 50);
}

TEST_F(KohoDiff, ReportsAreTheSameBytesEveryRun) {
    ASSERT_EQ(run_koho({"diff", pdf("a"), pdf("b"), "-o", out("r1.png")}).exit_code, 1);
    ASSERT_EQ(run_koho({"diff", pdf("a"), pdf("b"), "-o", out("r2.png")}).exit_code, 1);
    EXPECT_EQ(read_bytes(out("r1.png")), read_bytes(out("r2.png")));
    ASSERT_EQ(run_koho({"diff", pdf("a"), pdf("b"), "-o", out("r1.html")}).exit_code, 1);
    ASSERT_EQ(run_koho({"diff", pdf("a"), pdf("b"), "-o", out("r2.html")}).exit_code, 1);
    EXPECT_EQ(read_bytes(out("r1.html")), read_bytes(out("r2.html")));
}

TEST_F(KohoDiff, AddedAndRemovedPagesAreNamed) {
    const KohoRun added = run_koho({"diff", pdf("a"), pdf("three")});
    EXPECT_EQ(added.exit_code, 1) << added.err;
    EXPECT_NE(added.out.find("page 3: added (100 × 148 mm)"), std::string::npos) << added.out;
    EXPECT_EQ(added.out.find("page 1:"), std::string::npos) << added.out;
    EXPECT_EQ(added.out.find("page 2:"), std::string::npos) << added.out;
    const KohoRun removed = run_koho({"diff", pdf("three"), pdf("a"), "-o", out("removed.html")});
    EXPECT_EQ(removed.exit_code, 1) << removed.err;
    EXPECT_NE(removed.out.find("page 3: removed"), std::string::npos) << removed.out;
    EXPECT_NE(read_bytes(out("removed.html")).find("id=\"page-3\" class=\"removed\""), std::string::npos);
}

TEST_F(KohoDiff, APageSizeChangeIsReported) {
    const KohoRun run = run_koho({"diff", pdf("a"), pdf("wide")});
    EXPECT_EQ(run.exit_code, 1) << run.err;
    EXPECT_NE(run.out.find("size 100 × 148 mm → 105 × 148 mm"), std::string::npos) << run.out;
}

TEST_F(KohoDiff, AThresholdAboveEveryDifferenceFindsNone) {
    // 255 tolerates everything: the switch that proves the tolerance is applied.
    const KohoRun run = run_koho({"diff", pdf("a"), pdf("b"), "--threshold", "255"});
    EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
}

struct BadDiff {
    std::string what;
    std::vector<std::string> args;  // after "diff"; {A} {B} {OUT} are filled in
    std::string message;
};

TEST_F(KohoDiff, TroubleExitsTwoAndWritesNothing) {
    write_bytes(out("notes.pdf"), "説明会のメモ（PDFではない）\n");
    write_bytes(out("truncated.pdf"), read_bytes(pdf("a")).substr(0, 400));
    ASSERT_EQ(run_command("qpdf --encrypt user owner 256 -- " + shell_quote(pdf("a")) + " " +
                          shell_quote(out("locked.pdf")))
                  .exit_code,
              0);
    const std::string a = pdf("a"), report = out("trouble.html");
    const std::vector<BadDiff> cases = {
        {"missing", {out("missing.pdf"), a}, out("missing.pdf") + ": error: no such file"},
        {"not a pdf", {a, out("notes.pdf")}, out("notes.pdf") + ": error: not a PDF (no %PDF- header)"},
        {"damaged", {out("truncated.pdf"), a}, out("truncated.pdf") + ": error: not a readable PDF"},
        {"encrypted", {a, out("locked.pdf")}, out("locked.pdf") + ": error: the PDF is encrypted"},
        {"directory", {a, dir_->path().string()}, "is a directory, not a PDF"},
        {"dpi", {a, a, "--dpi", "5"}, "--dpi: error: resolution 5 dpi is outside 10..1200"},
        {"threshold", {a, a, "--threshold", "256"}, "--threshold: error: tolerance 256 is outside 0..255"},
    };
    for (const auto& c : cases) {
        std::vector<std::string> args = {"diff"};
        args.insert(args.end(), c.args.begin(), c.args.end());
        args.insert(args.end(), {"-o", report});
        const KohoRun run = run_koho(args);
        EXPECT_EQ(run.exit_code, 2) << c.what << ": " << run.err;
        EXPECT_NE(run.err.find(c.message), std::string::npos) << c.what << ": " << run.err;
        EXPECT_FALSE(fs::exists(report)) << c.what;
    }
    const KohoRun kind = run_koho({"diff", a, a, "-o", out("report.pdf")});
    EXPECT_EQ(kind.exit_code, 2);
    EXPECT_NE(kind.err.find("report.pdf: error: the report is a .png or an .html file"), std::string::npos)
        << kind.err;
    EXPECT_FALSE(fs::exists(out("report.pdf")));
    const KohoRun no_dir = run_koho({"diff", a, a, "-o", out("no-such-dir/r.html")});
    EXPECT_EQ(no_dir.exit_code, 2) << no_dir.err;  // 1 would read as "different"
    for (const auto& entry : fs::directory_iterator(dir_->path()))
        EXPECT_EQ(entry.path().filename().string().find(".koho-tmp-"), std::string::npos) << entry.path();
}

}  // namespace
}  // namespace koho::test
