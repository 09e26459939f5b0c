// `koho video TIMELINE --output-dir DIR`: data merge, one MP4 per record.
//
// As print_merge.cpp: the plan (model/merge_plan.h) first, so a fault of
// the whole run stops it before anything is written; then each record is
// its own render and its own output set (MP4, captions, chapters,
// thumbnail, depfile). A record that fails prints its error, leaves its
// previous outputs as they were, and the others are still written; the run
// then ends with exit status 2.
//
// With --variant V each record's MP4 is named by model/merge_variants.h
// (clip-chiba.mp4 → clip-chiba-square.mp4): the variants of one record sit
// side by side and never overwrite the main render.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "cli/merge_run.h"
#include "cli/video_job.h"
#include "core/diagnostic.h"
#include "model/json_source.h"
#include "model/merge_plan.h"
#include "model/merge_variants.h"
#include "model/timeline.h"
#include "model/timeline_loader.h"

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

}  // namespace

void run_video_merge(const VideoArgs& args) {
    const model::JsonSource timeline = model::JsonSource::read_file(args.timeline);
    model::MergePlan plan = plan_video_merge(args, timeline);
    for (model::MergeJob& job : plan.jobs)
        if (!job.error) job.output = model::merge_variant_output(job.output, args.variant);
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
    // Every record is bad: the first one's error says why.
    if (std::none_of(plan.jobs.begin(), plan.jobs.end(), [](const model::MergeJob& job) { return !job.error; }))
        throw *plan.jobs.front().error;
    model::TimelineOptions options;
    options.root = args.root;
    options.limits = args.limits;
    for (const std::string& name : model::merge_variant_names(args.timeline, options, plan)) std::cout << name << '\n';
}

}  // namespace koho::cli
