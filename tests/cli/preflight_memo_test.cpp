// The preflight reports a process remembers (cli/preflight_memo.h): found
// again only for the same bytes and the same options.
#include <gtest/gtest.h>

#include <string>

#include "cli/preflight_memo.h"
#include "core/fingerprint.h"

namespace koho::cli {
namespace {

print::PreflightReport report_with(const std::string& check) {
    print::PreflightReport report;
    print::Finding finding;
    finding.check = check;
    finding.page = 2;
    report.findings.push_back(finding);
    return report;
}

// Each test runs in a process of its own (ctest): the switch starts off.
TEST(PreflightMemo, NothingIsKeptUntilAProcessAsks) {
    const std::string pdf = "%PDF-1.7 zero";
    EXPECT_FALSE(keeping_preflight_reports());
    remember_preflight(content_fingerprint(pdf), {}, report_with("tac"));
    EXPECT_FALSE(recall_preflight(content_fingerprint(pdf), {}));
    keep_preflight_reports();
    remember_preflight(content_fingerprint(pdf), {}, report_with("tac"));
    EXPECT_TRUE(recall_preflight(content_fingerprint(pdf), {}));
}

TEST(PreflightMemo, TheSameBytesAndOptionsFindTheReport) {
    keep_preflight_reports();
    const std::string pdf = "%PDF-1.7 one";
    print::PreflightOptions options;
    remember_preflight(content_fingerprint(pdf), options, report_with("tac"));
    const auto found = recall_preflight(content_fingerprint(pdf), options);
    ASSERT_TRUE(found);
    ASSERT_EQ(found->findings.size(), 1u);
    EXPECT_EQ(found->findings[0].check, "tac");
    EXPECT_EQ(found->findings[0].page, 2);
}

TEST(PreflightMemo, OtherBytesOrOtherOptionsFindNothing) {
    keep_preflight_reports();
    const std::string pdf = "%PDF-1.7 two";
    print::PreflightOptions options;
    remember_preflight(content_fingerprint(pdf), options, report_with("bleed"));
    EXPECT_FALSE(recall_preflight(content_fingerprint("%PDF-1.7 twO"), options));
    print::PreflightOptions stricter = options;
    stricter.tac_percent = 300;
    EXPECT_FALSE(recall_preflight(content_fingerprint(pdf), stricter));
}

TEST(PreflightMemo, TheLatestReportOfTheSameBytesWins) {
    keep_preflight_reports();
    const std::string pdf = "%PDF-1.7 three";
    print::PreflightOptions options;
    remember_preflight(content_fingerprint(pdf), options, report_with("old"));
    remember_preflight(content_fingerprint(pdf), options, report_with("new"));
    EXPECT_EQ(recall_preflight(content_fingerprint(pdf), options)->findings.at(0).check, "new");
}

}  // namespace
}  // namespace koho::cli
