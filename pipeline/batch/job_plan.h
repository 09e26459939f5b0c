// Jobs: a campaign's renders as a list that any scheduler can drive.
//
// `koho plan` expands layouts into jobs — one per output: a print layout's
// press PDF and its web edition, one per data-merge record, one per video
// and per video variant, or with segments, one per segment and a join that
// depends on them — each the argv of one koho command, run from the project
// root, with the outputs it writes and the depfile it leaves. The same
// outputs, paths and flags as Makefile.assets, so that a manifest run and
// `make assets` build the same files.
//
// Order is the manifest's contract: jobs are numbered from 0 in stages —
// every job that depends on nothing first (layouts in the order given, then
// editions, records, variants and segments in order), then the joins — so
// that a scheduler submits stage 0 as one array (indices 0..M-1) and stage
// 1 as a second array that waits for the first.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace koho::batch {

enum class JobKind { Print, Web, Merge, Video, Segment, Concat };

// "print", "web", "merge", "video", "segment", "concat".
const char* job_kind_name(JobKind kind);

// A file the job's result depends on, fingerprinted at planning time, so
// that a job run from a stale manifest is refused rather than writing
// outputs the plan did not describe (another record count, other names).
struct JobInput {
    std::string path;    // relative to the project root
    std::string sha256;  // lowercase hex of the file's bytes
};

struct Job {
    size_t index = 0;  // 0-based, the place in the manifest
    int stage = 0;     // 0: depends on nothing; 1: joins stage-0 jobs
    JobKind kind = JobKind::Print;
    std::string layout;   // relative to the project root
    std::string variant;  // video: the variant, or empty for the main timeline
    size_t record = 0;    // merge: the record (1-based), else 0
    int segment = 0;      // segment: K of segments (1-based), else 0
    int segments = 0;
    std::vector<std::string> argv;     // "koho", the subcommand, its arguments
    std::vector<std::string> outputs;  // the main output files, relative to the root
    std::string depfile;               // written by the job (--deps)
    std::vector<std::string> dirs;     // directories to create before running
    std::vector<size_t> depends_on;    // jobs that must have succeeded first
    std::vector<JobInput> inputs;
};

struct PlanOptions {
    std::string output_dir = "output";  // relative to the root, as in Makefile.assets
    bool print_edition = true;          // print layouts: the press PDF (with proofs and spreads)
    bool web_edition = true;            // print layouts: the web edition
    int segments = 0;                   // videos: 0 = whole renders; N ≥ 2: N segments and a join
};

// Expands `layouts` (paths relative to `root`, which must be the current
// directory: a timeline's variants are read by loading it, media and all)
// into jobs. Throws koho::Error (BadInput), located, for a layout that is
// neither "print" nor "video", cannot be read, has a bad record, a layout
// named twice, two jobs writing one file, or an output directory outside
// the root.
std::vector<Job> plan_jobs(const std::vector<std::string>& layouts, const PlanOptions& options);

// Every layouts/*.json of the project in the current directory, in byte
// order of their names (as Makefile.assets's glob sorts them in the C
// locale); none when there are none. Throws koho::Error (BadInput) when
// layouts/ cannot be listed.
std::vector<std::string> project_layouts();

// "print,web", "print", "web": the editions of --editions.
void parse_editions(const std::string& text, PlanOptions& options);

}  // namespace koho::batch
