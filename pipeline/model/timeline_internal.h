// Shared between the parts of load_timeline (not a public interface).
//
// A timeline is read in the order its parts depend on each other: the
// variant first (its size and fps decide what "%" and "15f" mean), then the
// tables print layouts also have (fonts, colours, styles, vars), the scenes
// (their sum is the video's length), and last everything that must fall
// inside that length (overlays, audio, captions, chapters, the thumbnail).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/json_reader.h"
#include "model/loader_internal.h"
#include "model/timeline.h"

namespace koho::model::detail {

// The name the built-in caption style has in Timeline::canvas.styles. The
// "koho:" prefix is reserved: a timeline's own styles may not use it.
inline constexpr const char* kCaptionStyleName = "koho:caption";
inline constexpr const char* kReservedStylePrefix = "koho:";

// A JSON object, optionally with a variant's override on top: a key the
// override sets is read from the override, so that errors in its values
// point into the variant where the user wrote them.
class Fields {
public:
    explicit Fields(Node base, std::optional<Node> over = std::nullopt)
        : base_(std::move(base)), over_(std::move(over)) {}

    std::optional<Node> get(std::string_view key) const;
    Node require(std::string_view key, std::string_view where) const;
    bool has(std::string_view key) const { return get(key).has_value(); }
    // The base's keys in file order, then the override's own.
    std::vector<std::string> keys() const;
    // Where a key is written (its name), in whichever object holds it.
    SourceLoc key_loc(std::string_view key) const;

    const Node& base() const { return base_; }
    const std::optional<Node>& over() const { return over_; }
    SourceLoc loc() const { return base_.loc(); }

private:
    Node base_;
    std::optional<Node> over_;
};

// Everything the readers share while one timeline loads.
struct TimelineContext {
    const JsonSource& source;
    Timeline& timeline;
    LoadContext load;                 // for text: the canvas, vars, markup
    double frame_w_pt = 0, frame_h_pt = 0;
    double fps = 30;
    // The selected variant's "layers" overrides by layer id (empty for the
    // main timeline), and which of them a layer has used.
    std::map<std::string, Node> overrides;
    std::map<std::string, bool> override_used;
    // Every layer id seen so far, with where it was written.
    std::map<std::string, SourceLoc> layer_ids;
};

// ---- values (timeline_values.cpp) ----

// "2.5s", "500ms", "15f" (frames at the timeline's fps), in seconds.
double read_time(const Node& node, std::string_view what, double fps);
// "-6dB" (suffix "dB"), "-14LUFS", "-1dBTP": a decimal number and a suffix.
double read_level(const Node& node, std::string_view what, std::string_view suffix, double min, double max);
Easing read_easing(const Node& node);
Direction read_direction(const Node& node);
// A length along the frame's width (x, w) or height (y, h): px, pt, mm, Q,
// H or % of that side of the frame.
double read_frame_length(const Node& node, std::string_view what, double percent_base_pt, Sign sign = Sign::Any);
// "1.5s", "0.5s", "12s": seconds for messages.
std::string seconds(double s);

// ---- layers (timeline_layers.cpp) ----

// When a layer may show: scene layers within their scene, overlays within
// the video (an overlay may run past the video's end: it is cut there).
struct LayerTimes {
    double default_end_s = 0;
    double limit_s = 0;          // start must be before this
    bool may_outlast = false;    // end past limit_s is cut instead of refused
    std::string owner;           // "scene 'intro'", "the video"
};

// Reads one layer of a scene or of "overlays" (the variant's override for
// its id applied) and adds its canvas page.
Layer read_layer(const Node& node, const LayerTimes& times, TimelineContext& c);

// ---- audio (timeline_audio.cpp) ----

std::vector<AudioTrack> read_audio(const Node& list, TimelineContext& c);
std::optional<Loudness> read_loudness(const Node& node);

// ---- captions, chapters, output (timeline_captions.cpp) ----

// `style_fields`: the top-level "caption_style" with the variant's on top
// (either may be missing).
CaptionStyle read_caption_style(const std::optional<Fields>& style_fields, TimelineContext& c);
std::vector<Caption> read_captions(const Node& list, TimelineContext& c);
std::vector<Chapter> read_chapters(const Node& list, TimelineContext& c);
VideoOutput read_output(const std::optional<Fields>& output, TimelineContext& c);

// ---- schema (timeline_schema.cpp) ----

void validate_timeline_schema(const JsonSource& source);

}  // namespace koho::model::detail
