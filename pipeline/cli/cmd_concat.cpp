// `koho concat --timeline TIMELINE.json SEG... -o OUT.mp4`: the segments of
// a split render (`koho video --segment K/N`) joined without re-encoding,
// with the soundtrack, chapters, captions and thumbnail of a whole render.
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/diagnostic_output.h"
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
#include "video/concat_video.h"
#include "video/segment.h"

namespace koho::cli {
namespace {

namespace fs = std::filesystem;

struct ConcatArgs {
    std::string timeline;
    std::vector<std::string> segments;
    std::string output;
    std::string root = ".";
    std::vector<std::string> font_dirs;
    std::string deps;
    bool quiet = false;
    Limits limits;
};

void run_concat(const ConcatArgs& args) {
    std::error_code ec;
    if (!fs::is_directory(args.root, ec)) fail_input({"--root"}, "project root '" + args.root + "' is not a directory");
    DepsRecorder deps(args.deps, nullptr);
    // The segments say which variant and settings they were rendered with;
    // nothing is read from the timeline before they are known to agree.
    std::vector<fs::path> paths(args.segments.begin(), args.segments.end());
    video::ConcatJob job;
    job.segments = video::read_segment_tags(paths);
    job.output = args.output;
    job.timeline_sha256 = video::file_sha256(args.timeline, SourceLoc{args.timeline});

    model::TimelineOptions options;
    options.root = args.root;
    options.variant = job.segments.front().tag.variant;
    options.limits = args.limits;
    const model::Timeline timeline = model::load_timeline(args.timeline, options);
    auto fonts = text::FontContext::create(font_directories(args.root, args.font_dirs));
    for (const auto& [family, where] : timeline.canvas.families_used) text::require_family(*fonts, family, where);
    text::Typesetter typesetter(fonts);

    const std::string label = fs::path(args.output).filename().string();
    ProgressReporter progress(std::cerr, progress_mode(args.quiet), label, timeline.fps.value());
    job.before_commit = [&deps](const std::vector<fs::path>& written) { deps.finish(written); };
    const video::VideoReport report = video::concat_video(timeline, job, typesetter, &progress);
    for (const Diagnostic& warning : report.warnings) print_diagnostic(warning.loc, "warning", warning.message);
    if (!args.quiet) {
        std::cerr << "koho: " << label << ": " << report.frames << " frames from " << job.segments.size()
                  << " segments, " << format_number(report.duration_s, 3) << " s";
        if (report.loudness)
            std::cerr << ", loudness " << format_number(report.loudness->after.integrated_lufs, 1)
                      << " LUFS, true peak " << format_number(report.loudness->after.true_peak_dbtp, 1) << " dBTP";
        std::cerr << '\n';
    }
}

}  // namespace

void add_concat_command(CLI::App& app) {
    auto args = std::make_shared<ConcatArgs>();
    auto* cmd = app.add_subcommand("concat", "Join the segments of a split video render into one MP4");
    cmd->description(
        "Join segments made by `koho video TIMELINE --segment K/N` (K = 1 … N) into the MP4 a whole render\n"
        "would write: the H.264 packets are copied, not re-encoded; the sound is mixed and normalised for\n"
        "the whole timeline; OUT.srt, OUT.vtt, OUT-chapters.txt and OUT.jpg are written beside OUT.mp4.\n"
        "The segments must be all N of one render of TIMELINE, in order (see docs/batch.md).\n");
    cmd->add_option("segments", args->segments, "The segments, 1/N first")->required()->type_name("SEG.mp4...");
    cmd->add_option("--timeline", args->timeline, "The timeline the segments were rendered from")
        ->required()
        ->type_name("TIMELINE.json");
    cmd->add_option("-o,--output", args->output, "Where to write the MP4 (replaced only when complete)")
        ->required()
        ->type_name("OUT.mp4");
    cmd->add_option("--root", args->root, "Project root: media paths resolve inside it")->type_name("DIR")->default_str(".");
    cmd->add_option("--font-dir", args->font_dirs, "Another directory of fonts (repeatable)")->type_name("DIR");
    add_deps_flag(*cmd, args->deps);
    cmd->add_flag("-q,--quiet", args->quiet, "No progress on stderr");
    add_limit_flags(*cmd, args->limits,
                    kLimitImagePixels | kLimitTextChars | kLimitVideoSeconds | kLimitVideoPixels);
    cmd->footer("Exit status: 0 written, 2 a segment, the timeline or an option is wrong (nothing written), 1 any other failure.");
    cmd->callback([args] { run_concat(*args); });
}

}  // namespace koho::cli
