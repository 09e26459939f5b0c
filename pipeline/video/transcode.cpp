// `koho transcode`: footage → the preset's frame (aspect kept, centred,
// black bars), an image overlaid, SubRip captions burned in, the sound
// normalised, encoded by Mp4Writer. Everything that reads the user's files
// (the input's streams and sound, the overlay, the captions and their fit)
// is done before the output is opened; the MP4 is atomic.
//
// Frame rate: the output keeps the input's average rate, 23.976 / 29.97 /
// 59.94 as the exact NTSC fractions and anything else rounded to a whole
// number (1–60). Frames are picked by time (the picture on screen at
// n / fps), so variable-rate phone footage comes out constant-rate.
#include "video/transcode.h"

#include <cairo.h>

#include <algorithm>
#include <cmath>
#include <cstring>

#include "core/atomic_file.h"
#include "core/diagnostic.h"
#include "core/units.h"
#include "raster/decode.h"
#include "scene/cairo_ptr.h"
#include "video/audio_mix.h"
#include "video/burned_captions.h"
#include "video/media_input.h"
#include "video/media_open.h"
#include "video/mp4_writer.h"
#include "video/presets.h"
#include "video/sidecars.h"

namespace koho::video {
namespace {

namespace fs = std::filesystem;

// The input's picture fitted inside the output frame, aspect kept, centred.
struct Placement {
    int x = 0, y = 0, width = 0, height = 0;
};

Placement fit_inside(int in_w, int in_h, int out_w, int out_h) {
    const double scale = std::min(double(out_w) / in_w, double(out_h) / in_h);
    Placement p;
    p.width = std::clamp(static_cast<int>(std::lround(in_w * scale)), 1, out_w);
    p.height = std::clamp(static_cast<int>(std::lround(in_h * scale)), 1, out_h);
    p.x = (out_w - p.width) / 2;
    p.y = (out_h - p.height) / 2;
    return p;
}

// The overlay image, scaled once to its size on the frame.
struct Overlay {
    scene::SurfacePtr surface;
    double x = 0, y = 0;
};

Overlay load_overlay(const TranscodeJob& job, const EncodeSettings& frame) {
    const SourceLoc where{"--overlay"};
    // Named relative to the working directory in messages, as the user wrote it.
    const auto image = raster::decode_image(media::display_name(*job.overlay), where,
                                            raster::DecodeLimits{job.limits.max_image_pixels});
    const std::vector<uint32_t>& pixels = image->pixel_data();
    const double width = job.overlay_width_px > 0 ? job.overlay_width_px : image->width;
    const int w = std::max(1, static_cast<int>(std::lround(width)));
    const int h = std::max(1, static_cast<int>(std::lround(width * image->height / image->width)));
    if (job.overlay_x_px >= frame.width || job.overlay_y_px >= frame.height || job.overlay_x_px + w <= 0 ||
        job.overlay_y_px + h <= 0)
        fail_input({"--overlay-at"}, "the overlay (" + std::to_string(w) + "x" + std::to_string(h) + " px at " +
                                         format_number(job.overlay_x_px) + "," + format_number(job.overlay_y_px) +
                                         ") lies wholly outside the " + std::to_string(frame.width) + "x" +
                                         std::to_string(frame.height) + " frame");

    scene::SurfacePtr source(cairo_image_surface_create_for_data(
        reinterpret_cast<unsigned char*>(const_cast<uint32_t*>(pixels.data())), CAIRO_FORMAT_ARGB32, image->width,
        image->height, image->width * 4));
    Overlay overlay;
    overlay.surface.reset(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h));
    if (cairo_surface_status(source.get()) != CAIRO_STATUS_SUCCESS ||
        cairo_surface_status(overlay.surface.get()) != CAIRO_STATUS_SUCCESS)
        fail_system(where, "cannot prepare the overlay image");
    scene::CairoPtr cr(cairo_create(overlay.surface.get()));
    cairo_scale(cr.get(), double(w) / image->width, double(h) / image->height);
    cairo_set_source_surface(cr.get(), source.get(), 0, 0);
    // GOOD filters properly when shrinking (a 2000 px mascot drawn 300 px wide).
    cairo_pattern_set_filter(cairo_get_source(cr.get()), CAIRO_FILTER_GOOD);
    cairo_paint(cr.get());
    cairo_surface_flush(overlay.surface.get());
    overlay.x = job.overlay_x_px;
    overlay.y = job.overlay_y_px;
    return overlay;
}

EncodeSettings encode_settings(const TranscodeJob& job, const VideoPreset& preset, model::FrameRate fps,
                               double duration_s) {
    EncodeSettings s;
    s.width = preset.width;
    s.height = preset.height;
    s.fps = fps;
    s.crf = job.crf ? *job.crf : preset.crf;
    s.x264_preset = job.encoder_preset.empty() ? preset.x264_preset : job.encoder_preset;
    s.maxrate_kbps = preset.maxrate_kbps;
    s.bufsize_kbps = preset.bufsize_kbps;
    s.audio = true;
    s.audio_bitrate_kbps = preset.audio_bitrate_kbps;
    s.threads = job.threads;
    s.duration_s = duration_s;
    return s;
}

// The audio samples that go with frame `index` (so the muxer gets the two
// interleaved).
size_t audio_boundary(int64_t index, const model::FrameRate& fps) {
    return static_cast<size_t>((static_cast<__int128>(index) * kSampleRate * fps.den) / fps.num);
}

// finish() on every way out, as ProgressSink asks.
class ProgressEnd {
public:
    explicit ProgressEnd(ProgressSink* sink) : sink_(sink) {}
    ~ProgressEnd() {
        if (sink_) sink_->finish();
    }
    ProgressEnd(const ProgressEnd&) = delete;
    ProgressEnd& operator=(const ProgressEnd&) = delete;

private:
    ProgressSink* sink_;
};

}  // namespace

