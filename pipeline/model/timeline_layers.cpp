// Layers of scenes and overlays: box, times, content (a canvas page with
// one frame, for every kind but video), keyframes, enter/exit effects,
// motion, and the variant's override of the layer's keys.
#include <algorithm>
#include <tuple>

#include "core/paths.h"
#include "model/color_reader.h"
#include "model/list_numbering.h"
#include "model/paint_reader.h"
#include "model/suggest.h"
#include "model/timeline_internal.h"

namespace koho::model::detail {
namespace {

const std::vector<std::string> kLayerTypes = {"image", "text", "rect", "ellipse", "svg", "video"};
const std::vector<std::string> kCommonKeys = {"type", "id",    "x",        "y",     "w",    "h",
                                              "start", "end",  "opacity",  "keyframes", "enter", "exit"};

std::vector<std::string> layer_keys_for(const std::string& type) {
    std::vector<std::string> keys = kCommonKeys;
    std::vector<std::string> extra;
    if (type == "text") extra = {"style", "text", "writing", "valign", "inset", "fill", "overflow"};
    else if (type == "image" || type == "svg") extra = {"src", "fit", "focus", "shadow", "motion"};
    else if (type == "rect") extra = {"fill", "stroke", "radius", "shadow"};
    else if (type == "ellipse") extra = {"fill", "stroke", "shadow"};
    else extra = {"src", "trim", "loop", "muted", "gain", "fit", "focus", "motion"};
    keys.insert(keys.end(), extra.begin(), extra.end());
    return keys;
}

std::string a_layer(const std::string& type) {
    const bool vowel = type == "svg" || type == "image" || type == "ellipse";
    return (vowel ? "an " : "a ") + type + " layer";
}

// Unknown keys: a key of another layer type says so.
void check_layer_keys(const Node& object, const std::string& type) {
    auto allowed = layer_keys_for(type);
    std::vector<std::string> everything;
    for (const auto& t : kLayerTypes)
        for (auto& key : layer_keys_for(t))
            if (std::find(everything.begin(), everything.end(), key) == everything.end()) everything.push_back(key);
    for (const auto& key : keys_in_order(object)) {
        if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
        SourceLoc where = object.child(key).key_loc();
        if (std::find(everything.begin(), everything.end(), key) != everything.end())
            fail_input(where, "key '" + key + "' does not apply to " + a_layer(type) + did_you_mean(key, allowed));
        fail_input(where, "unknown key '" + sanitize_utf8(key) + "' in " + a_layer(type) + did_you_mean(key, allowed));
    }
}

class LayerReader {
public:
    LayerReader(Fields fields, const LayerTimes& times, TimelineContext& c)
        : f_(std::move(fields)), times_(times), c_(c) {}

    Layer run(const std::string& type, const std::string& id) {
        type_ = type;
        layer_.id = id;
        layer_.kind = static_cast<Layer::Kind>(std::find(kLayerTypes.begin(), kLayerTypes.end(), type) -
                                               kLayerTypes.begin());
        layer_.loc = f_.loc();
        frame_.loc = f_.loc();
        if (auto n = f_.get("opacity")) layer_.opacity = read_number(*n, "\"opacity\"", 0, 1);
        box();
        times();
        if (type_ == "text") text();
        else if (type_ == "image") image();
        else if (type_ == "svg") svg();
        else if (type_ == "rect" || type_ == "ellipse") shape();
        else video();
        if (auto n = f_.get("shadow")) frame_.shadow = read_shadow(*n, c_.timeline.canvas.colors);
        if (auto n = f_.get("keyframes")) keyframes(*n);
        if (auto n = f_.get("enter")) layer_.enter = effect(*n, true);
        if (auto n = f_.get("exit")) layer_.exit = effect(*n, false);
        effects_fit();
        if (auto n = f_.get("motion")) layer_.motion = motion(*n);
        if (layer_.kind != Layer::Kind::Video) {
            frame_.id = layer_.id;
            frame_.box = layer_.box;
            Page page;
            page.loc = f_.loc();
            page.frames.push_back(std::move(frame_));
            layer_.page = c_.timeline.canvas.pages.size();
            c_.timeline.canvas.pages.push_back(std::move(page));
        }
        return std::move(layer_);
    }

private:
    std::string where() const { return a_layer(type_); }

