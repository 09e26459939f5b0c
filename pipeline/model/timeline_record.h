// Loading one record of a timeline that merges data (docs/timeline.md,
// "Data merge"; model/merge_plan.h makes the records).
#pragma once

#include <filesystem>
#include <map>
#include <string>

#include "model/timeline.h"

namespace koho::model {

// load_timeline for one record: `record_vars` (merge_plan.h's
// MergeJob::vars, "vars" included) are what {{name}} may name in text,
// captions, chapter titles and the title.
Timeline load_timeline_record(const std::filesystem::path& file, const TimelineOptions& options,
                              const std::map<std::string, std::string>& record_vars);

}  // namespace koho::model
