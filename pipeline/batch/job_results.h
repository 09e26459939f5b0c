// What became of a manifest's jobs: the result files `koho run-job` leaves
// (RESULTS/job-N.json, one per job run, failed or not) read back against
// the manifest, for `koho jobs` — the summary a scheduler's final step
// prints, and the first place to look when a cluster run went wrong.
//
// A job's result must be the manifest's job: a file whose index, kind or
// argv differ is from another manifest (a results folder reused after
// planning again) and counts as no result, not as a success.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "batch/manifest.h"

namespace koho::batch {

enum class JobState {
    Ok,        // exit code 0
    Failed,    // another exit code: the job's own error, a stale manifest, a join whose segments failed
    NoResult,  // never ran, was killed (time limit, memory, node failure) or the file is not its result
};

// "ok", "failed", "no result".
const char* job_state_name(JobState state);

struct JobReport {
    size_t index = 0;
    JobState state = JobState::NoResult;
    int exit_code = -1;  // -1 without a result
    double seconds = 0;
    std::vector<std::string> messages;  // the job's diagnostics, as run-job recorded them
    std::string why_no_result;          // NoResult: missing, unreadable, or another manifest's
};

// One report per job of `manifest`, in index order, from `results_dir`.
// Never throws for a bad result file: that is a job's state, not an error.
std::vector<JobReport> read_job_reports(const Manifest& manifest, const std::filesystem::path& results_dir);

// How many jobs are in each state, and the seconds of work their results
// record: the counts line of `koho jobs` and of its JSON.
struct JobTotals {
    size_t ok = 0;
    size_t failed = 0;
    size_t no_result = 0;
    double seconds = 0;
};
JobTotals totals_of(const std::vector<JobReport>& reports);

// The reports as the JSON `koho jobs --json` writes: counts, then one entry
// per job (index, kind, layout, first output, state, exit code, seconds,
// messages). Members in a fixed order; a final newline.
std::string job_reports_json(const Manifest& manifest, const std::vector<JobReport>& reports);

}  // namespace koho::batch
