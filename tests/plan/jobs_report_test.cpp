// `koho jobs` end to end: what became of a manifest's jobs, from the result
// files run-job left — every failure and missing result named, with the
// job's messages; the counts; the exit status; the JSON summary; the
// contact sheet of what succeeded; and --shell for the Slurm scripts.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "plan/plan_project.h"
#include "support/command.h"

namespace koho::test {
namespace {

namespace fs = std::filesystem;

class JobsReport : public PlanProject {};

TEST_F(JobsReport, EveryJobOkExitsZeroAndSaysSo) {
    plan("layouts/card.json layouts/cards.json");
    ASSERT_EQ(koho("run-job manifest.json --shard 0/1").exit_code, 0);
    const CommandResult report = koho("jobs manifest.json --all");
    EXPECT_EQ(report.exit_code, 0) << report.output;
    EXPECT_NE(report.output.find("4 jobs: 4 ok, 0 failed, 0 without a result"), std::string::npos) << report.output;
    EXPECT_NE(report.output.find("job 3 ok"), std::string::npos) << report.output;
    EXPECT_EQ(koho("jobs manifest.json").output.find("job 3 ok"), std::string::npos);  // only --all lists them
}

TEST_F(JobsReport, FailedAndMissingJobsAreNamedWithTheirMessages) {
    plan();
    // Jobs 0-3 and 4 (bad print) run; 5 never does.
    for (int index = 0; index <= 4; ++index) koho("run-job manifest.json --index " + std::to_string(index));
    const CommandResult report = koho("jobs manifest.json --json summary.json");
    EXPECT_EQ(report.exit_code, 2) << report.output;  // the worst job's: bad input
    EXPECT_NE(report.output.find("job 4 failed, exit 2: print output/bad.pdf"), std::string::npos) << report.output;
    EXPECT_NE(report.output.find("layouts/bad.json:"), std::string::npos) << report.output;
    EXPECT_NE(report.output.find("nosuch"), std::string::npos) << report.output;
    EXPECT_NE(report.output.find("job 5 has no result: web output/web/bad.pdf"), std::string::npos) << report.output;
    EXPECT_NE(report.output.find("6 jobs: 4 ok, 1 failed, 1 without a result"), std::string::npos) << report.output;

    const nlohmann::json summary = nlohmann::json::parse(read(root_ / "summary.json"));
    EXPECT_EQ(summary["koho_jobs_summary"], 1);
    EXPECT_EQ(summary["job_count"], 6);
    EXPECT_EQ(summary["ok"], 4);
    EXPECT_EQ(summary["failed"], 1);
    EXPECT_EQ(summary["no_result"], 1);
    ASSERT_EQ(summary["jobs"].size(), 6u);
    EXPECT_EQ(summary["jobs"][4]["status"], "failed");
    EXPECT_EQ(summary["jobs"][4]["exit_code"], 2);
    ASSERT_FALSE(summary["jobs"][4]["messages"].empty());
    EXPECT_NE(summary["jobs"][4]["messages"][0].get<std::string>().find("nosuch"), std::string::npos);
    EXPECT_EQ(summary["jobs"][5]["status"], "no result");
    EXPECT_EQ(summary["jobs"][2]["output"], "output/cards/card-chiba.png");
}

TEST_F(JobsReport, OnlyMissingResultsExitOne) {
    plan("layouts/card.json");
    ASSERT_EQ(koho("run-job manifest.json --index 0").exit_code, 0);
    const CommandResult report = koho("jobs manifest.json");
    EXPECT_EQ(report.exit_code, 1) << report.output;
    EXPECT_NE(report.output.find("job 1 has no result"), std::string::npos) << report.output;
}

TEST_F(JobsReport, AResultOfAnotherManifestIsNoResult) {
    plan("layouts/card.json");
    ASSERT_EQ(koho("run-job manifest.json --shard 0/1").exit_code, 0);
    // Planned again with the records first: job 0 is now another job.
    plan("layouts/cards.json layouts/card.json");
    const CommandResult report = koho("jobs manifest.json");
    EXPECT_EQ(report.exit_code, 1) << report.output;
    EXPECT_NE(report.output.find("job 0 has no result"), std::string::npos) << report.output;
    EXPECT_NE(report.output.find("another manifest's job 0"), std::string::npos) << report.output;
    EXPECT_NE(report.output.find("4 jobs: 0 ok"), std::string::npos) << report.output;
}

TEST_F(JobsReport, ResultsFolderAndContactSheetOfWhatSucceeded) {
    plan();
    // Results elsewhere, named relative to where koho runs, as submit does.
    koho("run-job manifest.json --shard 0/1 --results run1");
    const CommandResult report = koho("jobs manifest.json --results run1 --contact-sheet sheet.png");
    EXPECT_EQ(report.exit_code, 2) << report.output;
    // card's press PDF (1 page) and two record PNGs; not the web editions
    // (the same pages again), not the failed bad.pdf.
    EXPECT_NE(report.output.find("sheet.png: 3 tiles"), std::string::npos) << report.output;
    EXPECT_TRUE(fs::exists(root_ / "sheet.png"));
    EXPECT_EQ(koho("jobs manifest.json").exit_code, 1);  // the default folder holds nothing
}

TEST_F(JobsReport, ShellPrintsTheManifestsShape) {
    plan();
    const CommandResult shell = koho("jobs manifest.json --shell");
    ASSERT_EQ(shell.exit_code, 0) << shell.output;
    EXPECT_EQ(shell.output, "KOHO_ROOT='" + root_.string() +
                                "'\nKOHO_OUTPUT_DIR='output'\nKOHO_JOB_COUNT=6\nKOHO_STAGES='0:0-5'\n");
    // What a shell makes of it.
    const CommandResult eval = run_command("cd " + shell_quote(root_.string()) + " && eval \"$(" +
                                           shell_quote(KOHO_BINARY) + " jobs manifest.json --shell)\" && echo \"$KOHO_STAGES/$KOHO_JOB_COUNT\"");
    EXPECT_EQ(eval.output, "0:0-5/6\n");
}

TEST_F(JobsReport, AManifestThatIsNotOneExitsTwo) {
    std::ofstream(root_ / "manifest.json") << "{\"koho_manifest\": 7}";
    const CommandResult report = koho("jobs manifest.json");
    EXPECT_EQ(report.exit_code, 2) << report.output;
    EXPECT_NE(report.output.find("manifest.json:1:"), std::string::npos) << report.output;
}

}  // namespace
}  // namespace koho::test
