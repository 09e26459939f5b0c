// What `koho print --output-dir` and `koho video --output-dir` share around
// a data-merge plan (model/merge_plan.h): which records to run, the run
// over them (listed, or each rendered to its own target), how a bad record
// is reported, the folders an output name asks for, and how a run with
// failed records ends. Only the render of one record is each command's own.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "cli/render_args.h"
#include "core/diagnostic.h"
#include "model/merge_plan.h"
#include "text/font_context.h"

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

// Renders one record of a data merge to `target` (its output and depfile,
// their folders made) with the fonts every record shares. Throws
// koho::Error; a BadInput error fails this record only.
using RenderRecord = std::function<void(const model::MergeJob& job, const RenderTarget& target,
                                        const std::shared_ptr<text::FontContext>& fonts)>;

// The run over the `chosen` records of `plan`, in their order. With
// --list-records: each good record's "N<TAB>NAME" on stdout — no folder is
// needed and no font is loaded. Otherwise --output-dir (and --deps) must be
// existing folders before the fonts are loaded, once, and then each record
// is rendered by `render_one`. A record that is bad in the plan or whose
// render fails on bad input is reported and the others still run; any other
// error (a full disk) stops the run. Ends as finish_merge_run, at `source`
// (the layout or timeline).
void run_merge_records(const model::MergePlan& plan, const std::vector<size_t>& chosen, const RenderArgs& args,
                       const std::string& source, const RenderRecord& render_one);

}  // namespace koho::cli
