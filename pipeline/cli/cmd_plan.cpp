// `koho plan [LAYOUT...] [-o MANIFEST.json] [--json]`: the campaign's renders
// as a job manifest (batch/manifest.h) for `koho run-job` or any scheduler,
// or as a table to read.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "batch/job_plan.h"
#include "batch/manifest.h"
#include "cli/commands.h"
#include "core/atomic_file.h"
#include "core/build_info.h"
#include "core/diagnostic.h"

namespace koho::cli {
namespace {

namespace fs = std::filesystem;

struct PlanArgs {
    std::vector<std::string> layouts;
    std::string output_dir = "output";
    std::string editions = "print,web";
    int segments = 0;
    bool json = false;
    std::string manifest;
};

// No layouts named: every layouts/*.json (batch::project_layouts).
std::vector<std::string> every_layout() {
    std::vector<std::string> found = batch::project_layouts();
    if (found.empty()) fail_input({"layouts"}, "no layouts/*.json to plan (name the layouts, or run koho plan from the project root)");
    return found;
}

// One line per job: what a person checks before submitting the manifest.
void print_table(const std::vector<batch::Job>& jobs) {
    std::printf("%-5s %-5s %-7s %-34s %s\n", "index", "stage", "kind", "layout", "output");
    for (const batch::Job& job : jobs) {
        std::string after;
        for (size_t d : job.depends_on) after += (after.empty() ? "  (after " : ",") + std::to_string(d);
        if (!after.empty()) after += ")";
        const std::string output = job.outputs.empty() ? std::string() : job.outputs.front();
        std::printf("%-5zu %-5d %-7s %-34s %s%s\n", job.index, job.stage, batch::job_kind_name(job.kind),
                    job.layout.c_str(), output.c_str(), after.c_str());
    }
}

void run_plan(const PlanArgs& args) {
    batch::PlanOptions options;
    options.output_dir = args.output_dir;
    batch::parse_editions(args.editions, options);
    if (args.segments == 1 || args.segments < 0)
        fail_input({"--segments"}, "--segments N splits each video into N ≥ 2 segments (0: whole renders)");
    options.segments = args.segments;
    // Take the manifest's place first: an unwritable -o fails before the work.
    std::optional<AtomicFile> file;
    if (!args.manifest.empty()) file.emplace(args.manifest);

    batch::Manifest manifest;
    manifest.koho_version = build_info::kVersion;
    manifest.root = fs::current_path().string();
    manifest.output_dir = fs::path(args.output_dir).lexically_normal().generic_string();
    manifest.jobs = batch::plan_jobs(args.layouts.empty() ? every_layout() : args.layouts, options);
    const std::string text = batch::manifest_json(manifest);
    if (file) {
        file->write(text);
        file->commit();
    }
    if (args.json)
        std::fwrite(text.data(), 1, text.size(), stdout);
    else
        print_table(manifest.jobs);
}

}  // namespace

void add_plan_command(CLI::App& app) {
    auto args = std::make_shared<PlanArgs>();
    auto* cmd = app.add_subcommand("plan", "List every render of the layouts as jobs: a manifest for koho run-job or a scheduler");
    cmd->add_option("layouts", args->layouts, "The layouts and timelines (default: every layouts/*.json, sorted)")
        ->type_name("LAYOUT.json...");
    cmd->add_option("-o,--output", args->manifest, "Write the manifest (JSON) here (replaced only when complete)")
        ->type_name("MANIFEST.json");
    cmd->add_flag("--json", args->json, "Print the manifest on stdout instead of the table");
    cmd->add_option("--output-dir", args->output_dir, "Where the jobs write, relative to the root")
        ->type_name("DIR")
        ->default_str("output");
    cmd->add_option("--editions", args->editions, "Print layouts: the press PDF (print), the web edition (web) or both")
        ->type_name("print,web")
        ->default_str("print,web");
    cmd->add_option("--segments", args->segments, "Render each video as N segments (koho video --segment) and a join (koho concat)")
        ->type_name("N");
    // The long text leads the footer, so that `koho --help` keeps the one-line summary.
    cmd->footer(
        "Expand layouts into jobs, one per output, run from the project root (the current directory):\n"
        "a print layout's press PDF with proofs and spreads and its web edition, each record of a\n"
        "data merge, each video and video variant (or, with --segments N, its N segments and a join\n"
        "that waits for them). The outputs, paths and flags are Makefile.assets's. Jobs are numbered\n"
        "from 0: every job of stage 0 first (layouts in the order given), then stage 1 (the joins).\n"
        "A timeline's variants are found by loading it, so its media must exist (make media).\n"
        "Exit status: 0 planned, 2 a layout (or an option) is wrong, 1 any other failure.\n"
        "See docs/batch.md, \"Manifests and sharding\".");
    cmd->callback([args] { run_plan(*args); });
}

}  // namespace koho::cli
