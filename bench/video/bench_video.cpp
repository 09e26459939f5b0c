// bench/video's helper: the parts of `koho video` run one at a time, so the
// bench can time the encoder alone against the whole command (bench/video/run).
//
//   bench_video frames TIMELINE RAW [--variant V] [--root DIR]
//       composes every frame (FrameCompositor, as koho video does) into RAW:
//       Cairo ARGB32 frames back to back, width × 4 bytes a row.
//   bench_video encode TIMELINE RAW OUT.mp4 [--variant V] [--root DIR] [--encoder-preset P] [--crf N] [--threads N]
//       encodes RAW with Mp4Writer and the settings koho video would use for
//       the timeline (its preset, CRF, x264 preset; the soundtrack mixed and
//       normalised before the clock starts, timed apart) and reports the wall
//       time of the whole encode, RAW mapped and paged in beforehand.
//   bench_video render TIMELINE OUT.mp4 [--variant V] [--root DIR] [--encoder-preset P] [--threads N]
//       what koho video does (video::render_video), for when the CLI is not at hand.
//   bench_video png TIMELINE DIR --at T [--at T …] [--variant V] [--root DIR]
//       writes the frames at those times (seconds) as PNG, to look at.
//
// Every report line is `bench_video: KEY VALUE` on stdout.
#include <CLI/CLI.hpp>
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/build_info.h"
#include "core/diagnostic.h"
#include "model/timeline.h"
#include "raster/encode.h"
#include "raster/image_loader.h"
#include "text/font_context.h"
#include "text/typesetter.h"
#include "video/audio_mix.h"
#include "video/compositor.h"
#include "video/mp4_writer.h"
#include "video/render_video.h"
#include "video/presets.h"
#include "video/render_video.h"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using namespace koho;

namespace {

struct Common {
    std::string timeline, variant, root = ".";
};

model::Timeline load(const Common& c) {
    model::TimelineOptions options;
    options.root = c.root;
    options.variant = c.variant;
    return model::load_timeline(c.timeline, options);
}

// The font directories koho video searches: the project's fonts/, then the source tree's.
std::shared_ptr<text::FontContext> fonts_for(const model::Timeline& timeline, const std::string& root) {
    std::vector<fs::path> dirs;
    if (fs::is_directory(fs::path(root) / "fonts")) dirs.push_back(fs::path(root) / "fonts");
    dirs.push_back(fs::path(build_info::kSourceDir) / "fonts");
    auto fonts = text::FontContext::create(dirs);
    for (const auto& [family, where] : timeline.canvas.families_used) text::require_family(*fonts, family, where);
    return fonts;
}

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// A file descriptor that closes itself.
struct Fd {
    int fd = -1;
    ~Fd() {
        if (fd >= 0) ::close(fd);
    }
};

// A whole file mapped read-only and paged in (it must hold at least
// `needed` bytes), unmapped with itself.
class FileMapping {
public:
    FileMapping(const fs::path& path, size_t needed) {
        Fd in{::open(path.c_str(), O_RDONLY)};
        if (in.fd < 0) fail_system({path.string()}, "cannot open the raw frames");
        size_ = static_cast<size_t>(fs::file_size(path));
        if (size_ < needed) fail_input({path.string()}, "the raw file holds fewer frames than the timeline");
        void* p = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE | MAP_POPULATE, in.fd, 0);
        if (p == MAP_FAILED) fail_system({path.string()}, "cannot map the raw frames");
        bytes_ = static_cast<const uint8_t*>(p);
    }
    ~FileMapping() { ::munmap(const_cast<uint8_t*>(bytes_), size_); }
    FileMapping(const FileMapping&) = delete;
    FileMapping& operator=(const FileMapping&) = delete;

    const uint8_t* bytes() const { return bytes_; }

private:
    const uint8_t* bytes_ = nullptr;
    size_t size_ = 0;
};

