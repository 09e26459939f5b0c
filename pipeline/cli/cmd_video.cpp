// `koho video TIMELINE.json -o OUT.mp4`: a timeline to an upload-ready MP4
// with its captions (.srt, .vtt), chapters (-chapters.txt) and thumbnail
// (.jpg) beside it.
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/deps_flag.h"
#include "cli/font_dirs.h"
#include "cli/limit_flags.h"
#include "cli/video_common.h"
#include "core/diagnostic.h"
#include "core/progress.h"
#include "core/units.h"
#include "model/timeline.h"
#include "text/font_context.h"
#include "text/typesetter.h"
#include "video/presets.h"
#include "video/render_video.h"
#include "video/segment.h"

namespace koho::cli {
namespace {

namespace fs = std::filesystem;

struct VideoArgs {
    std::string timeline;
    std::string output;
    std::string variant;
    std::string preset;
    std::string encoder_preset;
    int crf = -1;
    int threads = 0;
    std::string root = ".";
    std::vector<std::string> font_dirs;
    bool quiet = false;
    bool list_variants = false;
    std::string deps;
    std::string segment;  // "K/N": one segment of a split render (video/segment.h)
    Limits limits;
};

void run_video(const VideoArgs& args) {
    std::error_code ec;
    if (!fs::is_directory(args.root, ec)) fail_input({"--root"}, "project root '" + args.root + "' is not a directory");
    if (args.list_variants && !args.deps.empty()) fail_input({"--deps"}, "--list-variants renders nothing to list dependencies of");
    std::optional<video::SegmentSpec> segment;
    if (!args.segment.empty()) segment = video::parse_segment_spec(args.segment, SourceLoc{"--segment"});
    // Before the timeline is read: every file from here on is a dependency.
    DepsRecorder deps(args.deps, nullptr);
    model::TimelineOptions options;
    options.root = args.root;
    options.variant = args.variant;
    options.limits = args.limits;
    const model::Timeline timeline = model::load_timeline(args.timeline, options);
    if (args.list_variants) {
        for (const auto& name : timeline.variant_names) std::cout << name << '\n';
        return;
    }
    if (args.output.empty()) fail_input({"-o"}, "koho video needs -o OUT.mp4");

    auto fonts = text::FontContext::create(font_directories(args.root, args.font_dirs));
    for (const auto& [family, where] : timeline.canvas.families_used) text::require_family(*fonts, family, where);
    text::Typesetter typesetter(fonts);

    video::VideoJob job;
    job.output = args.output;
    job.preset = args.preset;
    if (args.crf >= 0) job.crf = args.crf;
    job.encoder_preset = args.encoder_preset;
    job.threads = args.threads;

    const std::string label = fs::path(args.output).filename().string();
    ProgressReporter progress(std::cerr, progress_mode(args.quiet), label, timeline.fps.value());
    // The MP4 and its sidecars are one output set inside render_video; the
    // depfile is put in place just before them, once all are written: a
    // failed render (or depfile) leaves the old depfile beside the old outputs.
    job.before_commit = [&deps](const std::vector<fs::path>& written) { deps.finish(written); };
    const video::VideoReport report =
        segment ? video::render_segment(timeline, job, *segment, video::file_sha256(args.timeline, SourceLoc{args.timeline}),
                                        typesetter, &progress)
                : video::render_video(timeline, job, typesetter, &progress);
    for (const auto& warning : report.warnings) std::cerr << warning << '\n';
    if (!args.quiet && report.loudness) {
        const auto& loudness = *report.loudness;
        std::cerr << "koho: " << label << ": " << report.frames << " frames, "
                  << format_number(report.duration_s, 3) << " s, loudness "
                  << format_number(loudness.after.integrated_lufs, 1) << " LUFS, true peak "
                  << format_number(loudness.after.true_peak_dbtp, 1) << " dBTP\n";
    }
}

}  // namespace

void add_video_command(CLI::App& app) {
    auto args = std::make_shared<VideoArgs>();
    auto* cmd = app.add_subcommand("video", "Render a video timeline to an upload-ready H.264/AAC MP4");
    cmd->description(
        "Render a video timeline (JSON, see docs/timeline.md) to an MP4: H.264 High yuv420p BT.709,\n"
        "AAC-LC 48 kHz stereo, moov first, no edit list, chapters; loudness normalised. Beside OUT.mp4\n"
        "it writes OUT.srt and OUT.vtt (captions), OUT-chapters.txt and OUT.jpg (thumbnail).\n");
    cmd->add_option("timeline", args->timeline, "The timeline file")->required()->type_name("TIMELINE.json");
    cmd->add_option("-o,--output", args->output, "Where to write the MP4 (replaced only when complete)")
        ->type_name("OUT.mp4");
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
                "Exit status: 0 written, 2 the timeline (or an option) is wrong, 1 any other failure.");
    cmd->callback([args] { run_video(*args); });
}

}  // namespace koho::cli
