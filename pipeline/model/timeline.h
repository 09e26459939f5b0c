// The timeline model: what a video timeline says (FORMAT.md "Video
// timeline", docs/timeline.md), parsed once, validated, immutable after.
//
// The seam with print: a timeline's static content (text layers, shapes,
// images, burned-in captions) is a model::Document, `canvas`, whose page
// size is the video frame and which has one page per layer or caption,
// holding that layer's one frame. scene::compose turns those pages into
// display lists with the same text engine and renderer as the pamphlet;
// video/ then moves, scales and fades the rendered layers frame by frame.
//
// Units: canvas coordinates are PostScript points like every model::Box,
// with 1 px = 0.75 pt (core/units.h): a 1920×1080 video is a 1440×810 pt
// page, and video/ draws it at 4/3 pixels per point. Times are seconds.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/color.h"
#include "core/diagnostic.h"
#include "model/document.h"

namespace koho::model {

constexpr double kPtPerPx = 0.75;

// Frame rates are exact: 30 is 30/1, 29.97 is 30000/1001.
struct FrameRate {
    int num = 30;
    int den = 1;
    double value() const { return static_cast<double>(num) / den; }
};

enum class Easing { Linear, EaseIn, EaseOut, EaseInOut, EaseOutBack };

// Where a slide or wipe comes from (enter, transitions) or goes to (exit).
enum class Direction { Left, Right, Up, Down };

// One keyframe. Each property is its own track: between two keyframes that
// both set a property, the value moves by the later keyframe's `easing`;
// before the first and after the last keyframe that sets it, it holds; a
// property no keyframe sets keeps the layer's own value (its box, scale 1,
// rotate 0, opacity 1).
struct Keyframe {
    double t_s = 0;                  // relative to the layer's time base (see Layer)
    std::optional<double> x_pt, y_pt;  // top-left corner of the layer box in the frame
    std::optional<double> scale;     // about the box centre
    std::optional<double> rotate_deg;  // clockwise, about the box centre
    std::optional<double> opacity;   // 0..1
    Easing easing = Easing::Linear;  // into this keyframe from the previous one
    SourceLoc loc;
};

// "enter" / "exit": the first / last `duration_s` of the layer's life.
struct Effect {
    enum class Kind { Fade, Slide, Pop } kind = Kind::Fade;
    double duration_s = 0.4;
    // Slide: the side it comes in from (enter) or leaves towards (exit);
    // it travels by the layer's own width or height plus its distance to
    // that frame edge, so it starts (ends) just outside the frame.
    Direction direction = Direction::Left;
    // Default: ease-out for enter, ease-in for exit; pop: ease-out-back.
    Easing easing = Easing::EaseOut;
    SourceLoc loc;
};

// Ken Burns on an image (or video) layer: the picture inside its box moves
// from `from` to `to` over the layer's whole life; the box itself (the
// clip) stays. Offsets move the picture's centre; scale is about the centre.
struct MotionPoint {
    double scale = 1;
    double x_pt = 0, y_pt = 0;
};
struct Motion {
    MotionPoint from, to;
    Easing easing = Easing::Linear;
    SourceLoc loc;
};

// A "type": "video" layer: a clip from any file FFmpeg reads.
struct ClipSource {
    std::filesystem::path path;      // resolved inside the root, exists
    std::string src;                 // as written
    SourceLoc src_loc;
    double trim_start_s = 0;         // "trim": {"start": "2s", "end": "8s"}: the part of the file shown
    std::optional<double> trim_end_s;  // none: to the end of the file (or the layer's end)
    bool loop = false;               // start again from trim_start when the part ends before the layer
    bool muted = false;              // its sound is left out of the mix
    double gain_db = 0;              // its sound's gain in the mix
    Fit fit = Fit::Cover;
    double focus_x = 0.5, focus_y = 0.5;
};

struct Layer {
    enum class Kind { Image, Text, Rect, Ellipse, Svg, Video } kind = Kind::Image;
    std::string id;                  // may be empty
    SourceLoc loc;
    // Index into Timeline::canvas.pages of the page holding this layer's
    // one frame (every kind but Video). Image layers written with only `w`
    // or only `h` have the other side 0 in `box` and in that frame: video/
    // takes it from the image's aspect ratio.
    std::optional<size_t> page;
    Box box;                         // canvas pt; written x/y/w/h (or the whole frame when left out)
    // Time base: scene layers count from their scene's start, overlays
    // from the start of the video. The layer shows in [start_s, end_s).
    double start_s = 0;
    double end_s = 0;                // default: the scene's end (overlays: the video's end)
    double opacity = 1;
    std::vector<Keyframe> keyframes; // sorted by t_s (out of order is an error)
    std::optional<Effect> enter, exit;
    std::optional<Motion> motion;
    std::optional<ClipSource> clip;  // Kind::Video
};

// How a scene hands over to the next one; the two overlap by `duration_s`.
struct Transition {
    enum class Kind { Crossfade, Wipe, Slide } kind = Kind::Crossfade;
    double duration_s = 0.5;
    Direction direction = Direction::Right;  // wipe/slide: the side the next scene comes in from
    Easing easing = Easing::EaseInOut;
    SourceLoc loc;
};

struct Scene {
    std::string id;
    SourceLoc loc;
    double start_s = 0;              // in the video: the previous start + duration − the previous transition
    double duration_s = 0;
    std::optional<Color> background; // none: the timeline's
    std::vector<Layer> layers;       // bottom to top
    std::optional<Transition> transition;  // into the next scene (none on the last)
};

struct AudioTrack {
    std::string id;
    SourceLoc loc;
    std::filesystem::path path;      // resolved inside the root, exists
    std::string src;
    SourceLoc src_loc;
    double start_s = 0;              // where it starts in the video
    std::optional<double> end_s;     // where it is cut (default: its own end; looped: the video's end)
    double trim_start_s = 0;         // skipped at the start of the file ("trim": {"start": ...})
    double gain_db = 0;
    bool loop = false;
    double fade_in_s = 0, fade_out_s = 0;
    // Side-chain ducking: this track's gain follows the envelope of the
    // track named `under` (narration), down by `by_db` while it speaks.
    struct Duck {
        std::string under;           // id of another track (checked)
        SourceLoc under_loc;
        double by_db = -12;
        double attack_s = 0.08;
        double release_s = 0.5;
        double threshold_db = -45;   // the key track's level above which it counts as speaking
    };
    std::optional<Duck> duck;
};

struct Loudness {
    double integrated_lufs = -14;    // web; ARIB TR-B32 broadcast: -24
    double true_peak_dbtp = -1;
    SourceLoc loc;
};

struct Caption {
    double start_s = 0, end_s = 0;   // in the video
    std::string text;                // plain text for sidecars: markup removed, ruby bases kept, paragraphs joined by "\n"
    size_t page = 0;                 // canvas page with the burned-in caption (its text frame)
    SourceLoc loc;
};

// "caption_style": how burned-in captions look and where they sit.
struct CaptionStyle {
    const Style* style = nullptr;    // a style of "styles" (default: built in, white with a dark outline)
    bool burn_in = true;             // false: sidecars only
    Box box;                         // canvas pt: inside the title-safe area, at the bottom by default
    SourceLoc loc;
};

struct Chapter {
    double start_s = 0;
    std::string title;
    SourceLoc loc;
};

// "output": what the render is encoded as. The CLI's --preset, --crf and
// --encoder-preset override these.
struct VideoOutput {
    std::string preset = "youtube-1080p";  // checked by video/ (presets.h), which knows the names
    SourceLoc preset_loc;
    std::optional<int> crf;
    std::string encoder_preset;      // x264 preset; empty: the preset's
    // The thumbnail (OUT.jpg): the frame at `thumbnail_s`, or the middle of
    // the scene `thumbnail_scene`; default: the middle of the first scene.
    std::optional<double> thumbnail_s;
    std::string thumbnail_scene;
    SourceLoc loc;
};

struct Timeline {
    Timeline() = default;
    Timeline(Timeline&&) = default;
    Timeline& operator=(Timeline&&) = default;
    Timeline(const Timeline&) = delete;
    Timeline& operator=(const Timeline&) = delete;

