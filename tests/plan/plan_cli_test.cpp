// `koho plan` on the sample campaign: the outputs are Makefile.assets's,
// the manifest's bytes are the same run to run, segments come with a join
// that waits for them.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "support/command.h"

namespace koho::test {
namespace {

namespace fs = std::filesystem;

// koho in the repository (the sample campaign's root), stdout only.
CommandResult koho_here(const std::string& args) {
    return run_command("cd " + shell_quote(KOHO_SOURCE_DIR) + " && " + shell_quote(KOHO_BINARY) + " " + args +
                       " 2>/dev/null");
}

std::set<std::string> words(const std::string& text) {
    std::set<std::string> out;
    std::istringstream in(text);
    for (std::string word; in >> word;) out.insert(word);
    return out;
}

// What `make assets` renders, as Makefile.assets computes it: its RENDERS
// variable, printed by a rule added on the command line (make -n prints
// the echo rather than running it). Its generated lists of variants and
// records go to a scratch DEPS_DIR, so the project is left as it was;
// MEDIA= keeps make from wanting the media generator.
std::set<std::string> makefile_renders() {
    const fs::path scratch = fs::temp_directory_path() / ("koho-plan-make-" + std::to_string(::getpid()));
    const CommandResult make = run_command(
        "cd " + shell_quote(KOHO_SOURCE_DIR) +
        " && env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make --no-print-directory -f Makefile.assets -n KOHO=" +
        shell_quote(KOHO_BINARY) + " MEDIA= DEPS_DIR=" + shell_quote(scratch.string()) +
        " --eval 'koho-plan-renders: ; @echo RENDERS $(RENDERS)' koho-plan-renders 2>&1");
    fs::remove_all(scratch);
    EXPECT_EQ(make.exit_code, 0) << make.output;
    const size_t at = make.output.find("echo RENDERS ");
    EXPECT_NE(at, std::string::npos) << make.output;
    if (at == std::string::npos) return {};
    return words(make.output.substr(at + 13, make.output.find('\n', at) - at - 13));
}

TEST(PlanSample, ListsWhatMakefileAssetsRenders) {
    const CommandResult plan = koho_here("plan --json");
    ASSERT_EQ(plan.exit_code, 0) << plan.output;
    const nlohmann::json manifest = nlohmann::json::parse(plan.output);
    std::set<std::string> outputs;
    for (const auto& job : manifest["jobs"])
        for (const auto& output : job["outputs"]) EXPECT_TRUE(outputs.insert(output.get<std::string>()).second) << output;
    const std::set<std::string> renders = makefile_renders();
    EXPECT_GT(renders.size(), 20u);  // the print PDFs, web editions, videos, variants and records
    EXPECT_EQ(outputs, renders);
    EXPECT_EQ(manifest["job_count"], manifest["jobs"].size());
}

TEST(PlanSample, SameBytesEveryTimeIndexesInOrder) {
    const CommandResult first = koho_here("plan --json");
    const CommandResult second = koho_here("plan --json");
    ASSERT_EQ(first.exit_code, 0);
    EXPECT_EQ(first.output, second.output);
    const nlohmann::json manifest = nlohmann::json::parse(first.output);
    EXPECT_EQ(manifest["koho_manifest"], 1);
    EXPECT_EQ(manifest["root"], fs::canonical(KOHO_SOURCE_DIR).string());
    size_t i = 0;
    for (const auto& job : manifest["jobs"]) EXPECT_EQ(job["index"], i++);
    // Layouts in the order given: naming two flips their jobs and only those.
    const CommandResult ab = koho_here("plan --json layouts/poster-b2.json layouts/panel-a1.json");
    const nlohmann::json jobs = nlohmann::json::parse(ab.output)["jobs"];
    ASSERT_EQ(jobs.size(), 4u);
    EXPECT_EQ(jobs[0]["outputs"][0], "output/poster-b2.pdf");
    EXPECT_EQ(jobs[1]["outputs"][0], "output/web/poster-b2.pdf");
    EXPECT_EQ(jobs[2]["outputs"][0], "output/panel-a1.pdf");
}

// Each kind's command is the one Makefile.assets's rule runs.
TEST(PlanSample, CommandsAreMakefileAssetsRules) {
    const CommandResult plan =
        koho_here("plan --json layouts/panel-a1.json layouts/banner-wide.json layouts/promo-30s.json");
    ASSERT_EQ(plan.exit_code, 0);
    const nlohmann::json jobs = nlohmann::json::parse(plan.output)["jobs"];
    using Argv = std::vector<std::string>;
    EXPECT_EQ(jobs[0]["argv"].get<Argv>(),
              (Argv{"koho", "print", "layouts/panel-a1.json", "-o", "output/panel-a1.pdf", "--proof",
                    "output/proofs/panel-a1", "--spreads", "--deps", "output/.deps/panel-a1.pdf.d"}));
    EXPECT_EQ(jobs[1]["argv"].get<Argv>(), (Argv{"koho", "print", "layouts/panel-a1.json", "-o", "output/web/panel-a1.pdf",
                                                 "--web", "--deps", "output/.deps/web/panel-a1.pdf.d"}));
    EXPECT_EQ(jobs[2]["kind"], "merge");
    EXPECT_EQ(jobs[2]["record"], 1);
    EXPECT_EQ(jobs[2]["argv"].get<Argv>(),
              (Argv{"koho", "print", "layouts/banner-wide.json", "--output-dir", "output/banner-wide", "--records", "1",
                    "--deps", "output/.deps/banner-wide"}));
    const nlohmann::json& video = jobs[jobs.size() - 2];
    EXPECT_EQ(video["kind"], "video");
    EXPECT_EQ(video["argv"].get<Argv>(), (Argv{"koho", "video", "layouts/promo-30s.json", "-o", "output/promo-30s.mp4",
                                               "--deps", "output/.deps/promo-30s.mp4.d"}));
    EXPECT_EQ(jobs.back()["variant"], "9x16");
    EXPECT_EQ(jobs.back()["argv"][3], "--variant");
}

TEST(PlanSample, SegmentsThenJoinsThatWaitForThem) {
    const CommandResult plan = koho_here("plan --json --segments 3 layouts/promo-30s.json");
    ASSERT_EQ(plan.exit_code, 0);
    const nlohmann::json manifest = nlohmann::json::parse(plan.output);
    const nlohmann::json& jobs = manifest["jobs"];
    ASSERT_EQ(jobs.size(), 8u);  // (main + 9x16) × (3 segments + a join)
    for (size_t i = 0; i < 6; ++i) {
        EXPECT_EQ(jobs[i]["kind"], "segment");
        EXPECT_EQ(jobs[i]["stage"], 0);
        EXPECT_TRUE(jobs[i]["depends_on"].empty());
    }
    EXPECT_EQ(jobs[1]["argv"][3], "--segment");
    EXPECT_EQ(jobs[1]["argv"][4], "2/3");
    for (size_t j : {6u, 7u}) {
        EXPECT_EQ(jobs[j]["kind"], "concat");
        EXPECT_EQ(jobs[j]["stage"], 1);
        const size_t first = j == 6 ? 0 : 3;
        EXPECT_EQ(jobs[j]["depends_on"], (nlohmann::json{first, first + 1, first + 2}));
        // The join names its segments in order, as koho concat wants them.
        for (size_t k = 0; k < 3; ++k) EXPECT_EQ(jobs[j]["argv"][4 + k], jobs[first + k]["outputs"][0]);
    }
    EXPECT_EQ(jobs[7]["outputs"][0], "output/promo-30s-9x16.mp4");
    EXPECT_EQ(manifest["stages"], nlohmann::json::parse(R"([{"stage":0,"first":0,"last":5},{"stage":1,"first":6,"last":7}])"));
}

// A join run before its segments succeeded is refused, with a result.
TEST(PlanSample, AJoinWaitsForItsSegmentsResults) {
    const fs::path scratch = fs::temp_directory_path() / ("koho-plan-join-" + std::to_string(::getpid()));
    fs::create_directories(scratch);
    const std::string manifest = (scratch / "m.json").string();
    ASSERT_EQ(koho_here("plan --segments 2 layouts/promo-main.json -o " + shell_quote(manifest)).exit_code, 0);
    const CommandResult join = run_command("cd / && " + shell_quote(KOHO_BINARY) + " run-job " + shell_quote(manifest) +
                                           " --index 2 --results " + shell_quote((scratch / "r").string()) + " 2>&1");
    EXPECT_EQ(join.exit_code, 2) << join.output;
    EXPECT_NE(join.output.find("job 2 joins job 0, which has not succeeded"), std::string::npos) << join.output;
    std::ifstream in(scratch / "r/job-2.json");
    const nlohmann::json result = nlohmann::json::parse(in, nullptr, false);
    EXPECT_EQ(result.value("exit_code", -1), 2) << result;
    EXPECT_EQ(result.value("kind", ""), "concat");
    fs::remove_all(scratch);
}

TEST(PlanSample, TableAndRefusals) {
    const CommandResult table = koho_here("plan layouts/poster-b2.json --editions web");
    ASSERT_EQ(table.exit_code, 0);
    EXPECT_NE(table.output.find("0     0     web     layouts/poster-b2.json"), std::string::npos) << table.output;
    EXPECT_EQ(table.output.find("output/poster-b2.pdf"), std::string::npos) << table.output;
    const std::string q = shell_quote(KOHO_SOURCE_DIR) + " && " + shell_quote(KOHO_BINARY);
    const CommandResult twice = run_command("cd " + q + " plan layouts/poster-b2.json layouts/poster-b2.json 2>&1");
    EXPECT_EQ(twice.exit_code, 2);
    EXPECT_NE(twice.output.find("layouts/poster-b2.json: error: the layout is named twice"), std::string::npos)
        << twice.output;
    const CommandResult schema = run_command("cd " + q + " plan layouts/schema/layout.schema.json 2>&1");
    EXPECT_EQ(schema.exit_code, 2) << schema.output;
    EXPECT_NE(schema.output.find("\"type\" \"print\" or \"video\""), std::string::npos) << schema.output;
    for (const char* bad : {"--segments 1", "--editions press", "--output-dir ../elsewhere"}) {
        const CommandResult r = run_command("cd " + q + " plan layouts/poster-b2.json " + bad + " 2>&1");
        EXPECT_EQ(r.exit_code, 2) << bad << "\n" << r.output;
    }
}

}  // namespace
}  // namespace koho::test
