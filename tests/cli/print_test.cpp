// `koho print` through the real binary on a small layout: help and version
// text, the PDF (boxes, fonts, text, metadata, same bytes twice) and the
// proof compared with the expected image in tests/cli/golden/.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <regex>
#include <sstream>
#include <string>

#include "../print/test_support.h"
#include "image_compare.h"
#include "koho_runner.h"
#include "run_inputs.h"

namespace koho::test {
namespace {

namespace fs = std::filesystem;

TEST(CliHelp, VersionNamesKohoAndItsVersion) {
    const KohoRun run = run_koho({"--version"});
    EXPECT_EQ(run.exit_code, 0);
    // "koho X.Y.Z", then one library a line (commands_cli_test.cpp names them).
    EXPECT_TRUE(std::regex_match(run.out, std::regex("koho [0-9]+\\.[0-9]+\\.[0-9]+\n([a-z]+ [^\n]+\n)+")))
        << run.out;
}

TEST(CliHelp, TopLevelHelpListsPrint) {
    const KohoRun run = run_koho({"--help"});
    EXPECT_EQ(run.exit_code, 0);
    EXPECT_NE(run.out.find("Usage:"), std::string::npos);
    EXPECT_TRUE(std::regex_search(run.out, std::regex("\n  print +Render a layout to a print-ready PDF")))
        << run.out;
}

TEST(CliHelp, PrintHelpDescribesEveryOption) {
    const KohoRun run = run_koho({"print", "--help"});
    EXPECT_EQ(run.exit_code, 0);
    for (const char* needle : {"LAYOUT.json", "-o,--output OUT.pdf", "--proof DIR", "--dpi N", "--root DIR",
                               "--font-dir DIR", "--timings", "トンボ", "SOURCE_DATE_EPOCH", "Exit status: 0"})
        EXPECT_NE(run.out.find(needle), std::string::npos) << needle << "\n" << run.out;
    // Every line fits a terminal of 120 columns (display width: CJK counts 2).
    std::istringstream lines(run.out);
    for (std::string line; std::getline(lines, line);) {
        int width = 0;
        for (size_t i = 0; i < line.size();) {
            const unsigned char c = line[i];
            const int len = c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
            width += len == 3 ? 2 : 1;
            i += len;
        }
        EXPECT_LE(width, 120) << line;
    }
}

TEST(CliHelp, NoSubcommandIsAUsageError) {
    const KohoRun run = run_koho({});
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_NE(run.err.find("A subcommand is required"), std::string::npos) << run.err;
}

class CliPrint : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = new TempDir("cli-print");
        // The card's 4×4 test picture is far below print resolution, which
        // preflight (tested on its own) rightly refuses; these tests are
        // about everything else.
        run_ = new KohoRun(run_koho({"print", kData + "/ok.json", "--root", kData, "-o", pdf().string(),
                                     "--proof", proofs().string(), "--dpi", "100", "--no-preflight"},
                                    {kEpoch}));
    }
    static void TearDownTestSuite() {
        delete run_;
        delete dir_;
    }
    static fs::path pdf() { return dir_->path() / "ok.pdf"; }
    static fs::path proofs() { return dir_->path() / "proofs"; }
    static std::string tool(const std::string& command) {
        return run_command(command + " " + shell_quote(pdf().string()) + " - 2>&1").output;
    }
    static TempDir* dir_;
    static KohoRun* run_;
};
TempDir* CliPrint::dir_ = nullptr;
KohoRun* CliPrint::run_ = nullptr;

TEST_F(CliPrint, SucceedsQuietly) {
    EXPECT_EQ(run_->exit_code, 0) << run_->err;
    EXPECT_EQ(run_->err, "");
    EXPECT_EQ(run_->out, "");
    EXPECT_TRUE(fs::exists(pdf()));
    // One proof per page, named after the layout; nothing else.
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(proofs())) names.push_back(entry.path().filename().string());
    EXPECT_EQ(names, std::vector<std::string>{"ok-p1.png"});
}

TEST_F(CliPrint, EveryFontIsEmbeddedAndSubset) {
    bool ok = false;
    std::string output;
    const auto fonts = test::read_pdffonts(pdf(), ok, output);
    ASSERT_TRUE(ok) << output;
    for (const test::PdfFont& font : fonts) {
        EXPECT_TRUE(font.embedded) << "not embedded: " << font.line;
        EXPECT_TRUE(font.subset) << "not subset: " << font.line;
        EXPECT_TRUE(font.unicode) << "no ToUnicode: " << font.line;
    }
    // Serif Bold (name), Sans Regular (body), Sans Bold (strong).
    EXPECT_EQ(fonts.size(), 3u) << output;
    EXPECT_NE(output.find("NotoSerifCJKjp-Bold"), std::string::npos);
    EXPECT_NE(output.find("NotoSansCJKjp-Regular"), std::string::npos);
}

TEST_F(CliPrint, JapaneseTextIsExtractable) {
    const std::string text = tool("pdftotext -enc UTF-8");
    EXPECT_NE(text.find("千葉 花子"), std::string::npos) << text;
    EXPECT_NE(text.find("千葉県の児童相談所で、子どもと家族の明日"), std::string::npos) << text;
}

