// `koho proof --contact-sheet` end to end: tiles for every PDF page and
// picture, in a PNG whose size follows from the tile count, the same bytes
// on every run; a directory's hidden files left out; an A3 PDF form; bad
// inputs refused with nothing written.
#include <gtest/gtest.h>

#include <cmath>
#include <regex>
#include <string>

#include "cli/koho_runner.h"
#include "cli/run_inputs.h"
#include "print/test_support.h"
#include "proof/proof_layouts.h"

namespace koho::test {
namespace {

namespace fs = std::filesystem;

uint32_t sheet_be32(const std::string& bytes, size_t at) {
    return static_cast<uint32_t>(static_cast<uint8_t>(bytes[at])) << 24 |
           static_cast<uint32_t>(static_cast<uint8_t>(bytes[at + 1])) << 16 |
           static_cast<uint32_t>(static_cast<uint8_t>(bytes[at + 2])) << 8 | static_cast<uint8_t>(bytes[at + 3]);
}

// The PNG sheet's size for `tiles` tiles (contact_sheet.cpp: 40 px margins,
// 28 px gaps, a 76 px heading, 44 px labels; A6 pages set the cell to
// 148/100 of the tile's width).
struct SheetSize {
    uint32_t w, h;
};
SheetSize expected_sheet(int tiles, int columns, int tile) {
    const int used_columns = std::min(tiles, columns);
    const int rows = (tiles + columns - 1) / columns;
    const int cell_h = static_cast<int>(std::lround(tile * 1.48));
    return {static_cast<uint32_t>(80 + used_columns * tile + (used_columns - 1) * 28),
            static_cast<uint32_t>(80 + 76 + rows * (cell_h + 44 + 28) - 28)};
}

class ContactSheet : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = new TempDir("proof-sheet");
        fs::create_directories(dir_->path() / "build" / "proofs");
        write_bytes(dir_->path() / "flyer.json", flyer_layout("説明会：1月16日（土）10時から", 3));
        // The flyer (3 pages) and a proof of its first page (one picture).
        const KohoRun run = run_koho({"print", (dir_->path() / "flyer.json").string(), "--root",
                                      dir_->path().string(), "-o", in("build/flyer.pdf"), "--no-preflight",
                                      "--proof", in("build/proofs"), "--dpi", "30"},
                                     {kEpoch});
        ASSERT_EQ(run.exit_code, 0) << run.err;
        for (int p = 2; p <= 3; ++p) fs::remove(in("build/proofs/flyer-p" + std::to_string(p) + ".png"));
        // A leftover of a killed render: hidden, never a tile.
        fs::copy_file(in("build/proofs/flyer-p1.png"), in("build/proofs/.flyer-p1.png.koho-tmp-abc123"));
        fs::copy_file(in("build/proofs/flyer-p1.png"), in("build/.hidden.png"));
    }
    static void TearDownTestSuite() { delete dir_; }
    static std::string in(const std::string& relative) { return (dir_->path() / relative).string(); }

    static TempDir* dir_;
};
TempDir* ContactSheet::dir_ = nullptr;

TEST_F(ContactSheet, ADirectoryGivesOneTilePerPageAndPicture) {
    const KohoRun run = run_koho({"proof", "--contact-sheet", "-o", in("sheet.png"), "--columns", "3", "--tile",
                                  "100", in("build")});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_NE(run.out.find(": 4 tiles"), std::string::npos) << run.out;  // 3 pages + 1 proof, no hidden file
    const std::string png = read_bytes(in("sheet.png"));
    ASSERT_GT(png.size(), 24u);
    const SheetSize want = expected_sheet(4, 3, 100);
    EXPECT_EQ(sheet_be32(png, 16), want.w);
    EXPECT_EQ(sheet_be32(png, 20), want.h);
}

TEST_F(ContactSheet, NamedFilesAreTilesInTheOrderGiven) {
    const KohoRun run = run_koho({"proof", "--contact-sheet", "-o", in("named.png"), "--columns", "2", "--tile",
                                  "80", in("build/proofs/flyer-p1.png"), in("build/flyer.pdf")});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_NE(run.out.find(": 4 tiles"), std::string::npos) << run.out;
    const std::string png = read_bytes(in("named.png"));
    const SheetSize want = expected_sheet(4, 2, 80);
    EXPECT_EQ(sheet_be32(png, 16), want.w);
    EXPECT_EQ(sheet_be32(png, 20), want.h);
}

