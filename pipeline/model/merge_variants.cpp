// Variants of a merging timeline (merge_variants.h).
#include "model/merge_variants.h"

#include "model/timeline_record.h"

namespace koho::model {

std::string merge_variant_output(const std::string& record_output, const std::string& variant) {
    if (variant.empty()) return record_output;
    // Every record's name ends in ".mp4" (plan_merge checks it).
    return record_output.substr(0, record_output.size() - 4) + "-" + variant +
           record_output.substr(record_output.size() - 4);
}

std::vector<std::string> merge_variant_names(const std::filesystem::path& timeline, const TimelineOptions& options,
                                             const MergePlan& plan) {
    for (const MergeJob& job : plan.jobs)
        if (!job.error) return load_timeline_record(timeline, options, job.vars).variant_names;
    return {};
}

}  // namespace koho::model
