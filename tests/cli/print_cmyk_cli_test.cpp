// `koho print` as a press job: the default CMYK PDF/X-4 read back by
// independent tools — Ghostscript's separations for the inks, poppler for
// the PDF/X subtype — and the refusals of a CMYK or PDF/X-1a job.
#include <gtest/gtest.h>
#include <qpdf/QPDF.hh>

#include <algorithm>
#include <filesystem>
#include <string>

#include "../print/test_support.h"
#include "core/units.h"
#include "koho_runner.h"
#include "print/page_geometry.h"
#include "print/separations.h"
#include "run_inputs.h"

namespace koho::test {
namespace {

namespace fs = std::filesystem;
using print::SeparatedPage;

const std::string kCard = kData + "/cmyk-card.json";
constexpr double kDpi = 100;

// The card as the press sees it: printed once, separated once.
class CmykCard : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = new TempDir("cli-cmyk");
        run_ = new KohoRun(run_koho({"print", kCard, "--root", kData, "-o", pdf().string()}, {kEpoch}));
        if (run_->exit_code == 0) {
            print::SeparationOptions options;
            options.dpi = kDpi;
            auto pages = print::render_separations(read_bytes(pdf()), options);
            if (!pages.empty()) sep_ = new SeparatedPage(std::move(pages.front()));
        }
    }
    static void TearDownTestSuite() {
        delete sep_;
        delete run_;
        delete dir_;
    }
    static fs::path pdf() { return dir_->path() / "card.pdf"; }

    // Inks (0..1 each, C M Y K) at a point given in mm from the trim's
    // top-left corner: where the layout put things.
    static std::array<double, 4> inks_at_mm(double x_mm, double y_mm) {
        const double origin_pt = print::kMarkMarginPt + 3 * kPtPerMm;
        const int x = static_cast<int>((origin_pt + x_mm * kPtPerMm) * kDpi / 72);
        const int y = static_cast<int>((origin_pt + y_mm * kPtPerMm) * kDpi / 72);
        std::array<double, 4> out{};
        const char* names[] = {"Cyan", "Magenta", "Yellow", "Black"};
        for (int i = 0; i < 4; ++i) out[i] = sep_->ink_at(*sep_->plate(names[i]), x, y);
        return out;
    }

    // Every pixel in a frame's box (mm) where K is at least half: the
    // glyphs of black text.
    template <typename Check>
    static int for_each_text_pixel(double x0, double y0, double x1, double y1, Check check) {
        const double origin_pt = print::kMarkMarginPt + 3 * kPtPerMm;
        auto px = [&](double mm) { return static_cast<int>((origin_pt + mm * kPtPerMm) * kDpi / 72); };
        const print::Plate& k = *sep_->plate("Black");
        int n = 0;
        for (int y = px(y0); y < px(y1); ++y)
            for (int x = px(x0); x < px(x1); ++x)
                if (sep_->ink_at(k, x, y) >= 0.5) {
                    ++n;
                    check(x, y);
                }
        return n;
    }
    static double ink(const char* name, int x, int y) { return sep_->ink_at(*sep_->plate(name), x, y); }

    static TempDir* dir_;
    static KohoRun* run_;
    static SeparatedPage* sep_;
};
TempDir* CmykCard::dir_ = nullptr;
KohoRun* CmykCard::run_ = nullptr;
SeparatedPage* CmykCard::sep_ = nullptr;

TEST_F(CmykCard, IsPdfX4ByDefault) {
    ASSERT_EQ(run_->exit_code, 0) << run_->err;
    const std::string info = run_command("pdfinfo " + shell_quote(pdf().string()) + " 2>&1").output;
    EXPECT_NE(info.find("PDF subtype:    PDF/X-4"), std::string::npos) << info;
    EXPECT_NE(info.find("PDF version:     1.6"), std::string::npos) << info;
    const CommandResult check = run_command("qpdf --check " + shell_quote(pdf().string()) + " 2>&1");
    EXPECT_EQ(check.exit_code, 0) << check.output;
}