    // x, y, w, h: none written fills the frame; a missing x or y is 0; a
    // missing w or h reaches the frame's edge, except that a picture given
    // only one side keeps its aspect ratio (the other stays 0 for video/).
    void box() {
        const double fw = c_.frame_w_pt, fh = c_.frame_h_pt;
        Box& b = layer_.box;
        auto x = f_.get("x"), y = f_.get("y"), w = f_.get("w"), h = f_.get("h");
        if (x) b.x = read_frame_length(*x, "\"x\"", fw);
        if (y) b.y = read_frame_length(*y, "\"y\"", fh);
        if (w) b.w = read_frame_length(*w, "\"w\"", fw, Sign::Positive);
        if (h) b.h = read_frame_length(*h, "\"h\"", fh, Sign::Positive);
        const bool keeps_aspect = type_ == "image" || type_ == "svg";
        if (keeps_aspect && (w.has_value() != h.has_value())) return;
        if (!w) {
            b.w = fw - b.x;
            if (b.w <= 0) fail_input(x->loc(), "this layer starts at or past the frame's right edge; give it a \"w\"");
        }
        if (!h) {
            b.h = fh - b.y;
            if (b.h <= 0) fail_input(y->loc(), "this layer starts at or below the frame's bottom edge; give it an \"h\"");
        }
    }

    void times() {
        auto start = f_.get("start");
        auto end = f_.get("end");
        if (start) layer_.start_s = read_time(*start, "\"start\"", c_.fps);
        layer_.end_s = times_.default_end_s;
        if (end) layer_.end_s = read_time(*end, "\"end\"", c_.fps);
        if (start && layer_.start_s >= times_.limit_s)
            fail_input(start->loc(), "\"start\" (" + seconds(layer_.start_s) + ") is not within " + times_.owner +
                                         " (" + seconds(times_.limit_s) + " long)");
        if (end && layer_.end_s <= layer_.start_s)
            fail_input(end->loc(), "\"end\" (" + seconds(layer_.end_s) + ") must come after \"start\" (" +
                                       seconds(layer_.start_s) + ")");
        if (end && layer_.end_s > times_.limit_s + 1e-9) {
            if (!times_.may_outlast)
                fail_input(end->loc(), "\"end\" (" + seconds(layer_.end_s) + ") is after the end of " + times_.owner +
                                           " (" + seconds(times_.limit_s) + ")");
            layer_.end_s = times_.limit_s;
        }
    }

    std::optional<Color> color_of(const char* key) {
        if (auto n = f_.get(key)) return read_color(*n, std::string("\"") + key + "\"", &c_.timeline.canvas.colors);
        return std::nullopt;
    }

    void text() {
        TextContent t;
        Node style = f_.require("style", where());
        frame_.style = style_named(style, c_.timeline.canvas);
        add_paragraphs(t.story, f_.require("text", where()), frame_.style, c_.load);
        number_lists(t.story);
        if (auto n = f_.get("writing"))
            t.writing = static_cast<Writing>(read_enum(*n, "writing", {"horizontal", "vertical"}));
        if (auto n = f_.get("overflow"))
            t.overflow = static_cast<Overflow>(read_enum(*n, "overflow", {"error", "allow"}));
        if (auto n = f_.get("valign"))
            t.vertical_align = static_cast<VerticalAlign>(read_enum(*n, "valign", {"start", "center", "end"}));
        if (auto n = f_.get("inset")) {
            t.inset_pt = to_pt(read_length(*n, "\"inset\"", kAbsoluteUnits | kEm, Sign::NonNegative),
                               LengthContext{frame_.style->size_pt, 0});
            if (2 * t.inset_pt >= layer_.box.w || 2 * t.inset_pt >= layer_.box.h)
                fail_input(n->loc(), "\"inset\" leaves no room for text inside the layer");
        }
        t.fill = color_of("fill");
        frame_.content = std::move(t);
    }

    template <typename Media>
    void media(Media& m, const char* kind) {
        Node src = f_.require("src", where());
        m.src = read_string(src, "\"src\"");
        m.src_loc = src.loc();
        m.path = resolve_in_root(c_.load.root, m.src, m.src_loc, kind);
        if (auto n = f_.get("fit")) m.fit = static_cast<Fit>(read_enum(*n, "fit", {"cover", "contain", "fill"}));
        if (auto n = f_.get("focus")) std::tie(m.focus_x, m.focus_y) = read_focus(*n);
    }

