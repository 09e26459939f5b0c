// `koho print LAYOUT --output-dir DIR`: data merge, one output per record.
//
// The plan (model/merge_plan.h) is made first, so that whatever is wrong
// with the run as a whole — the data file, two records with one output
// name, a name outside DIR — stops it before anything is written. Then each
// record is its own render and its own output set (output, proofs,
// depfile): a record that fails prints its error, leaves its previous
// outputs as they were, and the others are still written; the run then
// ends with exit status 2 and a line counting the failures.
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

    // What is print's own: a record's proofs are named as its output, in a
    // folder of --proof as the output's is of --output-dir.
    const RenderRecord render_record = [&](const model::MergeJob& job, const RenderTarget& record_target,
                                           const std::shared_ptr<text::FontContext>& fonts) {
        PrintTarget target;
        static_cast<RenderTarget&>(target) = record_target;
        const fs::path name(job.output);
        target.proof_stem =
            name.parent_path().empty() ? name.stem().string() : (name.parent_path() / name.stem()).string();
        if (!args.proof_dir.empty()) make_parent_directory(fs::path(args.proof_dir) / target.proof_stem);
        render_print_target(args, &layout, fonts, target);
    };
    run_merge_records(plan, chosen, args, args.layout, render_record);
}

}  // namespace koho::cli
