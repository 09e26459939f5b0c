// `koho impose` through the real binary: exit status, the exact message,
// the imposed PDF, and nothing replaced at -o when it fails.
#include <gtest/gtest.h>
#include <qpdf/QPDF.hh>

#include <filesystem>
#include <string>

#include "../print/booklet_pdf.h"
#include "../print/test_support.h"
#include "koho_runner.h"

namespace koho::test {
namespace {

namespace fs = std::filesystem;

class ImposeCli : public ::testing::Test {
protected:
    void SetUp() override {
        in_ = dir_.path() / "booklet.pdf";
        out_ = dir_.path() / "sheets.pdf";
        write_bytes(in_, make_booklet_pdf({}));
    }
    std::vector<std::vector<double>> trim_boxes(const fs::path& pdf_path) {
        QPDF pdf;
        pdf.processFile(pdf_path.c_str());
        std::vector<std::vector<double>> boxes;
        for (auto page : pdf.getAllPages()) {
            std::vector<double> box;
            for (auto v : page.getKey("/TrimBox").getArrayAsVector()) box.push_back(v.getNumericValue());
            boxes.push_back(box);
        }
        return boxes;
    }
    TempDir dir_{"impose-cli"};
    fs::path in_, out_;
};

TEST_F(ImposeCli, WritesFourSheetSidesForEightPages) {
    const KohoRun run = run_koho({"impose", in_.string(), "--saddle-stitch", "-o", out_.string()});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(run.err, "");
    EXPECT_EQ(run.out, "");
    const auto boxes = trim_boxes(out_);
    ASSERT_EQ(boxes.size(), 4u);
    // Two 50 mm pages side by side.
    EXPECT_NEAR(boxes[0][2] - boxes[0][0], 100 * 72 / 25.4, 1e-3);
    // Deterministic: the same bytes again, and for --binding right other ones.
    const std::string first = read_bytes(out_);
    ASSERT_EQ(run_koho({"impose", in_.string(), "--saddle-stitch", "-o", out_.string()}).exit_code, 0);
    EXPECT_EQ(read_bytes(out_), first);
    ASSERT_EQ(run_koho({"impose", in_.string(), "--saddle-stitch", "--binding", "right", "-o", out_.string()})
                  .exit_code,
              0);
    EXPECT_NE(read_bytes(out_), first);
}

TEST_F(ImposeCli, BindingDefaultsToWhatThePdfDeclares) {
    auto impose = [&](std::vector<std::string> extra) {
        std::vector<std::string> args{"impose", in_.string(), "--saddle-stitch", "-o", out_.string()};
        args.insert(args.end(), extra.begin(), extra.end());
        const KohoRun run = run_koho(args);
        EXPECT_EQ(run.exit_code, 0) << run.err;
        return read_bytes(out_);
    };
    BookletSpec spec;
    spec.direction = "/R2L";
    write_bytes(in_, make_booklet_pdf(spec));
    const std::string declared = impose({});
    EXPECT_EQ(declared, impose({"--binding", "right"}));
    EXPECT_NE(declared, impose({"--binding", "left"}));  // the option wins
    write_bytes(in_, make_booklet_pdf({}));
    EXPECT_EQ(impose({}), impose({"--binding", "left"}));
}

TEST_F(ImposeCli, OddCountIsBadInputUnlessPadded) {
    BookletSpec spec;
    spec.pages = 7;
    write_bytes(in_, make_booklet_pdf(spec));
    write_bytes(out_, "old");
    KohoRun run = run_koho({"impose", in_.string(), "--saddle-stitch", "-o", out_.string()});
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_EQ(run.err, in_.string() +
                           ": error: the PDF has 7 pages; a saddle-stitched booklet needs a multiple of 4 "
                           "(--pad adds 1 blank page before the back cover)\n");
    EXPECT_EQ(read_bytes(out_), "old");
    run = run_koho({"impose", in_.string(), "--saddle-stitch", "--pad", "-o", out_.string()});
    EXPECT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(trim_boxes(out_).size(), 4u);
}

TEST_F(ImposeCli, MissingTrimBoxIsBadInput) {
    BookletSpec spec;
    spec.page_without_trim = 2;
    write_bytes(in_, make_booklet_pdf(spec));
    const KohoRun run = run_koho({"impose", in_.string(), "--saddle-stitch", "-o", out_.string()});
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_EQ(run.err, in_.string() +
                           ": error: page 2 has no TrimBox; imposition needs the trimmed size of every page\n");
    EXPECT_FALSE(fs::exists(out_));
}

TEST_F(ImposeCli, OptionErrors) {
    KohoRun run = run_koho({"impose", in_.string(), "-o", out_.string()});
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_EQ(run.err, "--saddle-stitch: error: name the imposition: --saddle-stitch\n");

    run = run_koho({"impose", in_.string(), "--saddle-stitch", "--binding", "top", "-o", out_.string()});
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_EQ(run.err, "--binding: top not in {left,right}\nRun with --help for more information.\n");
    EXPECT_FALSE(fs::exists(out_));

    const std::string missing = (dir_.path() / "nothing.pdf").string();
    run = run_koho({"impose", missing, "--saddle-stitch", "-o", out_.string()});
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_EQ(run.err, missing + ": error: cannot open the PDF\n");
    EXPECT_FALSE(fs::exists(out_));
}

}  // namespace
}  // namespace koho::test