TEST_F(CliPrint, BoxesTitleAndLanguage) {
    const std::string info = run_command("pdfinfo -box " + shell_quote(pdf().string()) + " 2>&1").output;
    EXPECT_NE(info.find("Title:           koho CLI テスト 名刺"), std::string::npos) << info;
    EXPECT_NE(info.find("Creator:         koho "), std::string::npos) << info;
    EXPECT_NE(info.find("Pages:           1"), std::string::npos) << info;
    // 91 × 55 mm, 3 mm bleed, 13 mm for the marks.
    EXPECT_NE(info.find("MediaBox:            0.00     0.00   348.66   246.61"), std::string::npos) << info;
    EXPECT_NE(info.find("BleedBox:           36.85    36.85   311.81   209.76"), std::string::npos) << info;
    EXPECT_NE(info.find("TrimBox:            45.35    45.35   303.31   201.26"), std::string::npos) << info;
    // The catalog, found through the trailer, says the document is Japanese.
    const std::string trailer = run_command("qpdf --show-object=trailer " + shell_quote(pdf().string())).output;
    EXPECT_NE(trailer.find("/ID [ <"), std::string::npos) << trailer;
    std::smatch root;
    ASSERT_TRUE(std::regex_search(trailer, root, std::regex("/Root ([0-9]+) 0 R"))) << trailer;
    const std::string catalog =
        run_command("qpdf --show-object=" + root[1].str() + " " + shell_quote(pdf().string())).output;
    EXPECT_NE(catalog.find("/Lang (ja)"), std::string::npos) << catalog;
}

TEST_F(CliPrint, QpdfCheckIsClean) {
    const CommandResult check = run_command("qpdf --check " + shell_quote(pdf().string()) + " 2>&1");
    EXPECT_EQ(check.exit_code, 0) << check.output;
}

TEST_F(CliPrint, SameInputsGiveTheSameBytes) {
    TempDir again("cli-again");
    const fs::path second = again.path() / "ok.pdf";
    const KohoRun run = run_koho({"print", kData + "/ok.json", "--root", kData, "-o", second.string(), "--no-preflight"}, {kEpoch});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_TRUE(read_bytes(pdf()) == read_bytes(second)) << "the two PDFs differ";
}

// --timings reports every stage on stderr and changes nothing in the PDF.
TEST_F(CliPrint, TimingsGoToStderrAndLeaveThePdfAlone) {
    TempDir again("cli-timings");
    const fs::path second = again.path() / "ok.pdf";
    const KohoRun run = run_koho(
        {"print", kData + "/ok.json", "--root", kData, "-o", second.string(), "--timings", "--no-preflight"},
        {kEpoch});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(run.out, "");
    for (const char* stage : {"load", "fonts", "compose", "pdf", "write", "total"})
        EXPECT_TRUE(std::regex_search(run.err, std::regex(std::string("koho: timing ") + stage + " +[0-9]+\\.[0-9] ms\n")))
            << stage << "\n" << run.err;
    EXPECT_EQ(run.err.find("proofs"), std::string::npos) << "no proofs were asked for";
    EXPECT_TRUE(read_bytes(pdf()) == read_bytes(second)) << "--timings changed the PDF";
}

// The proof against tests/cli/golden/ok-p1.png. To record a new golden
// after an intended change: KOHO_UPDATE_GOLDEN=1 ctest -R CliPrint.Proof,
// then look at the image before committing it.
TEST_F(CliPrint, ProofMatchesTheGoldenImage) {
    const fs::path actual = proofs() / "ok-p1.png";
    const fs::path golden = fs::path(KOHO_SOURCE_DIR) / "tests/cli/golden/ok-p1.png";
    ASSERT_TRUE(fs::exists(actual));
    if (const char* update = std::getenv("KOHO_UPDATE_GOLDEN"); update && std::string(update) == "1") {
        fs::copy_file(actual, golden, fs::copy_options::overwrite_existing);
        GTEST_SKIP() << "recorded " << golden;
    }
    const fs::path diff = fs::temp_directory_path() / "koho-test-failures" / "ok-p1-diff.png";
    const ImageComparison cmp = compare_png(actual, golden, 8, diff);
    ASSERT_EQ(cmp.error, "");
    ASSERT_TRUE(cmp.same_size) << "proof is " << cmp.width << " x " << cmp.height << ", golden differs";
    // (91 + 6) × (55 + 6) mm at 100 dpi.
    EXPECT_EQ(cmp.width, 382);
    EXPECT_EQ(cmp.height, 241);
    // Up to 0.5 % of the pixels may move by more than 8 levels (anti-aliased
    // edges drawn by another Cairo or FreeType); a colour off by 9 levels
    // over any area, or a frame moved by 0.3 mm, fails.
    EXPECT_LE(cmp.differing_fraction(), 0.005)
        << cmp.differing << " pixels differ (max " << cmp.max_difference << "); diff image: " << diff;
}

TEST(CliPrintMarks, MarksNoneMakesABleedSizedPage) {
    TempDir dir("cli-nomarks");
    const fs::path layout = dir.path() / "nomarks.json";
    std::string text = read_bytes(kData + "/ok.json");
    const std::string from = "\"marks\": \"tombo\"";
    text.replace(text.find(from), from.size(), "\"marks\": \"none\"");
    write_bytes(layout, text);
    const fs::path pdf = dir.path() / "nomarks.pdf";
    const KohoRun run = run_koho({"print", layout.string(), "--root", kData, "-o", pdf.string(), "--no-preflight"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const std::string info = run_command("pdfinfo -box " + shell_quote(pdf.string()) + " 2>&1").output;
    EXPECT_NE(info.find("MediaBox:            0.00     0.00   274.96   172.91"), std::string::npos) << info;
    EXPECT_NE(info.find("BleedBox:            0.00     0.00   274.96   172.91"), std::string::npos) << info;
    EXPECT_NE(info.find("TrimBox:             8.50     8.50   266.46   164.41"), std::string::npos) << info;
}

}  // namespace
}  // namespace koho::test
