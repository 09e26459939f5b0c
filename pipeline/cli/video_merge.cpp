// `koho video TIMELINE --output-dir DIR`: data merge, one MP4 per record.
//
// As print_merge.cpp: the plan (model/merge_plan.h) first, so a fault of
// the whole run stops it before anything is written; then each record is
// its own render and its own output set (MP4, captions, chapters,
// thumbnail, depfile). A record that fails prints its error, leaves its
// previous outputs as they were, and the others are still written; the run
// then ends with exit status 2.
//
// With --variant V each record's MP4 is its name with "-V" before ".mp4"
// (clip-chiba.mp4 → clip-chiba-square.mp4), as a plain timeline's variant
// is LAYOUT-V.mp4 in Makefile.assets: the variants of one record sit side
// by side and never overwrite the main render.
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "cli/merge_run.h"
#include "cli/video_job.h"
#include "core/diagnostic.h"
#include "model/json_source.h"
#include "model/merge_plan.h"
#include "model/timeline.h"
#include "model/timeline_loader.h"
#include "model/timeline_record.h"

namespace koho::cli {
namespace {

namespace fs = std::filesystem;

// A merging timeline's plan: the data read, every record's MP4 name.
model::MergePlan plan_video_merge(const VideoArgs& args, const model::JsonSource& timeline) {
    if (!is_video_timeline(timeline)) {
        model::TimelineOptions options;
        options.root = args.root;
        model::load_timeline_source(timeline, options);  // says what the file is instead
    }
    const std::optional<model::MergeSpec> spec =
        is_video_timeline(timeline) ? model::read_merge_spec(timeline) : std::nullopt;
    if (!spec)
        fail_input({args.timeline}, "the timeline has no \"data\" to merge; --output-dir is for data merge "
                                    "(write one MP4 with -o OUT.mp4)");
    return model::plan_merge(timeline, *spec, args.root, {".mp4"});
}

// The record's MP4 name for --variant (see the top of this file).
std::string variant_output_name(const std::string& name, const std::string& variant) {
    if (variant.empty()) return name;
    return name.substr(0, name.size() - 4) + "-" + variant + name.substr(name.size() - 4);
}

}  // namespace

void run_video_merge(const VideoArgs& args) {
    const model::JsonSource timeline = model::JsonSource::read_file(args.timeline);
    model::MergePlan plan = plan_video_merge(args, timeline);
    for (model::MergeJob& job : plan.jobs)
        if (!job.error) job.output = variant_output_name(job.output, args.variant);
    const std::vector<size_t> chosen = chosen_records(plan, args.records);

    const RenderRecord render_record = [&](const model::MergeJob&, const VideoTarget& target,
                                           const std::shared_ptr<text::FontContext>& fonts) {
        render_video_target(args, fonts, target);
    };
    run_merge_records(plan, chosen, args, args.timeline, render_record);
}

void list_merge_variants(const VideoArgs& args) {
    const model::JsonSource timeline = model::JsonSource::read_file(args.timeline);
    const model::MergePlan plan = plan_video_merge(args, timeline);
    for (const model::MergeJob& job : plan.jobs) {
        if (job.error) continue;
        model::TimelineOptions options;
        options.root = args.root;
        options.limits = args.limits;
        for (const auto& name : model::load_timeline_record(args.timeline, options, job.vars).variant_names)
            std::cout << name << '\n';
        return;
    }
    // Every record is bad: the first one's error says why.
    throw *plan.jobs.front().error;
}

}  // namespace koho::cli
