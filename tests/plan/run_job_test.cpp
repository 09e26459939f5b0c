// `koho run-job` end to end, in a small project of its own: a job writes
// what `koho print` writes, byte for byte; each job leaves a result file,
// failed or not; stale manifests, out-of-range indexes and manifests from
// elsewhere are refused with exit 2; shards cover every job once.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "plan/plan_project.h"
#include "support/command.h"
#include "support/merging_clip.h"

namespace koho::test {
namespace {

namespace fs = std::filesystem;

class RunJob : public PlanProject {};

TEST_F(RunJob, APrintJobWritesWhatKohoPrintWrites) {
    plan();
    // Started anywhere (a scheduler's working directory): it runs in the root.
    const CommandResult run = koho("run-job " + shell_quote((root_ / "manifest.json").string()) + " --index 0", "", "/");
    ASSERT_EQ(run.exit_code, 0) << run.output;
    const CommandResult direct =
        koho("print layouts/card.json -o direct.pdf --proof direct-proofs --spreads --deps direct.pdf.d");
    ASSERT_EQ(direct.exit_code, 0) << direct.output;
    EXPECT_EQ(read(root_ / "output/card.pdf"), read(root_ / "direct.pdf"));
    EXPECT_EQ(read(root_ / "output/proofs/card/card-p1.png"), read(root_ / "direct-proofs/card-p1.png"));
    EXPECT_FALSE(read(root_ / "output/card.pdf").empty());
    EXPECT_NE(read(root_ / "output/.deps/card.pdf.d").find(root_.string() + "/layouts/card.json"), std::string::npos);

    const nlohmann::json r = result(0);
    EXPECT_EQ(r["koho_job_result"], 1);
    EXPECT_EQ(r["index"], 0);
    EXPECT_EQ(r["kind"], "print");
    EXPECT_EQ(r["exit_code"], 0);
    EXPECT_EQ(r["status"], "ok");
    EXPECT_GT(r["seconds"].get<double>(), 0.0);
    ASSERT_EQ(r["outputs"].size(), 1u);
    EXPECT_EQ(r["outputs"][0]["path"], "output/card.pdf");
    EXPECT_EQ(r["outputs"][0]["exists"], true);
    EXPECT_EQ(r["outputs"][0]["bytes"], fs::file_size(root_ / "output/card.pdf"));
    EXPECT_TRUE(r["messages"].empty()) << r;
    EXPECT_NE(run.output.find("koho: job 0 (print output/card.pdf): ok"), std::string::npos) << run.output;
}

TEST_F(RunJob, IndexFromTheEnvironmentRunsOneRecord) {
    plan();
    const CommandResult run = koho("run-job manifest.json --index-from-env SLURM_ARRAY_TASK_ID", "SLURM_ARRAY_TASK_ID=3");
    ASSERT_EQ(run.exit_code, 0) << run.output;
    EXPECT_TRUE(fs::exists(root_ / "output/cards/card-online.png"));
    EXPECT_FALSE(fs::exists(root_ / "output/cards/card-chiba.png"));  // record 1 is job 2
    EXPECT_TRUE(fs::exists(root_ / "output/.deps/cards/card-online.png.d"));
    EXPECT_EQ(result(3)["kind"], "merge");
    const CommandResult unset = koho("run-job manifest.json --index-from-env KOHO_NO_SUCH_VARIABLE");
    EXPECT_EQ(unset.exit_code, 2) << unset.output;
    EXPECT_NE(unset.output.find("KOHO_NO_SUCH_VARIABLE is not set"), std::string::npos) << unset.output;
}

TEST_F(RunJob, AFailedJobLeavesAResultWithItsLocatedError) {
    plan();
    const CommandResult run = koho("run-job manifest.json --index 4");
    EXPECT_EQ(run.exit_code, 2) << run.output;
    EXPECT_FALSE(fs::exists(root_ / "output/bad.pdf"));
    const nlohmann::json r = result(4);
    EXPECT_EQ(r["exit_code"], 2);
    EXPECT_EQ(r["status"], "failed");
    EXPECT_EQ(r["outputs"][0]["exists"], false);
    ASSERT_FALSE(r["messages"].empty()) << r;
    const std::string message = r["messages"][0];
    EXPECT_EQ(message.rfind("layouts/bad.json:", 0), 0u) << message;
    EXPECT_NE(message.find(": error: "), std::string::npos) << message;
    EXPECT_NE(message.find("nosuch"), std::string::npos) << message;
    EXPECT_NE(run.output.find(message), std::string::npos) << "not also on stderr:\n" << run.output;
}

// --diagnostic-format json: the job's error reaches stderr as a JSON object;
// its result file keeps the same diagnostic as its text line, whatever
// format stderr had (koho jobs and watch read results, not stderr).
TEST_F(RunJob, JsonDiagnosticsOnStderrTextLinesInTheResult) {
    plan();
    const CommandResult run = koho("--diagnostic-format json run-job manifest.json --index 4");
    EXPECT_EQ(run.exit_code, 2) << run.output;
    std::vector<nlohmann::json> diagnostics;
    std::istringstream lines(run.output);
    for (std::string line; std::getline(lines, line);)
        if (line.rfind("{", 0) == 0) diagnostics.push_back(nlohmann::json::parse(line));
    ASSERT_EQ(diagnostics.size(), 1u) << run.output;
    EXPECT_EQ(diagnostics[0]["severity"], "error");
    EXPECT_EQ(diagnostics[0]["file"], "layouts/bad.json");
    EXPECT_EQ(diagnostics[0]["pointer"].get<std::string>().rfind("/pages/0/frames/", 0), 0u) << diagnostics[0];
    const nlohmann::json r = result(4);
    ASSERT_EQ(r["messages"].size(), 1u) << r;
    const std::string message = r["messages"][0];
    EXPECT_EQ(message.rfind("layouts/bad.json:" + std::to_string(diagnostics[0]["line"].get<int>()) + ":", 0), 0u)
        << message;
    EXPECT_NE(message.find(": error: " + diagnostics[0]["message"].get<std::string>()), std::string::npos) << message;

    // A refusal before the job runs is a diagnostic like any other.
    std::ofstream(root_ / "layouts/card.json") << card_layout("", "内容を変えました");
    const CommandResult stale = koho("--diagnostic-format json run-job manifest.json --index 1");
    EXPECT_EQ(stale.exit_code, 2) << stale.output;
    EXPECT_NE(stale.output.find(R"({"severity":"error","file":"layouts/card.json","message":"the manifest is stale)"),
              std::string::npos)
        << stale.output;
    EXPECT_EQ(result(1)["messages"][0].get<std::string>().rfind("layouts/card.json: error: the manifest is stale", 0),
              0u)
        << result(1);
}

// A timeline that merges data and has a variant: koho plan gives every
// record a job for its main render and one for the variant (`--variant`,
// named RECORD-VARIANT.mp4), as Makefile.assets renders them.
TEST_F(RunJob, AMergingTimelinesVariantsAreJobsToo) {
    std::ofstream(root_ / "layouts/clips.json") << merging_clip_with_variant();
    const CommandResult plan = koho("plan -o clips-manifest.json layouts/clips.json");
    ASSERT_EQ(plan.exit_code, 0) << plan.output;
    const nlohmann::json manifest = nlohmann::json::parse(read(root_ / "clips-manifest.json"));
    std::vector<std::string> outputs;
    for (const nlohmann::json& job : manifest["jobs"]) outputs.push_back(job["outputs"][0]);
    EXPECT_EQ(outputs, (std::vector<std::string>{"output/clips/clip-chiba.mp4", "output/clips/clip-online.mp4",
                                                 "output/clips/clip-chiba-square.mp4",
                                                 "output/clips/clip-online-square.mp4"}));
    const nlohmann::json& square = manifest["jobs"][3];
    EXPECT_EQ(square["variant"], "square");
    const std::vector<std::string> argv = square["argv"];
    EXPECT_EQ(argv, (std::vector<std::string>{"koho", "video", "layouts/clips.json", "--output-dir", "output/clips",
                                              "--records", "2", "--deps", "output/.deps/clips", "--variant", "square"}));
    const CommandResult run = koho("run-job clips-manifest.json --index 3");
    ASSERT_EQ(run.exit_code, 0) << run.output;
    EXPECT_TRUE(fs::exists(root_ / "output/clips/clip-online-square.mp4"));
    EXPECT_TRUE(fs::exists(root_ / "output/.deps/clips/clip-online-square.mp4.d"));
    EXPECT_FALSE(fs::exists(root_ / "output/clips/clip-online.mp4"));  // job 1's, not run
}

TEST_F(RunJob, StaleManifestOtherKohoOtherRootOutOfRange) {
    plan();
    const std::string manifest = read(root_ / "manifest.json");
    // A layout edited after planning: refused, with a result that says so.
    std::ofstream(root_ / "layouts/card.json") << card_layout("", "内容を変えました");
    const CommandResult stale = koho("run-job manifest.json --index 1");
    EXPECT_EQ(stale.exit_code, 2) << stale.output;
    EXPECT_NE(stale.output.find("layouts/card.json: error: the manifest is stale"), std::string::npos) << stale.output;
    EXPECT_FALSE(fs::exists(root_ / "output/web/card.pdf"));
    EXPECT_EQ(result(1)["exit_code"], 2);

    const CommandResult range = koho("run-job manifest.json --index 6");
    EXPECT_EQ(range.exit_code, 2) << range.output;
    EXPECT_NE(range.output.find("job 6 is out of range: the manifest has 6 jobs, 0 to 5"), std::string::npos)
        << range.output;
    EXPECT_FALSE(fs::exists(root_ / "output/.jobs/job-6.json"));

    auto edited = [&](const std::string& from, const std::string& to) {
        std::string text = manifest;
        text.replace(text.find(from), from.size(), to);
        std::ofstream(root_ / "edited.json") << text;
        return koho("run-job edited.json --index 2");
    };
    const CommandResult moved = edited("\"root\": \"" + root_.string() + "\"", "\"root\": \"/nonexistent/campaign\"");
    EXPECT_EQ(moved.exit_code, 2) << moved.output;
    EXPECT_NE(moved.output.find("edited.json: error: the manifest's project root /nonexistent/campaign"),
              std::string::npos)
        << moved.output;
    const CommandResult other = edited("\"koho_version\": \"", "\"koho_version\": \"0.0.0-");
    EXPECT_EQ(other.exit_code, 2) << other.output;
    EXPECT_NE(other.output.find("planned by koho 0.0.0-"), std::string::npos) << other.output;
    const CommandResult none = koho("run-job manifest.json");
    EXPECT_EQ(none.exit_code, 2);
    EXPECT_FALSE(fs::exists(root_ / "output/cards"));
}

TEST_F(RunJob, ShardsCoverEveryJobOnce) {
    plan("layouts/card.json layouts/cards.json");  // 4 jobs, all good
    std::set<std::string> seen;
    for (int i = 0; i < 3; ++i) {
        const std::string dir = "results-" + std::to_string(i);
        const CommandResult run = koho("run-job manifest.json --shard " + std::to_string(i) + "/3 --results " + dir);
        ASSERT_EQ(run.exit_code, 0) << run.output;
        for (const auto& entry : fs::directory_iterator(root_ / dir)) {
            EXPECT_TRUE(seen.insert(entry.path().filename().string()).second) << entry.path();
            const nlohmann::json r = nlohmann::json::parse(read(entry.path()));
            EXPECT_EQ(r["index"].get<int>() % 3, i);
            EXPECT_EQ(r["exit_code"], 0);
        }
    }
    EXPECT_EQ(seen, (std::set<std::string>{"job-0.json", "job-1.json", "job-2.json", "job-3.json"}));
    for (const char* out : {"output/card.pdf", "output/web/card.pdf", "output/cards/card-chiba.png",
                            "output/cards/card-online.png"})
        EXPECT_TRUE(fs::exists(root_ / out)) << out;
    // A shard's exit status is its worst job's.
    plan();
    const CommandResult mixed = koho("run-job manifest.json --shard 0/2");  // jobs 0, 2, 4 (bad)
    EXPECT_EQ(mixed.exit_code, 2) << mixed.output;
    EXPECT_EQ(result(0)["exit_code"], 0);
    EXPECT_EQ(result(4)["exit_code"], 2);
}

// A layout that lost a page: the job's proof folder loses that page's
// proof too (koho print removes the proofs of pages it no longer has),
// and keeps the files of other names.
TEST_F(RunJob, APrintJobRemovesTheProofsOfPagesTheLayoutLost) {
    // The card's page twice: "pages": [PAGE, PAGE]}.
    const std::string one_page = card_layout("", "一枚目");
    const size_t page_start = one_page.find("{\"frames\"");
    const size_t pages_end = one_page.rfind("]}");
    const std::string two_pages = one_page.substr(0, pages_end) + ", " +
                                  one_page.substr(page_start, pages_end - page_start) + one_page.substr(pages_end);
    std::ofstream(root_ / "layouts/card.json") << two_pages;
    plan("layouts/card.json");
    ASSERT_EQ(koho("run-job manifest.json --index 0").exit_code, 0);
    ASSERT_TRUE(fs::exists(root_ / "output/proofs/card/card-p2.png"));
    ASSERT_TRUE(fs::exists(root_ / "output/proofs/card/card-spread-2.png"));
    std::ofstream(root_ / "output/proofs/card/card-notes.png") << "not a proof";
    std::ofstream(root_ / "output/proofs/card/card-p2-old.png") << "not koho's name";

    std::ofstream(root_ / "layouts/card.json") << card_layout("", "一枚だけ");
    plan("layouts/card.json");
    ASSERT_EQ(koho("run-job manifest.json --index 0").exit_code, 0);
    EXPECT_TRUE(fs::exists(root_ / "output/proofs/card/card-p1.png"));
    EXPECT_FALSE(fs::exists(root_ / "output/proofs/card/card-p2.png"));
    EXPECT_FALSE(fs::exists(root_ / "output/proofs/card/card-spread-2.png"));
    EXPECT_TRUE(fs::exists(root_ / "output/proofs/card/card-spread-1.png"));
    EXPECT_TRUE(fs::exists(root_ / "output/proofs/card/card-notes.png"));
    EXPECT_TRUE(fs::exists(root_ / "output/proofs/card/card-p2-old.png"));
}

}  // namespace
}  // namespace koho::test
