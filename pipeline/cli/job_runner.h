// Running one job of a `koho plan` manifest inside this process, for
// `koho run-job` and `koho watch`.
//
// In-process: a job's argv is parsed by the very subcommands `koho print`,
// `koho video` and `koho concat` are made of, so a job does what the same
// command typed at a shell does, byte for byte, without koho starting a
// program (tests/cli/confinement_test.cpp). Only those three commands can
// be a job: a manifest cannot make koho run anything else.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "batch/job_plan.h"
#include "core/diagnostic.h"

namespace koho::cli {

struct JobOutcome {
    int exit_code = 0;
    std::vector<Diagnostic> diagnostics;  // what it reported: errors, warnings, notes
};

// Runs `job` from the project root (the current directory): refuses it
// (exit 2, one message) when an input changed since planning or a job it
// depends on has no successful result in `results_dir`; else makes its
// directories and runs it. Its diagnostics reach stderr as it reports them
// (in the --diagnostic-format chosen) and are kept in the outcome.
JobOutcome run_manifest_job(const batch::Job& job, const std::filesystem::path& results_dir);

}  // namespace koho::cli
