#include "cli/merge_run.h"
#include "cli/diagnostic_output.h"

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
    print_error(error);
    if (error.loc().file == plan.data_name) return;  // already names the record's place
    const std::string note = "record " + std::to_string(job.record) + " was not written" +
                             (job.output.empty() ? "" : " (" + job.output + ")");
    print_diagnostic(job.where, "note", note);
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

void run_merge_records(const model::MergePlan& plan, const std::vector<size_t>& chosen, const RenderArgs& args,
                       const std::string& source, const RenderRecord& render_one) {
    size_t failed = 0;
    if (args.list_records) {
        for (size_t n : chosen) {
            const model::MergeJob& job = plan.jobs[n - 1];
            if (job.error) {
                report_record_failure(*job.error, plan, job);
                ++failed;
            } else {
                std::printf("%zu\t%s\n", job.record, job.output.c_str());
            }
        }
    } else {
        require_merge_directory(args.output_dir, "--output-dir");
        if (!args.deps.empty()) require_merge_directory(args.deps, "--deps");
        const std::shared_ptr<text::FontContext> fonts = project_fonts(args);
        for (size_t n : chosen) {
            const model::MergeJob& job = plan.jobs[n - 1];
            if (job.error) {
                report_record_failure(*job.error, plan, job);
                ++failed;
                continue;
            }
            RenderTarget target;
            target.output = fs::path(args.output_dir) / job.output;
            if (!args.deps.empty()) target.deps = (fs::path(args.deps) / (job.output + ".d")).string();
            target.record_vars = job.vars;
            target.data_file = plan.data_file;
            make_parent_directory(target.output);
            if (!target.deps.empty()) make_parent_directory(target.deps);
            try {
                render_one(job, target, fonts);
            } catch (const Error& e) {
                // A fault of the system (a full disk) stops the run; a bad
                // record does not stop the others.
                if (e.kind() != ErrorKind::BadInput) throw;
                report_record_failure(e, plan, job);
                ++failed;
            }
        }
    }
    finish_merge_run(source, failed, chosen.size(), args.list_records);
}

}  // namespace koho::cli
