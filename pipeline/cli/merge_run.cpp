#include "cli/merge_run.h"

#include <cstdio>

namespace koho::cli {
namespace {
namespace fs = std::filesystem;
}  // namespace

std::vector<size_t> chosen_records(const model::MergePlan& plan, const std::string& records) {
    if (!records.empty()) return model::parse_record_selection(records, plan.jobs.size(), {"--records"});
    std::vector<size_t> all;
    for (size_t n = 1; n <= plan.jobs.size(); ++n) all.push_back(n);
    return all;
}

void report_record_failure(const Error& error, const model::MergePlan& plan, const model::MergeJob& job) {
    std::fprintf(stderr, "%s\n", error.formatted().c_str());
    if (error.loc().file == plan.data_name) return;  // already names the record's place
    const std::string note = "record " + std::to_string(job.record) + " was not written" +
                             (job.output.empty() ? "" : " (" + job.output + ")");
    std::fprintf(stderr, "%s\n", format_diagnostic(job.where, "note", note).c_str());
}

void require_merge_directory(const std::string& dir, const char* option) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        fail_system({dir}, std::string(option) + ": directory '" + dir + "' does not exist");
}

void make_parent_directory(const fs::path& file) {
    std::error_code ec;
    fs::create_directories(file.parent_path(), ec);
    if (ec) fail_system({file.parent_path().string()}, "cannot create the directory: " + ec.message());
}

void finish_merge_run(const std::string& layout, size_t failed, size_t chosen, bool listed) {
    std::fflush(stdout);
    if (failed == 0) return;
    fail_input({layout}, std::to_string(failed) + " of " + std::to_string(chosen) +
                             (chosen == 1 ? " record" : " records") + " failed; " +
                             (listed ? "the others are listed" : std::to_string(chosen - failed) + " written"));
}

}  // namespace koho::cli
