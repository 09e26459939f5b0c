// What `koho print --output-dir` and `koho video --output-dir` share around
// a data-merge plan (model/merge_plan.h): which records to run, how a bad
// record is reported, the folders an output name asks for, and how a run
// with failed records ends.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "model/merge_plan.h"

namespace koho::cli {

// The records --records names (1-based), or all of them when it is empty.
std::vector<size_t> chosen_records(const model::MergePlan& plan, const std::string& records);

// Prints a record's error and, when the error is located elsewhere (in the
// layout or timeline), a note naming the record by its place in the data.
void report_record_failure(const Error& error, const model::MergePlan& plan, const model::MergeJob& job);

// An existing directory, as --output-dir's and --deps's must be.
void require_merge_directory(const std::string& dir, const char* option);

// Subfolders an output name itself asks for ("2027/flyer-chiba.pdf").
void make_parent_directory(const std::filesystem::path& file);

// After the records: nothing when none failed, else a BadInput error
// (exit 2) at `layout` counting the failures.
void finish_merge_run(const std::string& layout, size_t failed, size_t chosen, bool listed);

}  // namespace koho::cli
