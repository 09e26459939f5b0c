// `koho transcode IN -o OUT --preset P`: footage made upload-ready — scaled
// and padded to the preset, an image overlaid, SubRip captions burned in,
// the sound normalised to a loudness target. IN, the overlay and the
// captions resolve inside --root like every file a layout names.
#include <cctype>
#include <cmath>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/font_dirs.h"
#include "cli/limit_flags.h"
#include "cli/video_common.h"
#include "core/diagnostic.h"
#include "core/paths.h"
#include "core/progress.h"
#include "text/font_context.h"
#include "text/typesetter.h"
#include "video/media_input.h"
#include "video/presets.h"
#include "video/transcode.h"

namespace koho::cli {
namespace {

namespace fs = std::filesystem;

struct TranscodeArgs {
    std::string input;
    std::string output;
    std::string preset = "youtube-1080p";
    std::string overlay;
    std::string overlay_at;
    double overlay_width = 0;
    std::string captions;
    std::string loudness = "-14LUFS";
    std::string true_peak = "-1dBTP";
    int crf = -1;
    std::string encoder_preset;
    int threads = 0;
    std::string root = ".";
    std::vector<std::string> font_dirs;
    bool quiet = false;
    Limits limits;
};

// "-14LUFS", "-14 LUFS" or "-14" (the unit's letters in any case).
double number_with_unit(const std::string& text, const std::string& unit, const char* option) {
    std::string digits = text;
    if (digits.size() >= unit.size()) {
        std::string tail = digits.substr(digits.size() - unit.size());
        for (char& ch : tail) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
        std::string upper_unit = unit;
        for (char& ch : upper_unit) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
        if (tail == upper_unit) digits.resize(digits.size() - unit.size());
    }
    while (!digits.empty() && digits.back() == ' ') digits.pop_back();
    size_t used = 0;
    double value = 0;
    try {
        value = std::stod(digits, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (digits.empty() || used != digits.size() || !std::isfinite(value))
        fail_input({option}, "'" + text + "' is not a level in " + unit + " (for example -14" + unit + ")");
    return value;
}

// "x,y" in pixels of the output frame.
void parse_position(const std::string& text, double& x, double& y) {
    const size_t comma = text.find(',');
    size_t used_x = 0, used_y = 0;
    try {
        if (comma == std::string::npos) throw std::invalid_argument("no comma");
        const std::string xs = text.substr(0, comma), ys = text.substr(comma + 1);
        x = std::stod(xs, &used_x);
        y = std::stod(ys, &used_y);
        if (used_x != xs.size() || used_y != ys.size()) throw std::invalid_argument("trailing text");
    } catch (const std::exception&) {
        fail_input({"--overlay-at"}, "'" + text + "' is not a position; write X,Y in pixels of the output frame "
                                                  "(for example 40,40)");
    }
}

video::TranscodeJob make_job(const TranscodeArgs& args) {
    std::error_code ec;
    if (!fs::is_directory(args.root, ec)) fail_input({"--root"}, "project root '" + args.root + "' is not a directory");
    video::TranscodeJob job;
    job.input = resolve_in_root(args.root, args.input, {}, "input");
    job.output = args.output;
    job.preset = args.preset;
    video::preset_named(job.preset, {"--preset"});  // an unknown name fails before any work
    if (!args.overlay.empty()) {
        job.overlay = resolve_in_root(args.root, args.overlay, {"--overlay"}, "overlay image");
        if (!args.overlay_at.empty()) parse_position(args.overlay_at, job.overlay_x_px, job.overlay_y_px);
        if (args.overlay_width < 0) fail_input({"--overlay-width"}, "the overlay width must be positive");
        job.overlay_width_px = args.overlay_width;
    } else if (!args.overlay_at.empty() || args.overlay_width != 0) {
        fail_input({"--overlay-at"}, "--overlay-at and --overlay-width place an --overlay IMAGE; none was given");
    }
    if (!args.captions.empty()) job.captions = resolve_in_root(args.root, args.captions, {"--captions"}, "captions");

    if (args.loudness == "off") {
        job.loudness_lufs.reset();
    } else {
        const double lufs = number_with_unit(args.loudness, "LUFS", "--loudness");
        if (lufs < -70 || lufs > -5)
            fail_input({"--loudness"}, "a loudness target of " + args.loudness +
                                           " is outside -70..-5 LUFS (web: -14LUFS, broadcast: -24LUFS)");
        job.loudness_lufs = lufs;
    }
    job.true_peak_dbtp = number_with_unit(args.true_peak, "dBTP", "--true-peak");
    if (job.true_peak_dbtp < -12 || job.true_peak_dbtp > 0)
        fail_input({"--true-peak"}, "a true-peak limit of " + args.true_peak + " is outside -12..0 dBTP");
    if (args.crf >= 0) job.crf = args.crf;
    job.encoder_preset = args.encoder_preset;
    job.threads = args.threads;
    job.limits = args.limits;
    return job;
}

void run_transcode(const TranscodeArgs& args) {
    const video::TranscodeJob job = make_job(args);
    auto fonts = text::FontContext::create(font_directories(args.root, args.font_dirs));
    text::Typesetter typesetter(fonts);
    const std::string label = fs::path(args.output).filename().string();
    // Speed is media seconds per second at the rate transcode will pick.
    const double fps = video::transcode_frame_rate(video::probe_media(job.input, {}, job.limits.max_image_pixels).fps).value();
    ProgressReporter progress(std::cerr, progress_mode(args.quiet), label, fps);
    video::transcode(job, typesetter, &progress);
}

}  // namespace

void add_transcode_command(CLI::App& app) {
    auto args = std::make_shared<TranscodeArgs>();
    auto* cmd = app.add_subcommand("transcode", "Make footage upload-ready: scaled to a preset, overlay, captions, loudness");
    cmd->description(
        "Re-encode any file FFmpeg reads as an upload-ready MP4 (H.264 High yuv420p BT.709, AAC-LC 48 kHz\n"
        "stereo, moov first): the picture scaled to fit the preset's frame with its aspect kept and black\n"
        "bars, an image overlaid (the mascot), SubRip captions burned in with the caption style of video\n"
        "timelines, the sound normalised to a loudness target with a true-peak limit. The output keeps\n"
        "the input's frame rate (23.976/29.97/59.94 exact, others rounded, at most 60). An input without\n"
        "sound gets a silent audio track.\n");
    cmd->add_option("input", args->input, "The footage, relative to --root")->required()->type_name("IN");
    cmd->add_option("-o,--output", args->output, "Where to write the MP4 (replaced only when complete)")
        ->required()
        ->type_name("OUT.mp4");
    cmd->add_option("--preset", args->preset, "Encoding preset")->type_name("P")->default_str("youtube-1080p");
    cmd->add_option("--overlay", args->overlay, "A PNG or JPEG drawn over every frame (alpha kept)")->type_name("IMAGE");
    cmd->add_option("--overlay-at", args->overlay_at, "Top-left corner of the overlay in output pixels (default 0,0)")
        ->type_name("X,Y");
    cmd->add_option("--overlay-width", args->overlay_width, "Overlay width in output pixels, aspect kept (default: its own)")
        ->type_name("W");
    cmd->add_option("--captions", args->captions, "SubRip captions to burn in")->type_name("FILE.srt");
    cmd->add_option("--loudness", args->loudness, "Integrated loudness target, or off (web -14LUFS, broadcast -24LUFS)")
        ->type_name("LUFS")
        ->default_str("-14LUFS");
    cmd->add_option("--true-peak", args->true_peak, "True-peak limit")->type_name("dBTP")->default_str("-1dBTP");
    cmd->add_option("--crf", args->crf, "x264 constant rate factor, 0–51 (default: the preset's)")
        ->type_name("N")
        ->check(CLI::Range(0, 51));
    cmd->add_option("--encoder-preset", args->encoder_preset, "x264 preset (default: the preset's)")
        ->type_name("P")
        ->check(CLI::IsMember({"ultrafast", "superfast", "veryfast", "faster", "fast", "medium", "slow",
                               "slower", "veryslow", "placebo"}));
    cmd->add_option("--threads", args->threads, "Encoder threads (0: automatic); 1 → identical bytes run to run (x264's rate control under the presets' bitrate cap is not repeatable with more)")
        ->type_name("N")
        ->check(CLI::Range(0, 64));
    cmd->add_option("--root", args->root, "Project root: IN, --overlay and --captions resolve inside it")
        ->type_name("DIR")
        ->default_str(".");
    cmd->add_option("--font-dir", args->font_dirs, "Another directory of fonts (repeatable)")->type_name("DIR");
    cmd->add_flag("-q,--quiet", args->quiet, "No progress on stderr");
    add_limit_flags(*cmd, args->limits,
                    kLimitImagePixels | kLimitTextChars | kLimitVideoSeconds | kLimitVideoPixels);
    cmd->footer(preset_list() + "Exit status: 0 written, 2 the input (or an option) is wrong, 1 any other failure.");
    cmd->callback([args] { run_transcode(*args); });
}

}  // namespace koho::cli
