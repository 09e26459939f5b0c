// A small project for `koho run-job` and `koho jobs` end to end: a card
// layout, a data-merge of it over two records, and a layout that plans but
// fails to render. Jobs of the default plan: 0 print card, 1 web card, 2
// and 3 the two records of cards, 4 print bad, 5 web bad.
#pragma once

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include <nlohmann/json.hpp>

#include "support/command.h"

namespace koho::test {

inline std::string card_layout(const std::string& merge, const std::string& text) {
    return R"({"type": "print", )" + merge + R"(
"page": {"size": {"w": "400px", "h": "300px"}, "bleed": "0mm", "marks": "none"},
"color": {"mode": "rgb"},
"fonts": {"gothic": "Noto Sans CJK JP"},
"styles": {"body": {"font": "gothic", "size": "20px", "leading": "28px"}},
"pages": [{"frames": [
  {"type": "text", "x": "20px", "y": "20px", "w": "360px", "h": "40px", "style": "body", "text": ")" +
           text + R"("}]}]}
)";
}

inline std::string read(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

class PlanProject : public ::testing::Test {
protected:
    void SetUp() override {
        root_ = std::filesystem::temp_directory_path() / ("koho-run-job-" + std::to_string(::getpid()));
        std::filesystem::remove_all(root_);
        for (const char* sub : {"layouts", "data", "media"}) std::filesystem::create_directories(root_ / sub);
        std::ofstream(root_ / "data/s.csv") << "id,venue\nchiba,千葉会場\nonline,オンライン\n";
        std::ofstream(root_ / "layouts/card.json") << card_layout("", "里親説明会のご案内");
        std::ofstream(root_ / "layouts/cards.json")
            << card_layout(R"("data": "data/s.csv", "output": "card-{{id}}.png",)", "{{venue}}");
        // Plans fine (koho plan reads only "type"); fails when rendered.
        std::string bad = card_layout("", "x");
        bad.replace(bad.find("\"style\": \"body\""), 15, "\"style\": \"nosuch\"");
        std::ofstream(root_ / "layouts/bad.json") << bad;
        root_ = std::filesystem::canonical(root_);
    }
    void TearDown() override { std::filesystem::remove_all(root_); }

    // koho from `cwd` (default: the project root), stdout and stderr together.
    CommandResult koho(const std::string& args, const std::string& env = "", const std::filesystem::path& cwd = {}) const {
        return run_command("cd " + shell_quote((cwd.empty() ? root_ : cwd).string()) +
                           " && env SOURCE_DATE_EPOCH=0 " + env + " " + shell_quote(KOHO_BINARY) + " " + args +
                           " 2>&1");
    }
    void plan(const std::string& layouts = "layouts/card.json layouts/cards.json layouts/bad.json") const {
        const CommandResult r = koho("plan -o manifest.json " + layouts);
        ASSERT_EQ(r.exit_code, 0) << r.output;
    }
    nlohmann::json result(size_t index, const std::string& dir = "output/.jobs") const {
        const std::filesystem::path file = root_ / dir / ("job-" + std::to_string(index) + ".json");
        EXPECT_TRUE(std::filesystem::exists(file)) << file;
        return std::filesystem::exists(file) ? nlohmann::json::parse(read(file)) : nlohmann::json();
    }
    std::filesystem::path root_;
};

}  // namespace koho::test
