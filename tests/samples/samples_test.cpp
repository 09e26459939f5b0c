// The campaign's sample layouts, rendered as `make assets` renders them,
// checked for what a print shop and a reader need: page count, TrimBox and
// BleedBox on every page, embedded fonts, extractable Japanese, metadata.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <regex>
#include <sstream>

#include <unistd.h>

#include "support/command.h"

namespace koho::test {
namespace {

namespace fs = std::filesystem;

struct Sample {
    const char* name;
    int pages;
    double trim_w_mm, trim_h_mm;
    const char* phrase;  // copy that must come out of pdftotext
};

void PrintTo(const Sample& s, std::ostream* os) { *os << s.name; }

constexpr double kMm = 72.0 / 25.4;

class SampleTest : public ::testing::TestWithParam<Sample> {
protected:
    // Under ctest, each layout was rendered once by its fixture test
    // (CMakeLists.txt) into KOHO_SAMPLES_DIR; a missing PDF there means that
    // render failed. Run directly, the binary renders into a directory of
    // its own process.
    static const char* fixture_dir() { return std::getenv("KOHO_SAMPLES_DIR"); }

    static fs::path out_dir() {
        static const fs::path dir = [] {
            if (fixture_dir()) return fs::path(fixture_dir());
            fs::path d = fs::temp_directory_path() / ("koho-samples-" + std::to_string(getpid()));
            fs::remove_all(d);
            fs::create_directories(d);
            return d;
        }();
        return dir;
    }

    static void TearDownTestSuite() {
        if (fixture_dir()) return;
        std::error_code ec;
        fs::remove_all(out_dir(), ec);
    }

    fs::path rendered() {
        const Sample& s = GetParam();
        fs::path pdf = out_dir() / (std::string(s.name) + ".pdf");
        fs::path proofs = out_dir() / (std::string(s.name) + "-proofs");
        if (fixture_dir()) {
            EXPECT_TRUE(fs::exists(pdf)) << pdf << " is missing: its render (ctest -R samples.render) failed";
        } else if (!fs::exists(pdf)) {
            fs::create_directories(proofs);
            auto r = run_command(std::string(KOHO_BINARY) + " print layouts/" + s.name + ".json -o " +
                                 shell_quote(pdf.string()) + " --proof " + shell_quote(proofs.string()) + " 2>&1");
            EXPECT_EQ(r.exit_code, 0) << r.output;
        }
        return pdf;
    }
};

TEST_P(SampleTest, HasThePageCountAndProofs) {
    fs::path pdf = rendered();
    auto r = run_command("qpdf --show-npages " + shell_quote(pdf.string()) + " 2>&1");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_EQ(std::stoi(r.output), GetParam().pages);
    fs::path proofs = out_dir() / (std::string(GetParam().name) + "-proofs");
    for (int page = 1; page <= GetParam().pages; ++page)
        EXPECT_TRUE(fs::exists(proofs / (std::string(GetParam().name) + "-p" + std::to_string(page) + ".png")))
            << "proof of page " << page;
}

TEST_P(SampleTest, QpdfFindsNoDamage) {
    auto r = run_command("qpdf --check " + shell_quote(rendered().string()) + " 2>&1");
    EXPECT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find("No syntax or stream encoding errors"), std::string::npos) << r.output;
}

TEST_P(SampleTest, EveryPageHasTrimAndBleedBoxes) {
    const Sample& s = GetParam();
    // pdfinfo -box prints the boxes of each page in points.
    auto r = run_command("pdfinfo -box -f 1 -l " + std::to_string(s.pages) + " " +
                         shell_quote(rendered().string()) + " 2>&1");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    std::regex box_line(R"(Page\s+(\d+)\s+(TrimBox|BleedBox|MediaBox):\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+))");
    int trims = 0, bleeds = 0;
    for (std::sregex_iterator it(r.output.begin(), r.output.end(), box_line), end; it != end; ++it) {
        double w = std::stod((*it)[5]) - std::stod((*it)[3]);
        double h = std::stod((*it)[6]) - std::stod((*it)[4]);
        if ((*it)[2] == "TrimBox") {
            ++trims;
            EXPECT_NEAR(w, s.trim_w_mm * kMm, 0.05) << (*it)[0];
            EXPECT_NEAR(h, s.trim_h_mm * kMm, 0.05) << (*it)[0];
        } else if ((*it)[2] == "BleedBox") {
            ++bleeds;
            EXPECT_NEAR(w, (s.trim_w_mm + 6) * kMm, 0.05) << (*it)[0];
            EXPECT_NEAR(h, (s.trim_h_mm + 6) * kMm, 0.05) << (*it)[0];
        }
    }
    EXPECT_EQ(trims, s.pages);
    EXPECT_EQ(bleeds, s.pages);
}

TEST_P(SampleTest, FontsAreEmbeddedAndSubset) {
    bool ok = false;
    std::string output;
    const auto fonts = read_pdffonts(rendered(), ok, output);
    ASSERT_TRUE(ok) << output;
    EXPECT_GT(fonts.size(), 0u);
    for (const PdfFont& font : fonts) {
        EXPECT_TRUE(font.embedded) << "not embedded: " << font.line;
        EXPECT_TRUE(font.subset) << "not subset: " << font.line;
        EXPECT_TRUE(font.unicode) << "no ToUnicode: " << font.line;
    }
}

TEST_P(SampleTest, JapaneseTextIsExtractable) {
    auto r = run_command("pdftotext -enc UTF-8 " + shell_quote(rendered().string()) + " - 2>&1");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find(GetParam().phrase), std::string::npos) << r.output.substr(0, 2000);
}

