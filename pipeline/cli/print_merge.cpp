// `koho print LAYOUT --output-dir DIR`: data merge, one output per record.
//
// The plan (model/merge_plan.h) is made first, so that whatever is wrong
// with the run as a whole — the data file, two records with one output
// name, a name outside DIR — stops it before anything is written. Then each
// record is its own render and its own output set (output, proofs,
// depfile): a record that fails prints its error, leaves its previous
// outputs as they were, and the others are still written; the run then
// ends with exit status 2 and a line counting the failures.
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "cli/print_job.h"
#include "core/diagnostic.h"
#include "model/merge_plan.h"

namespace koho::cli {
namespace {

namespace fs = std::filesystem;

// The record's own note under an error found elsewhere (in the layout):
// which record it was, by its place in the data file.
void report_record_failure(const Error& error, const model::MergePlan& plan, const model::MergeJob& job) {
    std::fprintf(stderr, "%s\n", error.formatted().c_str());
    if (error.loc().file == plan.data_name) return;  // already names the record's place
    const std::string note = "record " + std::to_string(job.record) + " was not written" +
                             (job.output.empty() ? "" : " (" + job.output + ")");
    std::fprintf(stderr, "%s\n", format_diagnostic(job.where, "note", note).c_str());
}

// An existing directory, as -o's directory must be.
void require_directory(const std::string& dir, const char* option) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        fail_system({dir}, std::string(option) + ": directory '" + dir + "' does not exist");
}

// Subfolders the output name itself asks for ("2027/flyer-chiba.pdf").
void make_parent(const fs::path& file) {
    std::error_code ec;
    fs::create_directories(file.parent_path(), ec);
    if (ec) fail_system({file.parent_path().string()}, "cannot create the directory: " + ec.message());
}

}  // namespace

void run_print_merge(const PrintArgs& args) {
    const model::JsonSource layout = model::JsonSource::read_file(args.layout);
    const std::optional<model::MergeSpec> spec = model::read_merge_spec(layout);
    if (!spec)
        fail_input({args.layout}, "the layout has no \"data\" to merge; --output-dir is for data merge "
                                  "(write one PDF with -o OUT.pdf)");
    const std::vector<std::string> endings =
        args.web ? std::vector<std::string>{".pdf"} : std::vector<std::string>{".pdf", ".png", ".jpg", ".jpeg"};
    const model::MergePlan plan = model::plan_merge(layout, *spec, args.root, endings);

    std::vector<size_t> chosen;
    if (args.records.empty())
        for (size_t n = 1; n <= plan.jobs.size(); ++n) chosen.push_back(n);
    else
        chosen = model::parse_record_selection(args.records, plan.jobs.size(), {"--records"});

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
        require_directory(args.output_dir, "--output-dir");
        if (!args.deps.empty()) require_directory(args.deps, "--deps");
        const auto fonts = text_fonts(args);
        for (size_t n : chosen) {
            const model::MergeJob& job = plan.jobs[n - 1];
            if (job.error) {
                report_record_failure(*job.error, plan, job);
                ++failed;
                continue;
            }
            PrintTarget target;
            target.output = fs::path(args.output_dir) / job.output;
            target.proof_stem = fs::path(job.output).parent_path().empty()
                                    ? fs::path(job.output).stem().string()
                                    : (fs::path(job.output).parent_path() / fs::path(job.output).stem()).string();
            if (!args.deps.empty()) target.deps = (fs::path(args.deps) / (job.output + ".d")).string();
            target.record_vars = job.vars;
            target.data_file = plan.data_file;
            make_parent(target.output);
            if (!target.deps.empty()) make_parent(target.deps);
            if (!args.proof_dir.empty()) make_parent(fs::path(args.proof_dir) / target.proof_stem);
            try {
                render_print_target(args, &layout, fonts, target);
            } catch (const Error& e) {
                // A fault of the system (a full disk) stops the run; a bad
                // record does not stop the others.
                if (e.kind() != ErrorKind::BadInput) throw;
                report_record_failure(e, plan, job);
                ++failed;
            }
        }
    }
    std::fflush(stdout);
    if (failed > 0)
        fail_input({args.layout}, std::to_string(failed) + " of " + std::to_string(chosen.size()) +
                                      (chosen.size() == 1 ? " record" : " records") + " failed; " +
                                      (args.list_records ? "the others are listed"
                                                         : std::to_string(chosen.size() - failed) + " written"));
}

}  // namespace koho::cli
