// `koho video TIMELINE.json -o OUT.mp4`: a timeline to an upload-ready MP4
// with its captions (.srt, .vtt), chapters (-chapters.txt) and thumbnail
// (.jpg) beside it. A timeline with "data" renders one MP4 set per record
// (--output-dir, video_merge.cpp), each through render_video_target.
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/diagnostic_output.h"
#include "cli/deps_flag.h"
#include "cli/limit_flags.h"
#include "cli/video_common.h"
#include "cli/video_job.h"
#include "core/dependency_log.h"
#include "model/json_source.h"
#include "model/merge_plan.h"
#include "core/diagnostic.h"
#include "core/progress.h"
#include "core/units.h"
#include "model/timeline.h"
#include "model/timeline_record.h"
#include "text/font_context.h"
#include "text/typesetter.h"
#include "video/presets.h"
#include "video/render_video.h"
#include "video/segment.h"

namespace koho::cli {
namespace {

namespace fs = std::filesystem;

video::VideoJob video_job_of(const VideoArgs& args, const VideoTarget& target) {
    video::VideoJob job;
    job.output = target.output;
    job.preset = args.preset;
    if (args.crf >= 0) job.crf = args.crf;
    job.encoder_preset = args.encoder_preset;
    job.threads = args.threads;
    return job;
}

// Segments are rendered from the timeline file alone: the plain command.
void render_segment_target(const VideoArgs& args, const VideoTarget& target, const video::SegmentSpec& segment) {
    DepsRecorder deps(target.deps, nullptr);
    model::TimelineOptions options;
    options.root = args.root;
    options.variant = args.variant;
    options.limits = args.limits;
    const model::Timeline timeline = model::load_timeline(args.timeline, options);
    auto fonts = project_fonts(args);
    for (const auto& [family, where] : timeline.canvas.families_used) text::require_family(*fonts, family, where);
    text::Typesetter typesetter(fonts);
    video::VideoJob job = video_job_of(args, target);
    const std::string label = fs::path(target.output).filename().string();
    ProgressReporter progress(std::cerr, progress_mode(args.quiet), label, timeline.fps.value());
    job.before_commit = [&deps](const std::vector<fs::path>& written) { deps.finish(written); };
    const video::VideoReport report = video::render_segment(
        timeline, job, segment, video::file_sha256(args.timeline, SourceLoc{args.timeline}), typesetter, &progress);
    for (const Diagnostic& warning : report.warnings) print_diagnostic(warning.loc, "warning", warning.message);
}

void run_video(const VideoArgs& args) {
    std::error_code ec;
    if (!fs::is_directory(args.root, ec)) fail_input({"--root"}, "project root '" + args.root + "' is not a directory");
    if (args.list_variants && !args.deps.empty()) fail_input({"--deps"}, "--list-variants renders nothing to list dependencies of");
    std::optional<video::SegmentSpec> segment;
    if (!args.segment.empty()) segment = video::parse_segment_spec(args.segment, SourceLoc{"--segment"});
    if (!args.output_dir.empty()) {
        if (segment)
            fail_input({"--segment"}, "a split render is of one video; with data merge (--output-dir) each "
                                      "record is rendered whole");
        if (args.list_variants)
            fail_input({"--list-variants"}, "--list-variants lists the timeline's variants; give it without "
                                            "--output-dir");
        return run_video_merge(args);
    }
    refuse_records_without_merge(args);
    // A timeline that merges data is rendered per record: -o would name one.
    const model::JsonSource source = model::JsonSource::read_file(args.timeline);
    if (auto merge = is_video_timeline(source) ? model::read_merge_spec(source) : std::nullopt) {
        if (args.list_variants) return list_merge_variants(args);
        fail_input(merge->data_loc, "this timeline merges data: it makes one MP4 per record of " +
                                        model::sanitize_utf8(merge->data) + "; give their folder with "
                                        "--output-dir DIR instead of -o");
    }
    if (args.list_variants) {
        model::TimelineOptions options;
        options.root = args.root;
        options.limits = args.limits;
        const model::Timeline timeline = model::load_timeline(args.timeline, options);
        for (const auto& name : timeline.variant_names) std::cout << name << '\n';
        return;
    }
    if (args.output.empty())
        fail_input({"-o"}, "koho video needs -o OUT.mp4 (or, for a timeline with \"data\", the folder of its "
                           "MP4s with --output-dir DIR)");
    VideoTarget target;
    target.output = args.output;
    target.deps = args.deps;
    if (segment) return render_segment_target(args, target, *segment);
    render_video_target(args, nullptr, target);
}

}  // namespace

bool is_video_timeline(const model::JsonSource& source) {
    const auto& root = source.root();
    return root.is_object() && root.contains("type") && root["type"] == "video";
}

void render_video_target(const VideoArgs& args, const std::shared_ptr<text::FontContext>& fonts,
                         const VideoTarget& target) {
    // Before the timeline is read: every file from here on is a dependency.
    DepsRecorder deps(target.deps, nullptr);
    if (!target.data_file.empty()) record_dependency(target.data_file);
    model::TimelineOptions options;
    options.root = args.root;
    options.variant = args.variant;
    options.limits = args.limits;
    const model::Timeline timeline = model::load_timeline_record(args.timeline, options, target.record_vars);

    // Made here, after the timeline, when no earlier render made them.
    const std::shared_ptr<text::FontContext> font_context = fonts ? fonts : project_fonts(args);
    for (const auto& [family, where] : timeline.canvas.families_used)
        text::require_family(*font_context, family, where);
    // A typesetter per render: its font cache records the font files this
    // render uses (a data-merge record's depfile lists its own).
    text::Typesetter typesetter(font_context);

    video::VideoJob job = video_job_of(args, target);
    const std::string label = fs::path(target.output).filename().string();
    ProgressReporter progress(std::cerr, progress_mode(args.quiet), label, timeline.fps.value());
    // The MP4 and its sidecars are one output set inside render_video; the
    // depfile is put in place just before them, once all are written: a
    // failed render (or depfile) leaves the old depfile beside the old outputs.
    job.before_commit = [&deps](const std::vector<fs::path>& written) { deps.finish(written); };
    const video::VideoReport report = video::render_video(timeline, job, typesetter, &progress);
    for (const Diagnostic& warning : report.warnings) print_diagnostic(warning.loc, "warning", warning.message);
    if (!args.quiet && report.loudness) {
        const auto& loudness = *report.loudness;
        std::cerr << "koho: " << label << ": " << report.frames << " frames, "
                  << format_number(report.duration_s, 3) << " s, loudness "
                  << format_number(loudness.after.integrated_lufs, 1) << " LUFS, true peak "
                  << format_number(loudness.after.true_peak_dbtp, 1) << " dBTP\n";
    }
}

void add_video_command(CLI::App& app) {
    auto args = std::make_shared<VideoArgs>();
    auto* cmd = app.add_subcommand("video", "Render a video timeline to an upload-ready H.264/AAC MP4");
    cmd->description(
        "Render a video timeline (JSON, see docs/timeline.md) to an MP4: H.264 High yuv420p BT.709,\n"
        "AAC-LC 48 kHz stereo, moov first, no edit list, chapters; loudness normalised. Beside OUT.mp4\n"
        "it writes OUT.srt and OUT.vtt (captions), OUT-chapters.txt and OUT.jpg (thumbnail).\n");
    cmd->add_option("timeline", args->timeline, "The timeline file")->required()->type_name("TIMELINE.json");
    auto* output = cmd->add_option("-o,--output", args->output, "Where to write the MP4 (replaced only when complete)")
                       ->type_name("OUT.mp4");
    cmd->add_option("--output-dir", args->output_dir,
                    "Data merge: write each record's MP4 (the timeline's \"output.name\") and sidecars into DIR")
        ->type_name("DIR")
        ->excludes(output);
    cmd->add_option("--records", args->records, "Data merge: only these records (1-based), e.g. 3 or 1-4,7")
        ->type_name("LIST");
    cmd->add_flag("--list-records", args->list_records,
                  "Data merge: print each record's number and MP4 name, render nothing");
    cmd->add_option("--variant", args->variant, "Render this variant of the timeline (its \"variants\")")
        ->type_name("NAME");
    cmd->add_flag("--list-variants", args->list_variants, "Print the timeline's variant names and exit");
    cmd->add_option("--preset", args->preset, "Encoding preset (default: the timeline's \"output.preset\")")
        ->type_name("P");
    cmd->add_option("--encoder-preset", args->encoder_preset, "x264 preset (ultrafast … veryslow)")
        ->type_name("P")
        ->check(CLI::IsMember({"ultrafast", "superfast", "veryfast", "faster", "fast", "medium", "slow",
                               "slower", "veryslow", "placebo"}));
    cmd->add_option("--crf", args->crf, "x264 constant rate factor, 0–51")->type_name("N")->check(CLI::Range(0, 51));
    cmd->add_option("--threads", args->threads, "Encoder threads (0: automatic); 1 → identical bytes run to run (x264's rate control under the presets' bitrate cap is not repeatable with more)")
        ->type_name("N")
        ->check(CLI::Range(0, 64));
    cmd->add_option("--root", args->root, "Project root: media paths resolve inside it")->type_name("DIR")->default_str(".");
    cmd->add_option("--font-dir", args->font_dirs, "Another directory of fonts (repeatable)")->type_name("DIR");
    cmd->add_option("--segment", args->segment,
                    "Render only segment K of N (1-based): a video-only MP4 of whole GOPs, for koho concat")
        ->type_name("K/N");
    add_deps_flag(*cmd, args->deps);
    cmd->add_flag("-q,--quiet", args->quiet, "No progress on stderr");
    add_limit_flags(*cmd, args->limits,
                    kLimitImagePixels | kLimitTextChars | kLimitVideoSeconds | kLimitVideoPixels);
    cmd->footer(preset_list() +
                "Exit status: 0 written, 2 the timeline (or an option) is wrong, 1 any other failure.\n"
                "Data merge: 2 also when any record failed; its error is printed and every other record\n"
                "is still written (docs/timeline.md, Data merge). With --output-dir, --deps is a directory\n"
                "of depfiles, <output>.d, and --variant V names each MP4 <name>-V.mp4.");
    cmd->callback([args] { run_video(*args); });
}

}  // namespace koho::cli
