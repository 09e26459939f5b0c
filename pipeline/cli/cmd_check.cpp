// `koho check LAYOUT...`: everything `koho print` or `koho video` would find
// wrong with each file — schema, styles, fonts, media, data-merge records,
// text that does not fit, and for a print layout the preflight of the PDF
// made in memory — without writing any file. Print layouts go through the
// print render itself (render_print_target with check_only); timelines
// through the same loading and font checks as video's, short of encoding.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <map>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/diagnostic_output.h"
#include "cli/merge_run.h"
#include "cli/print_job.h"
#include "cli/video_job.h"
#include "core/diagnostic.h"
#include "model/json_source.h"
#include "model/merge_plan.h"
#include "model/timeline.h"
#include "model/timeline_record.h"
#include "text/font_context.h"

namespace koho::cli {
namespace {

namespace fs = std::filesystem;

struct CheckArgs {
    std::vector<std::string> files;
    std::string root = ".";
    std::vector<std::string> font_dirs;
};

// A layout or timeline with "data": every record, as --output-dir would
// render them. A bad record is reported (with its place in the data) and
// the others are still checked; returns how many failed.
size_t check_merge_records(const model::JsonSource& source, const model::MergeSpec& spec, const CheckArgs& args,
                           const std::vector<std::string>& endings,
                           const std::function<void(const model::MergeJob&)>& check_record) {
    const model::MergePlan plan = model::plan_merge(source, spec, args.root, endings);
    size_t failed = 0;
    for (const model::MergeJob& job : plan.jobs) {
        try {
            if (job.error) throw *job.error;
            check_record(job);
        } catch (const Error& e) {
            if (e.kind() != ErrorKind::BadInput) throw;
            report_record_failure(e, plan, job);
            ++failed;
        }
    }
    return failed;
}

void check_timeline(const CheckArgs& args, const model::JsonSource& source, const std::string& file,
                    size_t& failed_records) {
    VideoArgs video;
    video.timeline = file;
    video.root = args.root;
    video.font_dirs = args.font_dirs;
    model::TimelineOptions options;
    options.root = args.root;
    options.limits = video.limits;
    std::shared_ptr<text::FontContext> fonts;
    auto check_record = [&](const std::map<std::string, std::string>& vars) {
        const model::Timeline timeline = model::load_timeline_record(file, options, vars);
        if (!fonts) fonts = project_fonts(video);
        for (const auto& [family, where] : timeline.canvas.families_used) text::require_family(*fonts, family, where);
    };
    if (auto spec = model::read_merge_spec(source)) {
        failed_records += check_merge_records(source, *spec, args, {".mp4"},
                                              [&](const model::MergeJob& job) { check_record(job.vars); });
        return;
    }
    check_record({});
}

void check_layout(const CheckArgs& args, const model::JsonSource& source, const std::string& file,
                  size_t& failed_records) {
    PrintArgs print;
    print.layout = file;
    print.root = args.root;
    print.font_dirs = args.font_dirs;
    PrintTarget target;
    target.check_only = true;
    if (auto spec = model::read_merge_spec(source)) {
        std::shared_ptr<text::FontContext> fonts;
        failed_records += check_merge_records(
            source, *spec, args, {".pdf", ".png", ".jpg", ".jpeg"}, [&](const model::MergeJob& job) {
                if (!fonts) fonts = project_fonts(print);
                PrintTarget record = target;
                record.output = job.output;  // never written: says PDF or pictures
                record.record_vars = job.vars;
                render_print_target(print, &source, fonts, record);
            });
        return;
    }
    target.output = fs::path(file).stem().string() + ".pdf";  // never written
    render_print_target(print, &source, nullptr, target);
}

// Throws the file's error; a data merge's bad records are reported here and
// counted in `failed_records`.
void check_one(const CheckArgs& args, const std::string& file, size_t& failed_records) {
    const model::JsonSource source = model::JsonSource::read_file(file);
    if (is_video_timeline(source))
        check_timeline(args, source, file, failed_records);
    else
        check_layout(args, source, file, failed_records);
}

void run_check(const CheckArgs& args) {
    std::error_code ec;
    if (!fs::is_directory(args.root, ec)) fail_input({"--root"}, "project root '" + args.root + "' is not a directory");
    // Every file is checked, so one run lists every broken file.
    int status = kExitOk;
    for (const std::string& file : args.files) {
        try {
            size_t failed_records = 0;
            check_one(args, file, failed_records);
            if (failed_records > 0)
                fail_input({file}, std::to_string(failed_records) +
                                       (failed_records == 1 ? " record of the data is" : " records of the data are") +
                                       " wrong");
            std::cout << file << ": ok\n";
        } catch (const Error& e) {
            print_error(e);
            status = std::max(status, e.exit_code());
        }
    }
    std::cout.flush();
    if (status != kExitOk) throw ExitStatus{status};
}

}  // namespace

void add_check_command(CLI::App& app) {
    auto args = std::make_shared<CheckArgs>();
    auto* cmd = app.add_subcommand(
        "check", "Validate layouts and timelines and preflight print layouts in memory, writing nothing");
    cmd->add_option("files", args->files, "Layouts or timelines (JSON)")->required()->type_name("LAYOUT.json");
    cmd->add_option("--root", args->root, "Project root: media paths resolve inside it, and its fonts/ is searched first")
        ->type_name("DIR")
        ->default_str(".");
    cmd->add_option("--font-dir", args->font_dirs, "Another directory of fonts (repeatable)")->type_name("DIR");
    cmd->footer("Exit status: 0 every file is fine, 2 a file is wrong (each error located), 1 any other failure.");
    cmd->callback([args]() { run_check(*args); });
}

}  // namespace koho::cli