TEST_P(SampleTest, MetadataNamesTitleAndLanguage) {
    auto r = run_command("pdfinfo " + shell_quote(rendered().string()) + " 2>&1");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find("Title:"), std::string::npos);
    EXPECT_TRUE(std::regex_search(r.output, std::regex(R"(Creator:\s+koho \d)"))) << r.output;
    auto objects = run_command("qpdf --json=2 --json-key=qpdf " + shell_quote(rendered().string()) + " 2>&1");
    ASSERT_EQ(objects.exit_code, 0) << objects.output.substr(0, 500);
    EXPECT_NE(objects.output.find("\"/Lang\": \"u:ja\""), std::string::npos);
}

// The booth poster is all vector art (SVG mascot and icons, gradients, QR
// modules): nothing in it may turn into an image.
TEST(PosterB2, HasNoImages) {
    fs::path dir = fs::temp_directory_path() / ("koho-poster-" + std::to_string(getpid()));
    fs::create_directories(dir);
    fs::path pdf = dir / "poster-b2.pdf";
    auto r = run_command(std::string(KOHO_BINARY) + " print layouts/poster-b2.json -o " + shell_quote(pdf.string()) +
                         " 2>&1");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    r = run_command("pdfimages -list " + shell_quote(pdf.string()) + " 2>&1");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    // Two header lines, then a line per image.
    EXPECT_EQ(std::count(r.output.begin(), r.output.end(), '\n'), 2) << r.output;
    std::error_code ec;
    fs::remove_all(dir, ec);
}

INSTANTIATE_TEST_SUITE_P(Layouts, SampleTest,
                         ::testing::Values(Sample{"pamphlet-a4", 8, 210, 297, "児童福祉司"},
                                           Sample{"pamphlet-a5", 4, 148, 210, "児童心理司"},
                                           Sample{"flyer-setsumeikai", 1, 210, 297, "説明会"},
                                           Sample{"poster-b2", 1, 515, 728, "子どもの明日を、"},
                                           Sample{"panel-a1", 1, 594, 841, "それぞれの専門性で、子どもを守る"}),
                         [](const auto& info) {
                             std::string name = info.param.name;
                             for (char& c : name)
                                 if (c == '-') c = '_';
                             return name;
                         });

}  // namespace
}  // namespace koho::test