void frames(const Common& c, const fs::path& raw) {
    const model::Timeline timeline = load(c);
    text::Typesetter typesetter(fonts_for(timeline, c.root));
    const auto start = Clock::now();
    video::FrameCompositor compositor(timeline, typesetter, raster::make_cached_image_loader());
    const double setup = seconds_since(start);
    const int stride = compositor.width() * 4;
    std::vector<uint8_t> frame(static_cast<size_t>(stride) * compositor.height());
    Fd out{::open(raw.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644)};
    if (out.fd < 0) fail_system({raw.string()}, "cannot create the raw frame file");
    double compose = 0;
    for (int64_t i = 0; i < timeline.frame_count(); ++i) {
        const auto t = Clock::now();
        compositor.draw(i, frame.data(), stride);
        compose += seconds_since(t);
        for (size_t done = 0; done < frame.size();) {
            const ssize_t n = ::write(out.fd, frame.data() + done, frame.size() - done);
            if (n <= 0) fail_system({raw.string()}, "cannot write the raw frames (disk full?)");
            done += static_cast<size_t>(n);
        }
    }
    std::printf("bench_video: size %dx%d\nbench_video: frames %lld\nbench_video: setup_s %.3f\n"
                "bench_video: compose_s %.3f\n",
                compositor.width(), compositor.height(), static_cast<long long>(timeline.frame_count()), setup,
                compose);
}

struct EncodeArgs {
    std::string encoder_preset;
    int crf = -1;
    int threads = 0;
};

void encode(const Common& c, const fs::path& raw, const fs::path& mp4, const EncodeArgs& a) {
    const model::Timeline timeline = load(c);
    const video::VideoPreset& preset = video::preset_named(timeline.output.preset, timeline.output.preset_loc);
    if (preset.width != timeline.width_px || preset.height != timeline.height_px)
        fail_input({c.timeline}, "bench_video encodes at the timeline's own size; its preset has another");
    // Exactly the settings koho video derives.
    video::VideoJob job;
    if (a.crf >= 0) job.crf = a.crf;
    job.encoder_preset = a.encoder_preset;
    job.threads = a.threads;
    const video::EncodeSettings settings = video::encode_settings(timeline, job);

    // The soundtrack is off the writer's clock, but its cost is reported:
    // koho video pays it before the first frame can be muxed.
    auto sound_start = Clock::now();
    video::AudioBuffer sound = video::mix_soundtrack(timeline);
    const double mix_s = seconds_since(sound_start);
    sound_start = Clock::now();
    if (timeline.loudness)
        video::normalise_loudness(sound, timeline.loudness->integrated_lufs, timeline.loudness->true_peak_dbtp);
    std::printf("bench_video: mix_s %.3f\nbench_video: loudness_s %.3f\n", mix_s, seconds_since(sound_start));

    const int stride = settings.width * 4;
    const size_t frame_bytes = static_cast<size_t>(stride) * settings.height;
    const int64_t count = timeline.frame_count();
    // The frames are mapped whole and paged in before the clock starts
    // (MAP_POPULATE; the file was just written, so it sits in the page
    // cache): the writer gets each frame the moment it can take one, as
    // from a compositor that is never late, and the clock runs through the
    // whole encode. Reading into a buffer between timed calls would stop the
    // clock while x264's frame threads go on encoding: free time koho's
    // clock does not get.
    const FileMapping frames(raw, frame_bytes * static_cast<size_t>(count));
    // The samples that go with frame i, cut where render_video cuts them.
    auto boundary = [&](int64_t i) {
        return static_cast<size_t>((static_cast<__int128>(i) * 48000 * settings.fps.den) / settings.fps.num);
    };
    const auto encode_start = Clock::now();
    video::Mp4Writer writer(mp4, settings);
    for (int64_t i = 0; i < count; ++i) {
        const size_t from = boundary(i);
        const size_t to = std::min(boundary(i + 1), sound.frames());
        writer.add_video_frame(frames.bytes() + static_cast<size_t>(i) * frame_bytes, stride);
        if (to > from) writer.add_audio(sound.samples.data() + from * video::kChannels, to - from);
    }
    writer.finish();
    const double in_writer = seconds_since(encode_start);
    std::printf("bench_video: frames %lld\nbench_video: encode_s %.3f\n", static_cast<long long>(count), in_writer);
}