TEST_F(CmykCard, ColoursGivenInCmykComeOutExactly) {
    ASSERT_NE(sep_, nullptr) << run_->err;
    const auto band = inks_at_mm(93, 19);  // the band, clear of its text
    EXPECT_NEAR(band[0], 0.00, 0.005);
    EXPECT_NEAR(band[1], 0.60, 0.005);
    EXPECT_NEAR(band[2], 1.00, 0.005);
    EXPECT_NEAR(band[3], 0.00, 0.005);
    const auto cyan = inks_at_mm(87, 40);
    EXPECT_NEAR(cyan[0], 0.73, 0.005);
    EXPECT_NEAR(cyan[1], 0.12, 0.005);
    EXPECT_NEAR(cyan[2], 0.00, 0.005);
    EXPECT_NEAR(cyan[3], 0.05, 0.005);
    const auto rich = inks_at_mm(15, 40);  // "rich-black": C40 K100, for areas
    EXPECT_NEAR(rich[0], 0.40, 0.005);
    EXPECT_NEAR(rich[1], 0.00, 0.005);
    EXPECT_NEAR(rich[2], 0.00, 0.005);
    EXPECT_NEAR(rich[3], 1.00, 0.005);
}

TEST_F(CmykCard, GreyIsOnTheKPlateAlone) {
    ASSERT_NE(sep_, nullptr) << run_->err;
    const auto grey = inks_at_mm(40, 40);
    EXPECT_EQ(grey[0] + grey[1] + grey[2], 0);
    // #808080 is a mid grey: a K tint well inside 30–70 %.
    EXPECT_GT(grey[3], 0.3);
    EXPECT_LT(grey[3], 0.7);
}

TEST_F(CmykCard, RgbRedGoesThroughTheProfileWithinTheInkLimit) {
    ASSERT_NE(sep_, nullptr) << run_->err;
    const auto red = inks_at_mm(65, 40);
    EXPECT_GT(red[1], 0.8);  // magenta and yellow carry a red
    EXPECT_GT(red[2], 0.8);
    EXPECT_LT(red[0], 0.2);
    EXPECT_LE(red[0] + red[1] + red[2] + red[3], 3.2 + 0.01);
}

TEST_F(CmykCard, BlackTextIsOnTheKPlateOnly) {
    ASSERT_NE(sep_, nullptr) << run_->err;
    const int glyph_pixels = for_each_text_pixel(5, 5, 45, 19, [&](int x, int y) {
        EXPECT_EQ(ink("Cyan", x, y) + ink("Magenta", x, y) + ink("Yellow", x, y), 0) << x << "," << y;
        EXPECT_GT(ink("Black", x, y), 0.99) << x << "," << y;
    });
    EXPECT_GT(glyph_pixels, 500) << "no text found on the K plate";
}

TEST_F(CmykCard, BlackTextOverprintsTheBandUnderIt) {
    ASSERT_NE(sep_, nullptr) << run_->err;
    // Overprint: the band's inks continue under the glyphs instead of being
    // knocked out, so a shifted plate shows no white halo.
    const int glyph_pixels = for_each_text_pixel(52, 5, 92, 19, [&](int x, int y) {
        EXPECT_NEAR(ink("Magenta", x, y), 0.60, 0.005) << x << "," << y;
        EXPECT_NEAR(ink("Yellow", x, y), 1.00, 0.005) << x << "," << y;
        EXPECT_EQ(ink("Cyan", x, y), 0) << x << "," << y;
    });
    EXPECT_GT(glyph_pixels, 500) << "no text found on the K plate";
}

TEST_F(CmykCard, RgbEditionHasNoPdfX) {
    const fs::path rgb = dir_->path() / "rgb.pdf";
    const KohoRun run = run_koho({"print", kCard, "--root", kData, "-o", rgb.string(), "--color", "rgb"}, {kEpoch});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const std::string info = run_command("pdfinfo " + shell_quote(rgb.string()) + " 2>&1").output;
    EXPECT_EQ(info.find("PDF subtype"), std::string::npos) << info;
    // What the press would refuse: koho preflight finds the RGB.
    const KohoRun check = run_koho({"preflight", rgb.string()});
    EXPECT_EQ(check.exit_code, 1);
    EXPECT_NE(check.out.find("colorspace"), std::string::npos) << check.out;
}

// A layout variant written next to the card, sharing its root.
fs::path variant(const TempDir& dir, const std::string& name, const std::string& from, const std::string& to) {
    std::string text = read_bytes(kCard);
    const size_t at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    text.replace(at, from.size(), to);
    const fs::path path = dir.path() / name;
    write_bytes(path, text);
    return path;
}

