// `koho jobs MANIFEST`: what became of a manifest's jobs, from the result
// files `koho run-job` leaves — the report a scheduler's last step prints
// (scripts/slurm/finish), the summary as JSON, and the build's contact
// sheet. `--shell` prints the manifest's shape as shell variables, for the
// scripts that submit it.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "batch/job_results.h"
#include "batch/manifest.h"
#include "cli/commands.h"
#include "cli/diagnostic_output.h"
#include "cli/font_dirs.h"
#include "core/atomic_file.h"
#include "core/diagnostic.h"
#include "core/units.h"
#include "proof/contact_sheet.h"
#include "proof/sheet_text.h"
#include "text/font_context.h"

namespace koho::cli {
namespace {

namespace fs = std::filesystem;

struct JobsArgs {
    std::string manifest;
    std::string results;
    std::string json_out;
    std::string contact_sheet;
    bool shell = false;
    bool all = false;
};

// 'text' for a POSIX shell: single quotes, each ' written '\''.
std::string shell_quoted(const std::string& text) {
    std::string out = "'";
    for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

// KOHO_ROOT, KOHO_OUTPUT_DIR, KOHO_JOB_COUNT and KOHO_STAGES ("0:0-45
// 1:46-47"), for `eval "$(koho jobs MANIFEST --shell)"`.
void print_shell(const batch::Manifest& manifest) {
    std::string stages;
    for (const batch::StageRange& range : batch::stage_ranges(manifest))
        stages += (stages.empty() ? "" : " ") + std::to_string(range.stage) + ":" + std::to_string(range.first) + "-" +
                  std::to_string(range.last);
    std::printf("KOHO_ROOT=%s\nKOHO_OUTPUT_DIR=%s\nKOHO_JOB_COUNT=%zu\nKOHO_STAGES=%s\n",
                shell_quoted(manifest.root).c_str(), shell_quoted(manifest.output_dir).c_str(), manifest.jobs.size(),
                shell_quoted(stages).c_str());
}

std::string job_title(const batch::Job& job) {
    return std::string(batch::job_kind_name(job.kind)) + " " + (job.outputs.empty() ? job.layout : job.outputs.front());
}

// Every job that did not succeed, with its messages (with --all, every
// job), then one line of counts.
void print_reports(const batch::Manifest& manifest, const std::vector<batch::JobReport>& reports, bool all) {
    for (const batch::JobReport& report : reports) {
        const batch::Job& job = manifest.jobs[report.index];
        switch (report.state) {
            case batch::JobState::Ok:
                if (all)
                    std::printf("job %zu ok, %s s: %s\n", report.index, format_number(report.seconds, 1).c_str(),
                                job_title(job).c_str());
                break;
            case batch::JobState::Failed:
                std::printf("job %zu failed, exit %d: %s\n", report.index, report.exit_code, job_title(job).c_str());
                for (const std::string& message : report.messages) std::printf("  %s\n", message.c_str());
                break;
            case batch::JobState::NoResult:
                std::printf("job %zu has no result: %s\n  %s\n", report.index, job_title(job).c_str(),
                            report.why_no_result.c_str());
                break;
        }
    }
    const batch::JobTotals totals = batch::totals_of(reports);
    std::printf("%zu jobs: %zu ok, %zu failed, %zu without a result; %s s of work\n", reports.size(), totals.ok,
                totals.failed, totals.no_result, format_number(totals.seconds, 1).c_str());
}

// What a successful job shows on the contact sheet: its PDF or picture, a
// video's thumbnail (koho video writes OUT.jpg beside OUT.mp4). Segments
// are parts of a video and web editions the press PDFs' pages again: they
// show nothing of their own.
std::vector<std::string> sheet_inputs(const batch::Manifest& manifest, const std::vector<batch::JobReport>& reports) {
    std::vector<std::string> inputs;
    for (const batch::JobReport& report : reports) {
        const batch::Job& job = manifest.jobs[report.index];
        if (report.state != batch::JobState::Ok || job.kind == batch::JobKind::Segment ||
            job.kind == batch::JobKind::Web)
            continue;
        for (const std::string& output : job.outputs)
            inputs.push_back(fs::path(output).extension() == ".mp4" ? fs::path(output).replace_extension(".jpg").string()
                                                                    : output);
    }
    return inputs;
}

void write_contact_sheet(const std::string& sheet, const batch::Manifest& manifest,
                         const std::vector<batch::JobReport>& reports) {
    std::string ext = fs::path(sheet).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    if (ext != ".png" && ext != ".pdf") fail_input({sheet}, "the contact sheet is a .png or a .pdf file");
    const std::vector<std::string> inputs = sheet_inputs(manifest, reports);
    if (inputs.empty()) {
        print_diagnostic({}, "note", "no job succeeded: no contact sheet written", /*from_koho=*/true);
        return;
    }
    AtomicFile out(sheet);
    const std::vector<proof::SheetItem> items = proof::collect_sheet_items(inputs);
    const proof::SheetText labels(text::FontContext::create(font_directories(manifest.root, {})), "Noto Sans CJK JP");
    proof::SheetOptions options;
    options.title = "koho jobs: " + fs::path(manifest.root).filename().string();
    out.write(ext == ".png" ? proof::contact_sheet_png(items, options, labels)
                            : proof::contact_sheet_pdf(items, options, labels));
    out.commit();
    std::cout << sheet << ": " << items.size() << " tiles\n";
}

int worst_exit_code(const std::vector<batch::JobReport>& reports) {
    int worst = kExitOk;
    for (const batch::JobReport& report : reports) {
        if (report.state == batch::JobState::Failed) worst = std::max(worst, report.exit_code);
        if (report.state == batch::JobState::NoResult) worst = std::max(worst, static_cast<int>(kExitFailure));
    }
    return worst;
}

void run_jobs_report(const JobsArgs& args) {
    const batch::Manifest manifest = batch::read_manifest(args.manifest);
    if (args.shell) {
        print_shell(manifest);
        return;
    }
    // Files named on the command line are where the user is; the jobs'
    // files are in the root, where run-job ran them.
    const fs::path json_out = args.json_out.empty() ? fs::path() : fs::absolute(args.json_out);
    const fs::path sheet = args.contact_sheet.empty() ? fs::path() : fs::absolute(args.contact_sheet);
    const fs::path results = args.results.empty() ? fs::path() : fs::absolute(args.results);
    std::error_code ec;
    fs::current_path(manifest.root, ec);
    if (ec)
        fail_input({args.manifest}, "the manifest's project root " + manifest.root +
                                        " is not a directory here (the project moved?): " + ec.message());
    const std::vector<batch::JobReport> reports =
        batch::read_job_reports(manifest, results.empty() ? fs::path(manifest.output_dir) / ".jobs" : results);

    print_reports(manifest, reports, args.all);
    if (!json_out.empty()) write_file_atomically(json_out, batch::job_reports_json(manifest, reports));
    if (!sheet.empty()) write_contact_sheet(sheet.string(), manifest, reports);
    if (const int worst = worst_exit_code(reports); worst != kExitOk) throw ExitStatus{worst};
}

}  // namespace

void add_jobs_command(CLI::App& app) {
    auto args = std::make_shared<JobsArgs>();
    auto* cmd = app.add_subcommand("jobs", "Report what became of a koho plan manifest's jobs (their run-job results)");
    cmd->add_option("manifest", args->manifest, "The manifest")->required()->type_name("MANIFEST.json");
    cmd->add_option("--results", args->results, "Where run-job wrote job-N.json (default: OUTPUT_DIR/.jobs in the root)")
        ->type_name("DIR");
    cmd->add_option("--json", args->json_out, "Also write the report as JSON")->type_name("FILE");
    cmd->add_option("--contact-sheet", args->contact_sheet,
                    "Also put every successful job's output (a video's thumbnail) on one sheet, .png or .pdf")
        ->type_name("SHEET");
    cmd->add_flag("--all", args->all, "List the jobs that succeeded too");
    cmd->add_flag("--shell", args->shell,
                  "Print KOHO_ROOT, KOHO_OUTPUT_DIR, KOHO_JOB_COUNT and KOHO_STAGES for a shell's eval, and nothing else");
    cmd->footer(
        "Reads RESULTS/job-N.json for every job of MANIFEST and prints each job that failed (with its\n"
        "error messages) or left no result (never ran, or was killed: a time or memory limit, a lost\n"
        "node), then a line of counts. A result file from another manifest counts as no result.\n"
        "Exit status: 0 every job succeeded; else the highest exit code of the failed jobs, at least 1\n"
        "when a job has no result; 2 when the manifest cannot be read. See docs/batch.md.");
    cmd->callback([args] { run_jobs_report(*args); });
}

}  // namespace koho::cli
