// `koho run-job MANIFEST (--index N | --index-from-env VAR | --shard I/N)`:
// runs jobs of a `koho plan` manifest, each in this process
// (cli/job_runner.h), and writes one result file per job,
// <results>/job-N.json, whether it succeeded or not.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "batch/manifest.h"
#include "batch/shard.h"
#include "cli/commands.h"
#include "cli/diagnostic_output.h"
#include "cli/job_runner.h"
#include "core/atomic_file.h"
#include "core/build_info.h"
#include "core/diagnostic.h"
#include "core/units.h"

namespace koho::cli {
namespace {

namespace fs = std::filesystem;

struct RunJobArgs {
    std::string manifest;
    std::string index;
    std::string index_env;
    std::string shard;
    int stage = -1;
    std::string results;
};

std::string result_json(const batch::Job& job, const JobOutcome& outcome, double seconds) {
    nlohmann::ordered_json out;
    out["koho_job_result"] = 1;
    out["index"] = job.index;
    out["kind"] = batch::job_kind_name(job.kind);
    out["layout"] = job.layout;
    out["argv"] = job.argv;
    out["exit_code"] = outcome.exit_code;
    out["status"] = outcome.exit_code == kExitOk ? "ok" : "failed";
    out["seconds"] = std::stod(format_number(seconds, 3));
    // What is in place now: after a success the new files, after a failure
    // whatever an earlier run left (a failed job writes none of its own).
    nlohmann::ordered_json outputs = nlohmann::ordered_json::array();
    for (const std::string& output : job.outputs) {
        std::error_code ec;
        const auto bytes = fs::file_size(output, ec);
        nlohmann::ordered_json entry{{"path", output}, {"exists", !ec}};
        if (!ec) entry["bytes"] = bytes;
        outputs.push_back(entry);
    }
    out["outputs"] = outputs;
    out["depfile"] = job.depfile;
    nlohmann::json messages = nlohmann::json::array();
    for (const Diagnostic& diagnostic : outcome.diagnostics) messages.push_back(diagnostic_text(diagnostic));
    out["messages"] = messages;
    return out.dump(2) + "\n";
}

// Which jobs: exactly one of --index, --index-from-env, --shard.
std::vector<size_t> chosen_jobs(const RunJobArgs& args, const batch::Manifest& manifest) {
    const int ways = !args.index.empty() + !args.index_env.empty() + !args.shard.empty();
    if (ways != 1) fail_input({"--index"}, "give one of --index N, --index-from-env VAR or --shard I/N");
    if (args.stage >= 0 && args.shard.empty()) fail_input({"--stage"}, "--stage chooses among a shard's jobs (--shard I/N)");
    const size_t count = manifest.jobs.size();
    if (!args.index.empty()) return {batch::parse_job_index(args.index, count, {"--index"})};
    if (!args.index_env.empty()) {
        const char* value = std::getenv(args.index_env.c_str());
        if (!value) fail_input({"--index-from-env"}, "the environment variable " + args.index_env + " is not set");
        return {batch::parse_job_index(value, count, {args.index_env})};
    }
    std::vector<int> stage_of;
    for (const batch::Job& job : manifest.jobs) stage_of.push_back(job.stage);
    return batch::shard_jobs(stage_of, batch::parse_shard_spec(args.shard, {"--shard"}),
                             args.stage >= 0 ? std::optional<int>(args.stage) : std::nullopt);
}

void run_jobs(const RunJobArgs& args) {
    const batch::Manifest manifest = batch::read_manifest(args.manifest);
    const SourceLoc at{args.manifest};
    if (manifest.koho_version != build_info::kVersion)
        fail_input(at, "the manifest was planned by koho " + manifest.koho_version + ", this is koho " +
                           build_info::kVersion + ": plan it again");
    std::error_code ec;
    if (!fs::path(manifest.root).is_absolute() || !fs::is_directory(manifest.root, ec))
        fail_input(at, "the manifest's project root " + manifest.root +
                           " is not a directory here (the project moved? plan it again where it is)");
    const std::vector<size_t> chosen = chosen_jobs(args, manifest);
    // Jobs name their files relative to the root, wherever the scheduler
    // started us; the results folder too, unless given absolute.
    const fs::path results_dir = args.results.empty() ? fs::path(manifest.output_dir) / ".jobs"
                                                      : fs::absolute(args.results);
    fs::current_path(manifest.root, ec);
    if (ec) fail_system({manifest.root}, "cannot change to the project root: " + ec.message());
    fs::create_directories(results_dir, ec);
    if (ec) fail_system({results_dir.string()}, "cannot create the results directory: " + ec.message());

    if (chosen.empty())
        print_diagnostic({}, "note",
                         "shard " + args.shard + (args.stage >= 0 ? " of stage " + std::to_string(args.stage) : "") +
                             " has no jobs in this manifest",
                         /*from_koho=*/true);
    int worst = kExitOk;
    for (size_t index : chosen) {
        const batch::Job& job = manifest.jobs[index];
        const auto start = std::chrono::steady_clock::now();
        const JobOutcome outcome = run_manifest_job(job, results_dir);
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        const fs::path result = results_dir / ("job-" + std::to_string(index) + ".json");
        write_file_atomically(result, result_json(job, outcome, seconds));
        std::cerr << "koho: job " << index << " (" << batch::job_kind_name(job.kind) << " "
                  << (job.outputs.empty() ? job.layout : job.outputs.front()) << "): "
                  << (outcome.exit_code == kExitOk ? "ok" : "failed, exit " + std::to_string(outcome.exit_code))
                  << ", " << format_number(seconds, 1) << " s, " << result.string() << '\n';
        worst = std::max(worst, outcome.exit_code);
    }
    if (worst != kExitOk) throw ExitStatus{worst};
}

}  // namespace

void add_run_job_command(CLI::App& app) {
    auto args = std::make_shared<RunJobArgs>();
    auto* cmd = app.add_subcommand("run-job", "Run one job (or a shard of jobs) of a koho plan manifest");
    cmd->add_option("manifest", args->manifest, "The manifest")->required()->type_name("MANIFEST.json");
    cmd->add_option("--index", args->index, "The job to run, counted from 0")->type_name("N");
    cmd->add_option("--index-from-env", args->index_env,
                    "Take the job index from this environment variable (e.g. SLURM_ARRAY_TASK_ID)")
        ->type_name("VAR");
    cmd->add_option("--shard", args->shard, "Run shard I of N (0 ≤ I < N): the jobs whose index ≡ I (mod N)")
        ->type_name("I/N");
    cmd->add_option("--stage", args->stage, "With --shard: only the jobs of this stage (0: renders, 1: joins)")
        ->type_name("S");
    cmd->add_option("--results", args->results, "Where to write job-N.json (default: OUTPUT_DIR/.jobs in the root)")
        ->type_name("DIR");
    // The long text leads the footer, so that `koho --help` keeps the one-line summary.
    cmd->footer(
        "Run job N of MANIFEST (from `koho plan -o MANIFEST`) in the project root the manifest names,\n"
        "exactly as its koho print, video or concat command would, and write its result (exit code,\n"
        "outputs, seconds, error messages) to RESULTS/job-N.json, atomically, failed or not. With\n"
        "--shard I/N, every job whose index is I modulo N, one after another.\n"
        "Exit status: the job's (0 written, 2 bad input, 1 any other failure); with --shard the highest\n"
        "of its jobs'. 2 also when the manifest is wrong, stale (a layout or data file changed since\n"
        "koho plan), from another koho, or the index is out of range. See docs/batch.md.");
    cmd->callback([args] { run_jobs(*args); });
}

}  // namespace koho::cli
