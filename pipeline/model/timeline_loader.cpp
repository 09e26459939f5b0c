// load_timeline: the top level of a video timeline — the variant, the frame
// size and rate, the tables shared with print, the scenes and their
// transitions (which give the video its length), then everything placed in
// that length.
#include "model/timeline_loader.h"
#include "model/timeline_record.h"

#include <algorithm>
#include <cmath>

#include "model/color_reader.h"
#include "model/markup.h"
#include "model/merge_plan.h"
#include "model/print_settings.h"
#include "model/styles.h"
#include "model/suggest.h"
#include "model/timeline_internal.h"

namespace koho::model {
namespace {

using detail::Fields;
using detail::TimelineContext;
using detail::seconds;

const std::vector<std::string> kTimelineKeys = {
    "$schema", "type",   "title",    "lang",     "size",          "fps",      "background", "duration",
    "fonts",   "colors", "styles",   "character_styles", "vars",  "scenes",   "overlays",   "audio",
    "loudness", "captions", "caption_style", "chapters", "output", "variants", "data"};
const std::vector<std::string> kVariantKeys = {"size", "fps", "output", "caption_style", "layers"};
constexpr int kMaxSide = 7680;

void read_size(const Node& node, Timeline& tl) {
    const std::string wrong = "\"size\" must be the frame size in pixels written \"WIDTHxHEIGHT\", e.g. \"1920x1080\"";
    if (!node.json().is_string()) fail_input(node.loc(), wrong + ", not " + json_type_name(node.json()));
    const std::string text = node.json().get<std::string>();
    const auto x = text.find('x');
    auto number = [&](std::string_view digits) -> long {
        if (digits.empty() || digits.size() > 6 ||
            !std::all_of(digits.begin(), digits.end(), [](char ch) { return ch >= '0' && ch <= '9'; }))
            fail_input(node.loc(), wrong + ", not '" + sanitize_utf8(text) + "'");
        return std::stol(std::string(digits));
    };
    if (x == std::string::npos) fail_input(node.loc(), wrong + ", not '" + sanitize_utf8(text) + "'");
    const long w = number(std::string_view(text).substr(0, x));
    const long h = number(std::string_view(text).substr(x + 1));
    for (long side : {w, h}) {
        if (side <= 0 || side > kMaxSide)
            fail_input(node.loc(), "\"size\": each side must be from 2 to " + std::to_string(kMaxSide) +
                                       " pixels, not " + std::to_string(side));
        if (side % 2 != 0)
            fail_input(node.loc(), "\"size\": " + std::to_string(side) +
                                       " is odd; H.264 in 4:2:0 needs an even width and height");
    }
    tl.width_px = static_cast<int>(w);
    tl.height_px = static_cast<int>(h);
}

// A frame's pixels against Limits::max_video_pixels (the sides were checked
// by read_size: at most 7680 each, so the product fits).
void check_frame_pixels(const SourceLoc& where, const Timeline& tl, const Limits& limits) {
    const uint64_t pixels = static_cast<uint64_t>(tl.width_px) * static_cast<uint64_t>(tl.height_px);
    if (pixels > limits.max_video_pixels)
        fail_input(where, "a frame of " + std::to_string(tl.width_px) + "x" + std::to_string(tl.height_px) +
                                   " is " + describe_pixels(pixels) +
                                   over_limit(describe_pixel_limit(limits.max_video_pixels), limit_flags::kVideoPixels));
}

FrameRate read_fps(const Node& node) {
    const std::string wrong = "\"fps\" must be a whole number from 1 to 120, or 23.976, 29.97 or 59.94";
    if (!node.json().is_number()) fail_input(node.loc(), wrong + ", not " + json_type_name(node.json()));
    const double v = node.json().get<double>();
    if (v == 23.976) return {24000, 1001};
    if (v == 29.97) return {30000, 1001};
    if (v == 59.94) return {60000, 1001};
    // 30.0 is refused like the schema refuses it: whole rates are integers.
    if (node.json().is_number_integer() && v >= 1 && v <= 120) return {static_cast<int>(v), 1};
    fail_input(node.loc(), wrong + ", not " + node.json().dump());
}

// The tables a timeline shares with print layouts.
void read_tables(const Node& root, TimelineContext& c, const std::map<std::string, std::string>& record_vars) {
    Document& canvas = c.timeline.canvas;
    if (auto n = member(root, "fonts")) canvas.fonts = read_string_table(*n, "fonts", false);
    if (auto n = member(root, "colors")) {
        expect_object(*n, "\"colors\"");
        for (auto& [name, value] : members_in_order(*n))
            canvas.colors[name] = read_color(value, "colour '" + sanitize_utf8(name) + "'", nullptr);
    }
    add_builtin_colors(canvas.colors);
    if (auto n = member(root, "vars")) {
        canvas.vars = read_string_table(*n, "vars", true);
        for (const auto& late : kLateVariables)
            if (canvas.vars.count(late))
                fail_input(n->child(late).key_loc(), "'" + late + "' is reserved for print layouts' {{" + late + "}}");
    }
    // A data-merge record's fields (model/merge_plan.h read "data" and
    // "output.name" and checked that no field shares a name with "vars").
    for (const auto& [name, value] : record_vars) canvas.vars[name] = value;
    if (auto n = member(root, "styles")) {
        expect_object(*n, "\"styles\"");
        for (const auto& name : keys_in_order(*n))
            if (name.rfind(detail::kReservedStylePrefix, 0) == 0)
                fail_input(n->child(name).key_loc(), "style names starting with \"" +
                                                         std::string(detail::kReservedStylePrefix) +
                                                         "\" are koho's own (the built-in caption style is \"" +
                                                         detail::kCaptionStyleName + "\")");
        canvas.styles = resolve_styles(*n, canvas.fonts, canvas.colors);
    }
    if (auto n = member(root, "character_styles"))
        canvas.char_styles = read_char_styles(*n, canvas.fonts, canvas.colors);
}

// The selected variant, after checking the shape of every variant.
std::optional<Node> select_variant(const Node& root, const TimelineOptions& options, Timeline& tl) {
    std::optional<Node> chosen;
    auto variants = member(root, "variants");
    if (variants) {
        expect_object(*variants, "\"variants\"");
        for (auto& [name, node] : members_in_order(*variants)) {
            const std::string where = "variant '" + sanitize_utf8(name) + "'";
            expect_object(node, where);
            check_keys(node, kVariantKeys, where);
            Timeline probe;
            if (auto n = member(node, "size")) read_size(*n, probe);
            if (auto n = member(node, "fps")) read_fps(*n);
            if (auto n = member(node, "layers")) expect_object(*n, "\"layers\" of " + where);
            // Data merge names a variant's MP4 after the main "output.name".
            if (auto out = member(node, "output"); out && out->json().is_object())
                if (auto named = member(*out, "name"))
                    fail_input(named->key_loc(), where + " sets \"name\" in \"output\"; a variant's MP4 is each "
                                                         "record's name with \"-" + sanitize_utf8(name) +
                                                         "\" added before .mp4");
            tl.variant_names.push_back(name);
            if (name == options.variant) chosen = node;
        }
    }
    if (!options.variant.empty() && !chosen) {
        const SourceLoc where = variants ? variants->loc() : root.loc();
        if (tl.variant_names.empty())
            fail_input(where, "unknown variant '" + sanitize_utf8(options.variant) + "': this timeline has no \"variants\"");
        std::string list;
        for (const auto& name : tl.variant_names) list += (list.empty() ? "" : ", ") + sanitize_utf8(name);
        fail_input(where, "unknown variant '" + sanitize_utf8(options.variant) + "'" +
                              did_you_mean(options.variant, tl.variant_names) + " (this timeline's variants: " + list +
                              ")");
    }
    tl.variant = options.variant;
    return chosen;
}

Transition read_transition(const Node& node, double fps) {
    expect_object(node, "\"transition\"");
    check_keys(node, {"type", "duration", "direction", "easing"}, "\"transition\"");
    Transition t;
    t.loc = node.loc();
    t.kind = static_cast<Transition::Kind>(
        read_enum(require(node, "type", "\"transition\""), "transition", {"crossfade", "wipe", "slide"}));
    if (auto n = member(node, "duration")) {
        t.duration_s = detail::read_time(*n, "\"duration\"", fps);
        if (t.duration_s <= 0) fail_input(n->loc(), "\"duration\" of a transition must be greater than zero");
    }
    if (auto n = member(node, "direction")) {
        if (t.kind == Transition::Kind::Crossfade)
            fail_input(n->key_loc(), "\"direction\" applies to wipe and slide transitions, not to a crossfade");
        t.direction = detail::read_direction(*n);
    }
    if (auto n = member(node, "easing")) t.easing = detail::read_easing(*n);
    return t;
}

std::string scene_name(const Scene& scene, size_t index) {
    return scene.id.empty() ? "scene " + std::to_string(index + 1) : "scene '" + sanitize_utf8(scene.id) + "'";
}

void read_scenes(const Node& list, TimelineContext& c) {
    expect_array(list, "\"scenes\"");
    auto& scenes = c.timeline.scenes;
    std::map<std::string, SourceLoc> ids;
    for (size_t i = 0; i < list.json().size(); ++i) {
        Node node = list.element(i);
        expect_object(node, "a scene");
        check_keys(node, {"id", "duration", "background", "transition", "layers"}, "a scene");
        Scene scene;
        scene.loc = node.loc();
        if (auto n = member(node, "id")) {
            scene.id = read_string(*n, "\"id\"");
            auto [seen, fresh] = ids.emplace(scene.id, n->loc());
            if (!fresh)
                fail_input(n->loc(), "two scenes have the id '" + sanitize_utf8(scene.id) + "' (the first at line " +
                                         std::to_string(seen->second.line) + ", column " +
                                         std::to_string(seen->second.col) + ")");
        }
        Node duration = require(node, "duration", "a scene");
        scene.duration_s = detail::read_time(duration, "\"duration\"", c.fps);
        if (scene.duration_s <= 0) fail_input(duration.loc(), "\"duration\" of a scene must be greater than zero");
        if (auto n = member(node, "background"))
            scene.background = read_color(*n, "\"background\"", &c.timeline.canvas.colors);
        if (auto n = member(node, "transition")) scene.transition = read_transition(*n, c.fps);
        if (auto layers = member(node, "layers")) {
            expect_array(*layers, "\"layers\"");
            detail::LayerTimes times{scene.duration_s, scene.duration_s, false, scene_name(scene, i)};
            for (size_t k = 0; k < layers->json().size(); ++k)
                scene.layers.push_back(detail::read_layer(layers->element(k), times, c));
        }
        scenes.push_back(std::move(scene));
    }
    // A transition overlaps the two scenes it joins: it must fit in each,
    // and a scene must hold the transitions into and out of it.
    for (size_t i = 0; i < scenes.size(); ++i) {
        auto& t = scenes[i].transition;
        if (!t) continue;
        auto too_long = [&](const Scene& scene, size_t index) {
            if (t->duration_s > scene.duration_s + 1e-9)
                fail_input(list.element(i).child("transition").loc(),
                           "this transition (" + seconds(t->duration_s) + ") is longer than " +
                               scene_name(scene, index) + " (" + seconds(scene.duration_s) + ")");
        };
        too_long(scenes[i], i);
        if (i + 1 == scenes.size()) {
            t.reset();  // the last scene has nothing to hand over to
            continue;
        }
        too_long(scenes[i + 1], i + 1);
        if (i > 0 && scenes[i - 1].transition) {
            const double both = scenes[i - 1].transition->duration_s + t->duration_s;
            if (both > scenes[i].duration_s + 1e-9)
                fail_input(list.element(i).child("transition").loc(),
                           "the transitions into and out of " + scene_name(scenes[i], i) + " (" +
                               seconds(scenes[i - 1].transition->duration_s) + " + " + seconds(t->duration_s) +
                               ") take longer than the scene (" + seconds(scenes[i].duration_s) + ")");
        }
    }
    double start = 0;
    for (auto& scene : scenes) {
        scene.start_s = start;
        start += scene.duration_s - (scene.transition ? scene.transition->duration_s : 0);
    }
}

void note_timeline_families(Document& doc) {
    auto note = [&](const Style* style) {
        if (!style) return;
        doc.families_used.emplace(style->font_family, style->font_loc);
        if (!style->strong_font_family.empty())
            doc.families_used.emplace(style->strong_font_family, style->strong_font_loc);
    };
    for (const auto& page : doc.pages)
        for (const auto& frame : page.frames) {
            note(frame.style);
            if (const auto* text = std::get_if<TextContent>(&frame.content))
                for (const auto& paragraph : text->story.paragraphs) {
                    note(paragraph.style);
                    for (const auto& span : paragraph.spans)
                        if (span.char_style && !span.char_style->font_family.empty())
                            doc.families_used.emplace(span.char_style->font_family, span.char_style->font_loc);
                }
        }
}

std::optional<Fields> fields_of(const Node& root, const std::optional<Node>& variant, const char* key) {
    auto base = member(root, key);
    auto over = variant ? member(*variant, key) : std::nullopt;
    if (base) return Fields(*base, over);
    if (over) return Fields(*over);
    return std::nullopt;
}

// Overrides that named no layer, in this variant and in the others.
void check_override_ids(const Node& root, const TimelineContext& c) {
    std::vector<std::string> ids;
    for (const auto& [id, _] : c.layer_ids) ids.push_back(id);
    auto variants = member(root, "variants");
    if (!variants) return;
    for (auto& [name, variant] : members_in_order(*variants)) {
        auto layers = member(variant, "layers");
        if (!layers) continue;
        for (auto& [id, over] : members_in_order(*layers))
            if (!c.layer_ids.count(id))
                fail_input(over.key_loc(), "variant '" + sanitize_utf8(name) + "' overrides layer '" +
                                               sanitize_utf8(id) + "', but no layer has that id" +
                                               did_you_mean(id, ids));
    }
}

Timeline load_timeline_semantics(const JsonSource& source, const TimelineOptions& options,
                                 const std::map<std::string, std::string>& record_vars) {
    Timeline tl;
    tl.file = source.file();
    tl.root = options.root;
    tl.limits = options.limits;
    Node root = root_node(source);
    expect_object(root, "a timeline");
    Node type = require(root, "type", "a timeline");
    if (type.json() == "print")
        fail_input(type.loc(), "this is a print layout (\"type\": \"print\"); koho video reads video timelines");
    read_enum(type, "timeline type", {"video"});
    check_keys(root, kTimelineKeys, "a video timeline");
    if (auto n = member(root, "$schema")) read_string(*n, "\"$schema\"");
    read_merge_spec(source);  // "data" and "output.name": both or neither, each a file name

    std::optional<Node> variant = select_variant(root, options, tl);
    auto from_variant = [&](const char* key) { return variant ? member(*variant, key) : std::nullopt; };
    auto size = from_variant("size") ? from_variant("size") : member(root, "size");
    if (size) read_size(*size, tl);
    check_frame_pixels(size ? size->loc() : root.loc(), tl, options.limits);
    if (auto n = from_variant("fps") ? from_variant("fps") : member(root, "fps")) tl.fps = read_fps(*n);
    auto title = member(root, "title");
    if (title) tl.title = read_string(*title, "\"title\"", true);
    if (auto n = member(root, "lang")) tl.lang = read_string(*n, "\"lang\"");

    Document& canvas = tl.canvas;
    canvas.file = tl.file;
    canvas.root = tl.root;
    canvas.title = tl.title;
    canvas.lang = tl.lang;
    canvas.page.trim_w_pt = tl.width_px * kPtPerPx;
    canvas.page.trim_h_pt = tl.height_px * kPtPerPx;
    canvas.page.bleed_pt = 0;
    canvas.page.marks = Marks::None;
    canvas.page.loc = root.loc();

    TimelineContext c{source, tl, detail::LoadContext{source, canvas, options.root, options.limits}};
    c.load.allow_late_variables = false;  // a video has no pages to number
    c.frame_w_pt = canvas.page.trim_w_pt;
    c.frame_h_pt = canvas.page.trim_h_pt;
    c.fps = tl.fps.value();
    if (auto layers = from_variant("layers"))
        for (auto& [id, over] : members_in_order(*layers)) c.overrides.emplace(id, over);

    read_tables(root, c, record_vars);
    // The title (the MP4's metadata) may name variables like any text.
    if (title) {
        tl.title = substitute_variables(tl.title, canvas.vars, source, title->pointer);
        canvas.title = tl.title;
    }
    if (auto n = member(root, "background")) tl.background = read_color(*n, "\"background\"", &canvas.colors);

    if (auto n = member(root, "scenes")) read_scenes(*n, c);
    if (!tl.scenes.empty()) tl.duration_s = tl.scenes.back().start_s + tl.scenes.back().duration_s;
    auto duration = member(root, "duration");
    if (duration) tl.duration_s = detail::read_time(*duration, "\"duration\"", c.fps);
    if (tl.frame_count() <= 0) {
        // At what made it empty: the duration, else an empty "scenes".
        auto scenes = member(root, "scenes");
        fail_input(duration ? duration->loc() : scenes ? scenes->loc() : root.loc(),
                   "a timeline of zero length: give it \"scenes\" (or a \"duration\" of at least one frame)");
    }
    // Before overlays, audio and captions are read, and long before a frame
    // is drawn: the length is what the render's time grows with.
    if (tl.duration_s > options.limits.max_video_seconds) {
        auto scenes = member(root, "scenes");
        const SourceLoc where = duration ? duration->loc() : scenes ? scenes->loc() : root.loc();
        fail_input(where, std::string(duration ? "the video lasts " : "the scenes last ") + seconds(tl.duration_s) +
                              over_limit(seconds(options.limits.max_video_seconds), limit_flags::kVideoSeconds));
    }

    if (auto list = member(root, "overlays")) {
        expect_array(*list, "\"overlays\"");
        detail::LayerTimes times{tl.duration_s, tl.duration_s, true, "the video"};
        for (size_t i = 0; i < list->json().size(); ++i) tl.overlays.push_back(detail::read_layer(list->element(i), times, c));
    }
    check_override_ids(root, c);

    if (auto n = member(root, "audio")) tl.audio = detail::read_audio(*n, c);
    tl.loudness = Loudness{};
    tl.loudness->loc = root.loc();
    if (auto n = member(root, "loudness")) tl.loudness = detail::read_loudness(*n);
    tl.caption_style = detail::read_caption_style(fields_of(root, variant, "caption_style"), c);
    if (auto n = member(root, "captions")) tl.captions = detail::read_captions(*n, c);
    if (auto n = member(root, "chapters")) tl.chapters = detail::read_chapters(*n, c);
    tl.output = detail::read_output(fields_of(root, variant, "output"), c);
    note_timeline_families(canvas);
    return tl;
}

}  // namespace

int64_t Timeline::frame_count() const { return std::llround(duration_s * fps.value()); }

Timeline load_timeline_source(const JsonSource& source, const TimelineOptions& options) {
    // As for print layouts: the semantic pass first (located, typed, "did
    // you mean"), then the published schema on what passed.
    Timeline timeline = load_timeline_semantics(source, options, {});
    detail::validate_timeline_schema(source);
    return timeline;
}

Timeline load_timeline_record(const std::filesystem::path& file, const TimelineOptions& options,
                              const std::map<std::string, std::string>& record_vars) {
    JsonSource source = JsonSource::read_file(file);
    Timeline timeline = load_timeline_semantics(source, options, record_vars);
    detail::validate_timeline_schema(source);
    return timeline;
}

Timeline load_timeline(const std::filesystem::path& file, const TimelineOptions& options) {
    JsonSource source = JsonSource::read_file(file);
    return load_timeline_source(source, options);
}

}  // namespace koho::model