model::FrameRate transcode_frame_rate(double fps) {
    if (!(fps > 0)) return {30, 1};  // a stream that does not say: the commonest camera rate
    for (int base : {24, 30, 60}) {
        const double ntsc = base * 1000.0 / 1001.0;
        if (std::abs(fps - ntsc) < 0.005) return {base * 1000, 1001};
    }
    return {static_cast<int>(std::clamp(std::lround(fps), 1L, 60L)), 1};
}

void transcode(const TranscodeJob& job, text::Typesetter& typesetter, ProgressSink* progress) {
    // Media messages name the file themselves ("clip.mov has no video stream").
    const SourceLoc input_loc{};
    const VideoPreset& preset = preset_named(job.preset, SourceLoc{"--preset"});

    const MediaInfo info = probe_media(job.input, input_loc, job.limits.max_image_pixels);
    if (!info.has_video) fail_input(input_loc, media::display_name(job.input) + " has no video stream");
    if (info.duration_s > job.limits.max_video_seconds)
        fail_input(input_loc, media::display_name(job.input) + " lasts " + format_number(info.duration_s, 3) + "s" +
                                  over_limit(format_number(job.limits.max_video_seconds, 3) + "s",
                                             limit_flags::kVideoSeconds));
    // Without a length the frame count is unknown; guessing could cut the
    // footage short without a word.
    if (!(info.duration_s > 0))
        fail_input(input_loc, media::display_name(job.input) +
                                  " does not say how long it is (a raw stream?); remux it into MP4 or MOV first");
    const model::FrameRate fps = transcode_frame_rate(info.fps);
    const int64_t frames = std::max<int64_t>(1, std::llround(info.duration_s * fps.value()));
    const double duration_s = double(frames) * fps.den / fps.num;
    const EncodeSettings settings = encode_settings(job, preset, fps, duration_s);
    const uint64_t frame_pixels = static_cast<uint64_t>(settings.width) * static_cast<uint64_t>(settings.height);
    if (frame_pixels > job.limits.max_video_pixels)
        fail_input({"--preset"}, "preset '" + job.preset + "' makes frames of " + std::to_string(settings.width) + "x" +
                                     std::to_string(settings.height) + " (" + describe_pixels(frame_pixels) + ")" +
                                     over_limit(describe_pixel_limit(job.limits.max_video_pixels),
                                                limit_flags::kVideoPixels));

    const Placement picture = fit_inside(info.width, info.height, settings.width, settings.height);
    VideoReader reader(job.input, input_loc, picture.width, picture.height, job.limits.max_image_pixels);

    std::optional<Overlay> overlay;
    if (job.overlay) overlay = load_overlay(job, settings);
    std::optional<BurnedCaptions> captions;
    if (job.captions) {
        const std::string name = media::display_name(*job.captions);
        const std::vector<model::Caption> cues = read_srt(*job.captions, name, job.limits.max_text_chars);
        // No text is silently lost: a cue the video never reaches is an error.
        for (const model::Caption& cue : cues)
            if (cue.start_s >= duration_s)
                fail_input(cue.loc, "this caption starts at " + format_number(cue.start_s, 3) +
                                        "s, after the video ends (" + format_number(duration_s, 3) + "s)");
        captions.emplace(cues, name, settings.width, settings.height, typesetter);
    }

    // The whole sound, exactly as long as the video: silence where the
    // input has none (upload sites expect an audio track).
    AudioBuffer sound;
    const size_t sound_frames = audio_boundary(frames, fps);
    if (info.has_audio) sound = decode_audio(job.input, input_loc, 0, duration_s);
    sound.samples.resize(sound_frames * kChannels, 0.0f);
    if (info.has_audio && job.loudness_lufs) normalise_loudness(sound, *job.loudness_lufs, job.true_peak_dbtp);

    scene::SurfacePtr canvas(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, settings.width, settings.height));
    if (cairo_surface_status(canvas.get()) != CAIRO_STATUS_SUCCESS)
        fail_system({}, "cannot allocate a " + std::to_string(settings.width) + "x" +
                            std::to_string(settings.height) + " frame");
    scene::CairoPtr cr(cairo_create(canvas.get()));
    cairo_set_fill_rule(cr.get(), CAIRO_FILL_RULE_EVEN_ODD);
    uint8_t* canvas_data = cairo_image_surface_get_data(canvas.get());
    const int canvas_stride = cairo_image_surface_get_stride(canvas.get());
    const bool drawn_over = overlay || captions;

    ProgressEnd progress_end(progress);
    AtomicFile mp4(job.output);
    {
        Mp4Writer writer(mp4.temp_path(), settings, job.output);
        for (int64_t i = 0; i < frames; ++i) {
            const double t = double(i) * fps.den / fps.num;
            const VideoFrameView view = reader.frame_at(t);
            // The bars are redrawn each frame: captions and the overlay may
            // reach into them. The picture covers the rest.
            if (i == 0 || drawn_over) {
                cairo_set_source_rgb(cr.get(), 0, 0, 0);
                cairo_rectangle(cr.get(), 0, 0, settings.width, settings.height);
                cairo_rectangle(cr.get(), picture.x + picture.width, picture.y, -picture.width, picture.height);
                cairo_fill(cr.get());  // even-odd: the frame less the picture
                cairo_surface_flush(canvas.get());
            }
            for (int y = 0; y < picture.height; ++y)
                std::memcpy(canvas_data + static_cast<ptrdiff_t>(picture.y + y) * canvas_stride + picture.x * 4,
                            view.data + static_cast<ptrdiff_t>(y) * view.stride, static_cast<size_t>(picture.width) * 4);
            cairo_surface_mark_dirty(canvas.get());
            if (overlay) {
                cairo_set_source_surface(cr.get(), overlay->surface.get(), overlay->x, overlay->y);
                cairo_paint(cr.get());
            }
            if (captions) captions->draw(cr.get(), t);
            cairo_surface_flush(canvas.get());
            writer.add_video_frame(canvas_data, canvas_stride);

            const size_t from = audio_boundary(i, fps), to = audio_boundary(i + 1, fps);
            if (to > from) writer.add_audio(sound.samples.data() + from * kChannels, to - from);
            if (progress) progress->advance(i + 1, frames);
        }
        writer.finish();
    }
    mp4.commit();
}

}  // namespace koho::video
