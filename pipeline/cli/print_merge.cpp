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

#include "cli/merge_run.h"
#include "cli/print_job.h"
#include "core/diagnostic.h"
#include "model/merge_plan.h"

namespace koho::cli {
namespace {
namespace fs = std::filesystem;
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

    const std::vector<size_t> chosen = chosen_records(plan, args.records);

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
            make_parent_directory(target.output);
            if (!target.deps.empty()) make_parent_directory(target.deps);
            if (!args.proof_dir.empty()) make_parent_directory(fs::path(args.proof_dir) / target.proof_stem);
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
    finish_merge_run(args.layout, failed, chosen.size(), args.list_records);
}

}  // namespace koho::cli
