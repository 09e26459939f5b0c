// The variants of a timeline that merges data (docs/timeline.md, "Data
// merge"): every record is rendered in each of the timeline's variants, and
// a record's variant MP4 is its name with "-VARIANT" before ".mp4"
// (clip-chiba.mp4 → clip-chiba-9x16.mp4), as a plain timeline's variant is
// LAYOUT-VARIANT.mp4: a record's variants sit beside its main render.
// `koho video --output-dir`, `koho plan` and Makefile.assets name them so.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "model/merge_plan.h"
#include "model/timeline.h"

namespace koho::model {

std::string merge_variant_output(const std::string& record_output, const std::string& variant);

// The variant names, read with the plan's first good record: variants are
// the timeline's, a record's fields only fill its text. Empty when the
// timeline has none or no record is good.
std::vector<std::string> merge_variant_names(const std::filesystem::path& timeline, const TimelineOptions& options,
                                             const MergePlan& plan);

}  // namespace koho::model
