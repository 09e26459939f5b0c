// Tables end to end through the `koho` binary: the loader's table keys and
// the scene's layout together — a table continuing on the next page with
// its header repeated, and a located overset error.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "support/command.h"

namespace koho::scene {
namespace {

namespace fs = std::filesystem;

class TablePrint : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("koho-table-" + std::to_string(getpid()));
        fs::create_directories(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }

    // Writes a layout whose first table frame is `head_h` high and whose
    // continuation on page 2 is `rest_h` high, and prints it.
    test::CommandResult print(const std::string& head_h, const std::string& rest_h) {
        const fs::path layout = dir_ / "table.json";
        std::ofstream(layout) << R"({
  "type": "print", "title": "table", "lang": "ja",
  "page": { "size": "A5", "orientation": "portrait", "bleed": "3mm", "marks": "none" },
  "fonts": { "gothic": "Noto Sans CJK JP" },
  "styles": {
    "cell": { "font": "gothic", "size": "12Q", "leading": "18H" },
    "head": { "font": "gothic", "weight": 700, "size": "12Q", "leading": "18H", "align": "center" }
  },
  "pages": [
    { "frames": [
      { "type": "table", "id": "jobs", "x": "12mm", "y": "20mm", "w": "124mm", "h": ")" +
                                head_h + R"(",
        "style": "cell", "columns": ["28mm", "1fr"], "padding": "1.5mm",
        "border": { "color": "#999999", "width": "0.2mm" },
        "header_rows": 1, "header": { "fill": "#e2eff0", "style": "head" }, "zebra": "#fbf5eb",
        "next": "jobs-2",
        "rows": [
          ["職種", "仕事"],
          ["児童福祉司", "相談と援助の方針"],
          ["児童心理司", "心理検査と心のケア"],
          ["児童指導員", "一時保護所での生活支援"],
          ["保育士", "一時保護所での保育"]
        ] }
    ] },
    { "frames": [
      { "type": "table", "id": "jobs-2", "x": "12mm", "y": "20mm", "w": "124mm", "h": ")" +
                                rest_h + R"(" }
    ] }
  ]
})";
        pdf_ = dir_ / "table.pdf";
        return test::run_command(std::string(KOHO_BINARY) + " print " + test::shell_quote(layout.string()) +
                                 " -o " + test::shell_quote(pdf_.string()) + " --root " +
                                 test::shell_quote(KOHO_SOURCE_DIR) + " 2>&1");
    }

    std::string page_text(int page) {
        return test::run_command("pdftotext -enc UTF-8 -f " + std::to_string(page) + " -l " + std::to_string(page) +
                                 " " + test::shell_quote(pdf_.string()) + " -")
            .output;
    }

    fs::path dir_, pdf_;
};

TEST_F(TablePrint, RowsThatDoNotFitContinueUnderARepeatedHeader) {
    // One-line rows are 6 mm (a 12Q line + 2 × 1.5 mm padding): the head
    // frame holds the header and two rows, not three.
    auto result = print("20mm", "60mm");
    ASSERT_EQ(result.exit_code, 0) << result.output;
    std::string first = page_text(1), second = page_text(2);
    EXPECT_NE(first.find("職種"), std::string::npos) << first;
    EXPECT_NE(first.find("児童心理司"), std::string::npos) << first;
    EXPECT_EQ(first.find("児童指導員"), std::string::npos) << first;
    EXPECT_NE(second.find("職種"), std::string::npos) << second;  // the header again
    EXPECT_NE(second.find("児童指導員"), std::string::npos) << second;
    EXPECT_NE(second.find("保育士"), std::string::npos) << second;
    EXPECT_EQ(second.find("児童福祉司"), std::string::npos) << second;
}

TEST_F(TablePrint, RowsLeftOverAreALocatedError) {
    auto result = print("20mm", "10mm");
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_NE(result.output.find("table.json:11:7: error: overset table: 2 rows did not fit: row 4 (line 20) is 6mm "
                                 "tall (12mm with the header rows)"),
              std::string::npos)
        << result.output;
    EXPECT_NE(result.output.find("but frame 'jobs-2' on page 2 is only 10mm high"), std::string::npos)
        << result.output;
}

}  // namespace
}  // namespace koho::scene
