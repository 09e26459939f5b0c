// Every JLReq case (../shared/jlreq/cases.json and tests/text/cases.json)
// through the `koho typeset --json` binary, one test per case. The cases
// are read when the test binary runs: expectations live only in the JSON.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support/command.h"

namespace {

struct Case {
    std::string file;
    nlohmann::json data;
    bool optional = false;  // the shared cases live outside the repository
};

// Readable test parameters in ctest output.
void PrintTo(const Case& c, std::ostream* os) { *os << (c.data.is_null() ? c.file : c.data.value("id", "?")); }

std::vector<Case> load(const std::string& file, bool optional = false) {
    std::ifstream in(file);
    if (!in) return {Case{file, nullptr, optional}};  // reported by the test
    nlohmann::json all = nlohmann::json::parse(in);
    std::vector<Case> cases;
    for (auto& c : all) cases.push_back({file, c});
    return cases;
}

class JlreqCase : public testing::TestWithParam<Case> {};

TEST_P(JlreqCase, SetsExpectedLines) {
    const Case& c = GetParam();
    if (c.data.is_null() && c.optional) GTEST_SKIP() << "no shared cases at " << c.file << " (outside this checkout)";
    ASSERT_FALSE(c.data.is_null()) << "cannot read " << c.file;
    const auto& o = c.data.at("options");
    std::string command = std::string(KOHO_BINARY) + " typeset --text " + koho::test::shell_quote(c.data.at("text")) +
                          " --width-em " + c.data.at("width_em").dump() +
                          " --kinsoku " + o.value("kinsoku", std::string("strict")) +
                          (o.value("hanging", false) ? " --hanging" : " --no-hanging") +
                          " --indent-em " + o.value("indent_em", nlohmann::json(0)).dump() +
                          " --font " + koho::test::shell_quote(o.value("font", std::string("Noto Sans CJK JP"))) +
                          " --writing " + o.value("writing", std::string("horizontal")) + " --json";
    const auto result = koho::test::run_command(command);
    const std::string& out = result.output;
    ASSERT_EQ(result.exit_code, 0) << command << "\n" << out;
    const nlohmann::json got = nlohmann::json::parse(out);
    std::vector<std::string> lines;
    for (const auto& l : got.at("lines")) lines.push_back(l.at("text"));
    EXPECT_EQ(lines, c.data.at("expected_lines").get<std::vector<std::string>>())
        << c.data.value("rule", "") << "\n" << c.data.value("why", "");
    if (c.data.contains("expected_width_em")) {
        const auto widths = c.data.at("expected_width_em").get<std::vector<double>>();
        ASSERT_EQ(widths.size(), got.at("lines").size());
        for (size_t i = 0; i < widths.size(); ++i)
            EXPECT_NEAR(got["lines"][i].at("width_em").get<double>(), widths[i], 1e-3) << "line " << i;
    }
    if (c.data.contains("expected_hanging")) {
        const auto hanging = c.data.at("expected_hanging").get<std::vector<bool>>();
        ASSERT_EQ(hanging.size(), got.at("lines").size());
        for (size_t i = 0; i < hanging.size(); ++i)
            EXPECT_EQ(got["lines"][i].at("hanging").get<bool>(), hanging[i]) << "line " << i;
    }
}

std::string case_name(const testing::TestParamInfo<Case>& info) {
    if (info.param.data.is_null()) return "missing_file";
    std::string id = info.param.data.at("id");
    for (char& ch : id)
        if (!isalnum(static_cast<unsigned char>(ch))) ch = '_';
    return id;
}

INSTANTIATE_TEST_SUITE_P(Shared, JlreqCase, testing::ValuesIn(load(KOHO_SHARED_DIR "/jlreq/cases.json", true)), case_name);
INSTANTIATE_TEST_SUITE_P(Own, JlreqCase, testing::ValuesIn(load(KOHO_SOURCE_DIR "/tests/text/cases.json")), case_name);

}  // namespace