    std::string file;                // as the user named it
    std::filesystem::path root;
    // The run's resource limits (TimelineOptions::limits): length and frame
    // size were checked at load; images and clip frames are checked when
    // the renderer decodes them.
    Limits limits;
    std::string title;
    std::string lang = "ja";
    std::string variant;             // the variant this model is for ("" = the main one)
    std::vector<std::string> variant_names;  // every variant the file defines, in file order

    int width_px = 1920, height_px = 1080;
    FrameRate fps;
    Color background = Color::from_rgb(1, 1, 1);
    double duration_s = 0;           // "duration", or the scenes' sum less the transitions' overlaps

    // Styles, fonts, colours, vars; one page (size: the frame) per layer
    // that has static content and per burned-in caption.
    Document canvas;

    std::vector<Scene> scenes;
    std::vector<Layer> overlays;     // over every scene, times from the video's start
    std::vector<AudioTrack> audio;
    std::optional<Loudness> loudness;  // none: no normalisation ("loudness": "off")
    std::vector<Caption> captions;
    CaptionStyle caption_style;
    std::vector<Chapter> chapters;   // sorted by start (the first must start at 0)
    VideoOutput output;

    // round(duration × fps): frame i shows the instant i / fps.
    int64_t frame_count() const;
};

// The built-in caption style (named "koho:caption" in a timeline's canvas):
// Noto Sans CJK JP, weight 700, 1/20 of the frame height, white, centred,
// with a dark outline; and the default caption box: the bottom of the
// title-safe area, 10 % in from the sides, the bottom edge at 90 % of the
// height (85 % on a portrait frame), two lines of `style` high. Shared with
// captions that come from elsewhere (koho transcode --captions).
Style builtin_caption_style(double frame_h_pt, const SourceLoc& loc);
Box default_caption_box(double frame_w_pt, double frame_h_pt, const Style& style);

struct TimelineOptions {
    std::filesystem::path root = ".";
    std::string variant;             // "" = the main timeline; unknown names are an error
    Limits limits;                   // checked while loading, kept in Timeline::limits for rendering
};

// Reads, validates and resolves a video timeline for one variant: the
// variant's `size`, `output` and per-layer overrides applied, lengths in %
// measured against that variant's frame. Throws koho::Error (BadInput) at
// the first fault.
Timeline load_timeline(const std::filesystem::path& file, const TimelineOptions& options);

}  // namespace koho::model