    void image() {
        ImageContent image;
        media(image, "image");
        frame_.content = std::move(image);
    }

    void svg() {
        SvgContent svg;
        media(svg, "SVG file");
        frame_.content = std::move(svg);
    }

    void shape() {
        ShapeContent shape;
        shape.ellipse = type_ == "ellipse";
        const auto& colors = c_.timeline.canvas.colors;
        if (auto n = f_.get("fill")) {
            Paint paint = read_paint(*n, "\"fill\"", colors, true);
            shape.fill = paint.color;
            shape.gradient = paint.gradient;
        }
        if (auto n = f_.get("stroke")) shape.stroke = read_stroke(*n, "\"stroke\"", colors);
        if (auto n = f_.get("radius")) {
            shape.radius_pt = to_pt(read_length(*n, "\"radius\"", kAbsoluteUnits, Sign::NonNegative), {});
            if (2 * shape.radius_pt > std::min(layer_.box.w, layer_.box.h))
                fail_input(n->loc(), "\"radius\" is more than half the layer's shorter side");
        }
        frame_.content = std::move(shape);
    }

    void video() {
        ClipSource clip;
        media(clip, "video file");
        if (auto trim = f_.get("trim")) {
            expect_object(*trim, "\"trim\"");
            check_keys(*trim, {"start", "end"}, "\"trim\"");
            if (auto n = member(*trim, "start")) clip.trim_start_s = read_time(*n, "\"start\" of \"trim\"", c_.fps);
            if (auto n = member(*trim, "end")) {
                clip.trim_end_s = read_time(*n, "\"end\" of \"trim\"", c_.fps);
                if (*clip.trim_end_s <= clip.trim_start_s)
                    fail_input(n->loc(), "\"end\" of \"trim\" (" + seconds(*clip.trim_end_s) +
                                             ") must come after its \"start\" (" + seconds(clip.trim_start_s) + ")");
            }
        }
        if (auto n = f_.get("loop")) clip.loop = read_bool(*n, "\"loop\"");
        if (auto n = f_.get("muted")) clip.muted = read_bool(*n, "\"muted\"");
        if (auto n = f_.get("gain")) clip.gain_db = read_level(*n, "\"gain\"", "dB", -60, 24);
        layer_.clip = std::move(clip);
    }

    void keyframes(const Node& list) {
        expect_array(list, "\"keyframes\"");
        if (list.json().empty()) fail_input(list.loc(), "\"keyframes\" needs at least one keyframe");
        const std::vector<std::string> keys = {"t", "x", "y", "scale", "rotate", "opacity", "easing"};
        for (size_t i = 0; i < list.json().size(); ++i) {
            Node node = list.element(i);
            expect_object(node, "a keyframe");
            check_keys(node, keys, "a keyframe");
            Keyframe k;
            k.loc = node.loc();
            Node t = require(node, "t", "a keyframe");
            k.t_s = read_time(t, "\"t\"", c_.fps);
            if (!layer_.keyframes.empty() && k.t_s <= layer_.keyframes.back().t_s)
                fail_input(t.loc(), "keyframes must be in time order: " + seconds(k.t_s) + " comes after " +
                                        seconds(layer_.keyframes.back().t_s));
            if (auto n = member(node, "x")) k.x_pt = read_frame_length(*n, "\"x\"", c_.frame_w_pt);
            if (auto n = member(node, "y")) k.y_pt = read_frame_length(*n, "\"y\"", c_.frame_h_pt);
            if (auto n = member(node, "scale")) k.scale = read_number(*n, "\"scale\"", 0, 100);
            if (auto n = member(node, "rotate")) k.rotate_deg = read_number(*n, "\"rotate\"", -36000, 36000);
            if (auto n = member(node, "opacity")) k.opacity = read_number(*n, "\"opacity\"", 0, 1);
            if (auto n = member(node, "easing")) k.easing = read_easing(*n);
            layer_.keyframes.push_back(k);
        }
    }