TEST(CmykRefusals, InkOverTheLimitIsAnErrorAtItsFrame) {
    TempDir dir("cli-cmyk-tac");
    const fs::path layout = variant(dir, "tac.json", "\"fill\": { \"cmyk\": [73, 12, 0, 5] }",
                                    "\"fill\": { \"cmyk\": [100, 100, 100, 100] }");
    const fs::path out = dir.path() / "out.pdf";
    const KohoRun run = run_koho({"print", layout.string(), "--root", kData, "-o", out.string()}, {kEpoch});
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_NE(run.err.find(":18:9: error: page 1, frame 'cyan': C100 M100 Y100 K100 is 400% ink, over the limit of "
                           "320%"),
              std::string::npos)
        << run.err;
    EXPECT_NE(run.err.find("(at /pages/0/frames/6)"), std::string::npos) << run.err;
    EXPECT_FALSE(fs::exists(out));
}

// --pdfx none asks for a plain CMYK PDF: koho's own preflight checks it
// for everything but the PDF/X keys (it used to refuse it for lacking
// them); `koho preflight`, a print shop's check, still wants PDF/X.
TEST(CmykEditions, PdfxNoneIsAPlainCmykPdfThatPassesItsOwnPreflight) {
    TempDir dir("cli-cmyk-nopdfx");
    const fs::path out = dir.path() / "plain.pdf";
    const KohoRun run = run_koho({"print", kCard, "--root", kData, "-o", out.string(), "--pdfx", "none"}, {kEpoch});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const std::string info = run_command("pdfinfo " + shell_quote(out.string()) + " 2>&1").output;
    EXPECT_EQ(info.find("PDF subtype:"), std::string::npos) << info;
    const KohoRun check = run_koho({"preflight", out.string()});
    EXPECT_EQ(check.exit_code, 1) << check.out;
    EXPECT_NE(check.out.find("no OutputIntent with /S /GTS_PDFX"), std::string::npos) << check.out;
    EXPECT_EQ(check.out.find("tac"), std::string::npos) << check.out;  // the ink is within the limit
}

TEST(CmykRefusals, PdfX1aRefusesTransparencyAtItsFrame) {
    TempDir dir("cli-cmyk-x1a");
    const fs::path layout = variant(dir, "x1a.json", "\"fill\": \"#808080\"", "\"fill\": \"#808080\", \"opacity\": 0.5");
    const fs::path out = dir.path() / "out.pdf";
    const KohoRun run =
        run_koho({"print", layout.string(), "--root", kData, "-o", out.string(), "--pdfx", "1a"}, {kEpoch});
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_NE(run.err.find("page 1, frame 'grey': its opacity is 0.5; PDF/X-1a allows no transparency"),
              std::string::npos)
        << run.err;
    EXPECT_FALSE(fs::exists(out));
    // The opaque card is a PDF/X-1a file.
    const KohoRun ok = run_koho({"print", kCard, "--root", kData, "-o", out.string(), "--pdfx", "1a"}, {kEpoch});
    ASSERT_EQ(ok.exit_code, 0) << ok.err;
    const std::string info = run_command("pdfinfo " + shell_quote(out.string()) + " 2>&1").output;
    EXPECT_NE(info.find("PDF subtype:    PDF/X-1:2001"), std::string::npos) << info;
    EXPECT_NE(info.find("PDF version:     1.3"), std::string::npos) << info;
}

TEST(CmykRefusals, AnRgbProfileIsNoPressProfile) {
    TempDir dir("cli-cmyk-profile");
    const fs::path out = dir.path() / "out.pdf";
    const KohoRun run = run_koho(
        {"print", kCard, "--root", kData, "-o", out.string(), "--profile", "/usr/share/color/icc/sRGB.icc"}, {kEpoch});
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_EQ(run.err.rfind("--profile: error: ", 0), 0u) << run.err;
    EXPECT_NE(run.err.find("CMYK"), std::string::npos) << run.err;
    EXPECT_FALSE(fs::exists(out));
}

TEST(CmykRefusals, APdfThatFailsPreflightIsNotWritten) {
    // The CLI test card's 4×4 picture is 5 ppi where it is placed.
    TempDir dir("cli-cmyk-preflight");
    const fs::path out = dir.path() / "out.pdf";
    const KohoRun run = run_koho({"print", kData + "/ok.json", "--root", kData, "-o", out.string()}, {kEpoch});
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_NE(run.err.find("the print PDF fails preflight with 1 error"), std::string::npos) << run.err;
    EXPECT_NE(run.err.find("[image_resolution] page 1: image"), std::string::npos) << run.err;
    EXPECT_FALSE(fs::exists(out));
    const KohoRun skipped =
        run_koho({"print", kData + "/ok.json", "--root", kData, "-o", out.string(), "--no-preflight"}, {kEpoch});
    EXPECT_EQ(skipped.exit_code, 0) << skipped.err;
    EXPECT_TRUE(fs::exists(out));
}

