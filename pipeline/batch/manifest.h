// The job manifest: `koho plan`'s jobs as one JSON file that `koho run-job`
// (or any scheduler) reads back. docs/batch.md, "Manifests and sharding",
// describes the format; its "koho_manifest" number changes whenever a
// reader of an older one would misread a newer one.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "batch/job_plan.h"

namespace koho::batch {

constexpr int kManifestVersion = 1;

struct Manifest {
    std::string koho_version;  // the koho that planned it: run-job refuses another
    std::string root;          // the project root, absolute: jobs run there
    std::string output_dir;    // relative to root
    std::vector<Job> jobs;     // job i has index i
};

// The manifest as JSON text: members in a fixed order, two-space indents, a
// final newline; the same jobs give the same bytes.
std::string manifest_json(const Manifest& manifest);

// The stages as contiguous blocks of indexes, in order: what a scheduler
// submits as one array each, a later one waiting for the earlier.
struct StageRange {
    int stage = 0;
    size_t first = 0;
    size_t last = 0;
};
std::vector<StageRange> stage_ranges(const Manifest& manifest);

// Reads a manifest written by manifest_json. Throws koho::Error (BadInput)
// located in the file for anything else: not JSON, another format version,
// a member missing or of the wrong type, indexes out of order, a dependency
// on a job that is not an earlier stage.
Manifest read_manifest(const std::filesystem::path& file);

}  // namespace koho::batch
