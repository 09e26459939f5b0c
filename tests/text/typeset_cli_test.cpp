// `koho typeset` as a user runs it: exit codes, messages, JSON shape, PNG.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "support/command.h"

namespace {

struct Result {
    int code = -1;
    std::string output;  // stdout and stderr
};

Result run_koho(const std::string& args) {
    const auto r = ::koho::test::run_command(std::string(KOHO_BINARY) + " " + args + " 2>&1");
    return {r.exit_code, r.output};
}

TEST(TypesetCli, MissingFamilyIsBadInputNamingFamilyAndFontDirectory) {
    Result r = run_koho("typeset --text 'あ' --width-em 5 --font 'Hiragino Mincho ProN' --json");
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.output.find("--font: error: font family \"Hiragino Mincho ProN\" not found"), std::string::npos)
        << r.output;
    EXPECT_NE(r.output.find("searched: "), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("fonts"), std::string::npos) << r.output;
}

TEST(TypesetCli, SystemFontDirectoryIsNeverSearched) {
    // DejaVu is a common system font; koho must not see it.
    Result r = run_koho("typeset --text 'A' --width-em 5 --font 'DejaVu Sans' --json");
    EXPECT_EQ(r.code, 2) << r.output;
}

TEST(TypesetCli, BadOptionsAreBadInput) {
    EXPECT_EQ(run_koho("typeset --text 'あ' --width-em 5 --kinsoku strictest").code, 2);
    EXPECT_EQ(run_koho("typeset --text 'あ' --width-em 0").code, 2);
    EXPECT_EQ(run_koho("typeset --text 'あ' --width-em 5 --font-dir /nonexistent/dir").code, 2);
}

TEST(TypesetCli, JsonHasExactlyTheDocumentedShape) {
    Result r = run_koho("typeset --text '児童相談所で働く専門職です。' --width-em 13 --no-hanging --json");
    ASSERT_EQ(r.code, 0) << r.output;
    const auto doc = nlohmann::json::parse(r.output);
    ASSERT_EQ(doc.size(), 1u);
    ASSERT_TRUE(doc.at("lines").is_array());
    ASSERT_EQ(doc["lines"].size(), 2u);
    for (const auto& line : doc["lines"]) {
        EXPECT_EQ(line.size(), 3u);
        EXPECT_TRUE(line.at("text").is_string());
        EXPECT_TRUE(line.at("hanging").is_boolean());
        EXPECT_TRUE(line.at("width_em").is_number());
    }
    EXPECT_DOUBLE_EQ(doc["lines"][0]["width_em"].get<double>(), 13.0);
}

TEST(TypesetCli, PngIsWrittenWhole) {
    const auto dir = std::filesystem::temp_directory_path() / "koho-typeset-cli-test";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    const auto png = dir / "out.png";
    Result r = run_koho("typeset --text '「縦組み」の2025年' --width-em 6 --writing vertical --png " + png.string());
    ASSERT_EQ(r.code, 0) << r.output;
    std::ifstream in(png, std::ios::binary);
    std::string magic(8, '\0');
    in.read(magic.data(), 8);
    EXPECT_EQ(magic, std::string("\x89PNG\r\n\x1a\n", 8));
    size_t files = 0;
    for (const auto& e : std::filesystem::directory_iterator(dir)) files += e.is_regular_file();
    EXPECT_EQ(files, 1u);  // no temporary left behind
    std::filesystem::remove_all(dir);
}

}  // namespace

TEST(TypesetCli, MarkupIsTheLayoutsWithErrorsInTheOption) {
    // The layout parser reads --text: an error points into the option's text.
    Result r = run_koho("typeset --text '本**文' --width-em 5 --json");
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.output.find("<--text>:1:2: error: '**' (strong) is not closed before the end of the paragraph"),
              std::string::npos)
        << r.output;
    r = run_koho("typeset --text '一行目\n二{行|' --width-em 5 --json");
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.output.find("<--text>:2:2: error: '{' (ruby) without a matching '}'"), std::string::npos)
        << r.output;
    // Markup the old reader did not know: a marked tate-chu-yoko run is one
    // em in vertical text, three characters in horizontal text.
    r = run_koho("typeset --text '本当[[!?]]' --width-em 5 --writing vertical --json");
    ASSERT_EQ(r.code, 0) << r.output;
    auto doc = nlohmann::json::parse(r.output);
    EXPECT_EQ(doc["lines"][0]["text"], "本当!?");
    EXPECT_NEAR(doc["lines"][0]["width_em"].get<double>(), 3, 1e-9);
    r = run_koho("typeset --text '[[AB]]' --width-em 5 --json");
    ASSERT_EQ(r.code, 0) << r.output;
    EXPECT_EQ(nlohmann::json::parse(r.output)["lines"][0]["text"], "AB");
}