    Effect effect(const Node& node, bool enter) {
        const char* what = enter ? "\"enter\"" : "\"exit\"";
        expect_object(node, what);
        check_keys(node, {"effect", "duration", "direction", "easing"}, what);
        Effect e;
        e.loc = node.loc();
        e.kind = static_cast<Effect::Kind>(read_enum(require(node, "effect", what), "effect", {"fade", "slide", "pop"}));
        if (auto n = member(node, "duration")) {
            e.duration_s = read_time(*n, "\"duration\"", c_.fps);
            if (e.duration_s <= 0) fail_input(n->loc(), "\"duration\" of an effect must be greater than zero");
        }
        if (auto n = member(node, "direction")) {
            if (e.kind != Effect::Kind::Slide)
                fail_input(n->key_loc(), "\"direction\" applies to the slide effect only");
            e.direction = read_direction(*n);
        }
        e.easing = e.kind == Effect::Kind::Pop ? Easing::EaseOutBack : enter ? Easing::EaseOut : Easing::EaseIn;
        if (auto n = member(node, "easing")) e.easing = read_easing(*n);
        return e;
    }

    // Entering and leaving must fit in the time the layer is shown.
    void effects_fit() {
        const double life = layer_.end_s - layer_.start_s;
        const double in = layer_.enter ? layer_.enter->duration_s : 0;
        const double out = layer_.exit ? layer_.exit->duration_s : 0;
        if (in + out <= life + 1e-9) return;
        const Effect& last = layer_.exit ? *layer_.exit : *layer_.enter;
        std::string parts = layer_.enter && layer_.exit ? "\"enter\" and \"exit\" (" + seconds(in) + " + " +
                                                              seconds(out) + ") take"
                            : layer_.enter ? "\"enter\" (" + seconds(in) + ") takes"
                                           : "\"exit\" (" + seconds(out) + ") takes";
        fail_input(last.loc, parts + " longer than the layer is shown (" + seconds(life) + ")");
    }

    MotionPoint motion_point(const Node& node, const char* what) {
        expect_object(node, what);
        check_keys(node, {"scale", "x", "y"}, what);
        MotionPoint p;
        if (auto n = member(node, "scale")) {
            p.scale = read_number(*n, "\"scale\"", 0, 100);
            if (p.scale <= 0) fail_input(n->loc(), "\"scale\" of a motion must be greater than zero");
        }
        if (auto n = member(node, "x")) p.x_pt = read_frame_length(*n, "\"x\"", c_.frame_w_pt);
        if (auto n = member(node, "y")) p.y_pt = read_frame_length(*n, "\"y\"", c_.frame_h_pt);
        return p;
    }

    Motion motion(const Node& node) {
        expect_object(node, "\"motion\"");
        check_keys(node, {"from", "to", "easing"}, "\"motion\"");
        Motion m;
        m.loc = node.loc();
        if (auto n = member(node, "from")) m.from = motion_point(*n, "\"from\" of \"motion\"");
        if (auto n = member(node, "to")) m.to = motion_point(*n, "\"to\" of \"motion\"");
        if (auto n = member(node, "easing")) m.easing = read_easing(*n);
        return m;
    }

    Fields f_;
    const LayerTimes& times_;
    TimelineContext& c_;
    std::string type_;
    Layer layer_;
    Frame frame_;
};

}  // namespace

Layer read_layer(const Node& node, const LayerTimes& times, TimelineContext& c) {
    expect_object(node, "a layer");
    Node type_node = require(node, "type", "a layer");
    const std::string type = kLayerTypes[read_enum(type_node, "layer type", kLayerTypes)];
    check_layer_keys(node, type);

    std::string id;
    if (auto n = member(node, "id")) {
        id = read_string(*n, "\"id\"");
        auto [seen, fresh] = c.layer_ids.emplace(id, n->loc());
        if (!fresh)
            fail_input(n->loc(), "two layers have the id '" + sanitize_utf8(id) + "' (the first at line " +
                                     std::to_string(seen->second.line) + ", column " +
                                     std::to_string(seen->second.col) + ")");
    }
    std::optional<Node> over;
    if (auto found = c.overrides.find(id); !id.empty() && found != c.overrides.end()) {
        over = found->second;
        c.override_used[id] = true;
        const std::string what = "the override of layer '" + sanitize_utf8(id) + "'";
        expect_object(*over, what);
        for (const char* fixed : {"type", "id"})
            if (auto n = member(*over, fixed))
                fail_input(n->key_loc(), "a variant cannot change a layer's \"" + std::string(fixed) + "\"");
        check_layer_keys(*over, type);
    }
    return LayerReader(Fields(node, over), times, c).run(type, id);
}

}  // namespace koho::model::detail
