// What `koho watch` keeps for each layout it watches: its jobs (planned as
// `koho plan` and `make assets` plan them), the files they read — from the
// depfiles the renders write — and when those files last changed.
//
// Out of date is make's rule: a job whose outputs or depfile are missing,
// or whose newest prerequisite (its layout, its data file, every file its
// depfile lists) is newer than its oldest output, runs again.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "batch/job_plan.h"

namespace koho::cli {

// A file as seen by one stat: a change to any field is a change to the file
// (an editor's save-by-rename changes the inode; a restored backup the size).
struct FileStamp {
    bool exists = false;
    std::int64_t mtime_ns = 0;
    std::uintmax_t size = 0;
    std::uintmax_t inode = 0;
    bool operator==(const FileStamp&) const = default;
};

using Snapshot = std::map<std::filesystem::path, FileStamp>;

FileStamp stamp_of(const std::filesystem::path& file);
Snapshot snapshot_of(const std::set<std::filesystem::path>& files);

// Every file `job` read in its last render (its depfile's prerequisites),
// with its layout and inputs, as absolute paths; the layout alone before
// the first render.
std::set<std::filesystem::path> files_of_job(const batch::Job& job);

// Whether `job` must run (see the top of this file).
bool job_out_of_date(const batch::Job& job);

}  // namespace koho::cli