TEST_F(ContactSheet, TheSheetIsTheSameBytesEveryRun) {
    ASSERT_EQ(run_koho({"proof", "--contact-sheet", "-o", in("s1.png"), in("build")}).exit_code, 0);
    ASSERT_EQ(run_koho({"proof", "--contact-sheet", "-o", in("s2.png"), in("build")}).exit_code, 0);
    EXPECT_EQ(read_bytes(in("s1.png")), read_bytes(in("s2.png")));
    ASSERT_EQ(run_koho({"proof", "--contact-sheet", "-o", in("s1.pdf"), in("build")}, {kEpoch}).exit_code, 0);
    ASSERT_EQ(run_koho({"proof", "--contact-sheet", "-o", in("s2.pdf"), in("build")}, {kEpoch}).exit_code, 0);
    EXPECT_EQ(read_bytes(in("s1.pdf")), read_bytes(in("s2.pdf")));
}

TEST_F(ContactSheet, ThePdfFormIsA3LandscapePagesAsManyAsTheTilesNeed) {
    // 2 columns of A6 tiles on A3 landscape: one row a sheet, 2 tiles a page.
    const KohoRun run =
        run_koho({"proof", "--contact-sheet", "-o", in("sheet.pdf"), "--columns", "2", in("build")}, {kEpoch});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const std::string info = run_command("pdfinfo " + shell_quote(in("sheet.pdf"))).output;
    EXPECT_TRUE(std::regex_search(info, std::regex(R"(Pages:\s+2\n)"))) << info;
    EXPECT_NE(info.find("1190.55 x 841.89 pts (A3)"), std::string::npos) << info;
    // The labels are text in the PDF: the file names and page numbers.
    const std::string text = run_command("pdftotext " + shell_quote(in("sheet.pdf")) + " -").output;
    EXPECT_NE(text.find("flyer.pdf"), std::string::npos) << text;
    EXPECT_NE(text.find("p.3 / 3"), std::string::npos) << text;
    EXPECT_NE(text.find("proofs/flyer-p1.png"), std::string::npos) << text;
}

TEST_F(ContactSheet, BadInputsExitTwoAndWriteNothing) {
    write_bytes(in("promo.mp4"), "not really a video");
    write_bytes(in("broken.png"), "\x89PNG\r\n\x1a\n truncated");
    fs::create_directories(in("empty"));
    const struct {
        std::vector<std::string> inputs;
        std::string message;
    } cases[] = {
        {{in("promo.mp4")}, "promo.mp4: error: not a PDF, PNG or JPEG (for a video, name the .jpg thumbnail"},
        {{in("missing.pdf")}, "missing.pdf: error: no such file or directory"},
        {{in("broken.png")}, "broken.png: error:"},
        {{in("empty")}, "empty: error: no PDF, PNG or JPEG to show"},
    };
    for (const auto& c : cases) {
        std::vector<std::string> args = {"proof", "--contact-sheet", "-o", in("bad.png")};
        args.insert(args.end(), c.inputs.begin(), c.inputs.end());
        const KohoRun run = run_koho(args);
        EXPECT_EQ(run.exit_code, 2) << c.message << ": " << run.err;
        EXPECT_NE(run.err.find(c.message), std::string::npos) << run.err;
        EXPECT_FALSE(fs::exists(in("bad.png")));
    }
    const KohoRun kind = run_koho({"proof", "--contact-sheet", "-o", in("sheet.jpg"), in("build")});
    EXPECT_EQ(kind.exit_code, 2);
    EXPECT_NE(kind.err.find("sheet.jpg: error: the contact sheet is a .png or a .pdf file"), std::string::npos)
        << kind.err;
    const KohoRun what = run_koho({"proof", "-o", in("sheet.png"), in("build")});
    EXPECT_EQ(what.exit_code, 2);
    EXPECT_NE(what.err.find("--contact-sheet: error: say which proof to make"), std::string::npos) << what.err;
}

}  // namespace
}  // namespace koho::test