void render(const Common& c, const fs::path& mp4, const EncodeArgs& a) {
    const model::Timeline timeline = load(c);
    text::Typesetter typesetter(fonts_for(timeline, c.root));
    video::VideoJob job;
    job.output = mp4;
    if (a.crf >= 0) job.crf = a.crf;
    job.encoder_preset = a.encoder_preset;
    job.threads = a.threads;
    const auto start = Clock::now();
    const video::VideoReport report = video::render_video(timeline, job, typesetter, nullptr);
    std::printf("bench_video: frames %lld\nbench_video: render_s %.3f\n", static_cast<long long>(report.frames),
                seconds_since(start));
    if (report.loudness)
        std::printf("bench_video: loudness %.2f LUFS, true peak %.2f dBTP\n", report.loudness->after.integrated_lufs,
                    report.loudness->after.true_peak_dbtp);
    for (const auto& w : report.warnings) std::printf("bench_video: warning %s\n", w.formatted().c_str());
}

void png(const Common& c, const fs::path& dir, const std::vector<double>& times) {
    const model::Timeline timeline = load(c);
    text::Typesetter typesetter(fonts_for(timeline, c.root));
    video::FrameCompositor compositor(timeline, typesetter, raster::make_cached_image_loader());
    const int stride = compositor.width() * 4;
    std::vector<uint8_t> frame(static_cast<size_t>(stride) * compositor.height());
    fs::create_directories(dir);
    for (double t : times) {
        const int64_t index = static_cast<int64_t>(std::floor(t * timeline.fps.value() + 1e-9));
        compositor.draw(index, frame.data(), stride);
        char name[64];
        std::snprintf(name, sizeof name, "t%07.2f.png", t);
        raster::write_png(dir / name, raster::PixelView{frame.data(), compositor.width(), compositor.height(), stride, true},
                          72);
        std::printf("bench_video: png %s\n", (dir / name).c_str());
    }
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Times the parts of koho video (bench/video/run)"};
    app.require_subcommand(1);
    Common common;
    EncodeArgs encode_args;
    std::string raw, out, dir;
    std::vector<double> times;
    auto add_common = [&](CLI::App* cmd) {
        cmd->add_option("timeline", common.timeline)->required()->check(CLI::ExistingFile);
        cmd->add_option("--variant", common.variant);
        cmd->add_option("--root", common.root);
    };
    auto* f = app.add_subcommand("frames", "compose every frame into a raw ARGB file");
    add_common(f);
    f->add_option("raw", raw)->required();
    auto* e = app.add_subcommand("encode", "encode a raw ARGB file with koho's settings for the timeline");
    add_common(e);
    e->add_option("raw", raw)->required()->check(CLI::ExistingFile);
    e->add_option("out", out)->required();
    e->add_option("--encoder-preset", encode_args.encoder_preset);
    e->add_option("--crf", encode_args.crf);
    e->add_option("--threads", encode_args.threads);
    auto* r = app.add_subcommand("render", "what koho video does, through video::render_video");
    add_common(r);
    r->add_option("out", out)->required();
    r->add_option("--encoder-preset", encode_args.encoder_preset);
    r->add_option("--crf", encode_args.crf);
    r->add_option("--threads", encode_args.threads);
    auto* p = app.add_subcommand("png", "write frames at given times as PNG");
    add_common(p);
    p->add_option("dir", dir)->required();
    p->add_option("--at", times, "a time in seconds (repeatable)")->required();
    CLI11_PARSE(app, argc, argv);
    try {
        if (*f) frames(common, raw);
        else if (*e) encode(common, raw, out, encode_args);
        else if (*r) render(common, out, encode_args);
        else png(common, dir, times);
    } catch (const Error& error) {
        std::fprintf(stderr, "%s\n", error.formatted().c_str());
        return error.exit_code();
    }
    return 0;
}