TEST(CmykEditions, WebEditionIsTaggedAtTrimSize) {
    TempDir dir("cli-web");
    const fs::path out = dir.path() / "web.pdf";
    const KohoRun run = run_koho({"print", kCard, "--root", kData, "-o", out.string(), "--web"}, {kEpoch});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const std::string info = run_command("pdfinfo -box " + shell_quote(out.string()) + " 2>&1").output;
    EXPECT_NE(info.find("Tagged:          yes"), std::string::npos) << info;
    EXPECT_NE(info.find("MediaBox:            0.00     0.00   283.46   170.08"), std::string::npos) << info;
    EXPECT_EQ(info.find("PDF subtype"), std::string::npos) << info;
    const KohoRun clash = run_koho({"print", kCard, "--root", kData, "-o", out.string(), "--web", "--pdfx", "4"});
    EXPECT_EQ(clash.exit_code, 2) << clash.err;
}

TEST(CmykEditions, WebEditionWarnsOfPicturesWithoutAlt) {
    TempDir dir("cli-web-alt");
    const std::string cyan =
        R"({ "id": "cyan", "type": "rect", "x": "80mm", "y": "30mm", "w": "15mm", "h": "20mm", "fill": { "cmyk": [73, 12, 0, 5] } })";
    const std::string qr = R"({ "id": "code", "type": "qr", "x": "80mm", "y": "30mm", "size": "15mm", "data": "https://example.jp/")";
    const fs::path bare = variant(dir, "bare.json", cyan, qr + " }");
    const fs::path described = variant(dir, "described.json", cyan, qr + R"(, "alt": "採用ページへのQRコード" })");
    const fs::path out = dir.path() / "web.pdf";
    const KohoRun warned = run_koho({"print", bare.string(), "--root", kData, "-o", out.string(), "--web"}, {kEpoch});
    EXPECT_EQ(warned.exit_code, 0) << warned.err;
    EXPECT_NE(warned.err.find("bare.json:18:9: warning: web edition, page 1: frame 'code' has no \"alt\" text"),
              std::string::npos)
        << warned.err;
    const KohoRun quiet = run_koho({"print", described.string(), "--root", kData, "-o", out.string(), "--web"}, {kEpoch});
    EXPECT_EQ(quiet.exit_code, 0) << quiet.err;
    EXPECT_EQ(quiet.err, "");
}

TEST(CmykEditions, RightBoundLayoutsReadRightToLeft) {
    TempDir dir("cli-r2l");
    auto direction_of = [&](const fs::path& layout) {
        const fs::path out = dir.path() / "out.pdf";
        const KohoRun run = run_koho({"print", layout.string(), "--root", kData, "-o", out.string()}, {kEpoch});
        EXPECT_EQ(run.exit_code, 0) << run.err;
        QPDF pdf;
        pdf.processFile(out.string().c_str());
        QPDFObjectHandle prefs = pdf.getRoot().getKey("/ViewerPreferences");
        return prefs.isDictionary() && prefs.getKey("/Direction").isName() ? prefs.getKey("/Direction").getName()
                                                                          : std::string("none");
    };
    const fs::path right = variant(dir, "right.json", "\"bleed\": \"3mm\" }", "\"bleed\": \"3mm\", \"binding\": \"right\" }");
    EXPECT_EQ(direction_of(right), "/R2L");
    EXPECT_EQ(direction_of(kCard), "none");
}

TEST(CmykEditions, SpreadsAreWrittenBesideThePageProofs) {
    TempDir dir("cli-spreads");
    const fs::path out = dir.path() / "card.pdf";
    const fs::path proofs = dir.path() / "proofs";
    const KohoRun run = run_koho({"print", kCard, "--root", kData, "-o", out.string(), "--proof", proofs.string(),
                                  "--dpi", "30", "--spreads"},
                                 {kEpoch});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_TRUE(fs::exists(proofs / "cmyk-card-p1.png"));
    EXPECT_TRUE(fs::exists(proofs / "cmyk-card-spread-1.png"));
    EXPECT_FALSE(fs::exists(proofs / "cmyk-card-spread-2.png"));
}

}  // namespace
}  // namespace koho::test
