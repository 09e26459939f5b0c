// Frames of every type: geometry, content and the keys each type accepts.
#include <algorithm>
#include <tuple>

#include "core/paths.h"
#include "model/color_reader.h"
#include "model/list_numbering.h"
#include "model/loader_internal.h"
#include "model/markup.h"
#include "model/paint_reader.h"
#include "model/suggest.h"

namespace koho::model::detail {
namespace {

const std::vector<std::string> kFrameTypes = {"text", "image", "rect", "ellipse", "line", "qr", "svg", "table"};
const std::vector<std::string> kBoxKeys = {"id", "type", "x", "y", "w", "h", "opacity"};

std::vector<std::string> frame_keys_for(const std::string& type) {
    if (type == "line") return {"id", "type", "x", "y", "x2", "y2", "stroke", "opacity", "role"};
    if (type == "qr")
        return {"id",         "type",    "x",    "y",   "size", "data", "color", "background",
                "ec",         "quiet_zone", "opacity", "wrap", "alt",  "role"};
    std::vector<std::string> keys = kBoxKeys;
    keys.push_back("role");
    std::vector<std::string> extra;
    if (type == "text")
        extra = {"style", "text",    "content", "writing", "next",    "overflow",    "inset", "valign",
                 "fill",  "grid",    "columns", "gutter",  "balance", "column_rule", "wrap", "ignore_wrap"};
    else if (type == "image" || type == "svg")
        extra = {"src", "fit", "focus", "clip", "radius", "wrap", "shadow", "alt"};
    else if (type == "rect")
        extra = {"fill", "stroke", "radius", "wrap", "shadow", "alt"};
    else if (type == "ellipse")
        extra = {"fill", "stroke", "wrap", "shadow", "alt"};
    else if (type == "table")
        extra = {"style",  "columns", "padding", "border", "header_rows", "header",
                 "zebra",  "next",    "overflow", "rows",  "wrap"};
    keys.insert(keys.end(), extra.begin(), extra.end());
    return keys;
}

std::vector<std::string> all_frame_keys() {
    std::vector<std::string> all;
    for (const auto& type : kFrameTypes)
        for (auto& key : frame_keys_for(type))
            if (std::find(all.begin(), all.end(), key) == all.end()) all.push_back(key);
    return all;
}

// Unknown keys: a key that belongs to another frame type says so.
void check_frame_keys(const Node& frame, const std::string& type) {
    auto allowed = frame_keys_for(type);
    auto everything = all_frame_keys();
    for (const auto& key : keys_in_order(frame)) {
        if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
        SourceLoc where = frame.source->key_loc(pointer_join(frame.pointer, key));
        if (std::find(everything.begin(), everything.end(), key) != everything.end())
            fail_input(where, "key '" + key + "' does not apply to " + a_frame(type) + did_you_mean(key, allowed));
        fail_input(where, "unknown key '" + sanitize_utf8(key) + "' in " + a_frame(type) +
                              did_you_mean(key, allowed));
    }
}

class FrameReader {
public:
    FrameReader(const Node& node, LoadContext& context, bool on_master)
        : node_(node), c_(context), on_master_(on_master) {}

    Frame run() {
        expect_object(node_, "a frame");
        Node type_node = require(node_, "type", "a frame");
        type_ = kFrameTypes[read_enum(type_node, "frame type", kFrameTypes)];
        check_frame_keys(node_, type_);

        frame_.loc = node_.loc();
        if (auto id = member(node_, "id")) frame_.id = read_string(*id, "\"id\"");
        if (auto opacity = member(node_, "opacity")) frame_.opacity = read_number(*opacity, "\"opacity\"", 0, 1);
        frame_.box.x = coordinate("x", width());
        frame_.box.y = coordinate("y", height());

        if (type_ == "text") text();
        else if (type_ == "image") image();
        else if (type_ == "svg") svg();
        else if (type_ == "rect" || type_ == "ellipse") shape();
        else if (type_ == "line") line();
        else if (type_ == "table") table();
        else qr();
        if (auto n = member(node_, "wrap")) frame_.wrap = read_wrap(*n);
        if (auto n = member(node_, "shadow")) frame_.shadow = read_shadow(*n, c_.doc.colors);
        if (auto n = member(node_, "alt")) frame_.alt = read_string(*n, "\"alt\"", true);
        if (auto n = member(node_, "role")) frame_.role = read_role(*n);
        return std::move(frame_);
    }

private:
    // The frame's part in the tagged web PDF. Headings and paragraphs are
    // text; a figure is a picture (or a text frame set as one); "artifact"
    // is decoration a screen reader skips.
    std::string read_role(const Node& n) const {
        static const std::vector<std::string> text_roles = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "figure", "artifact"};
        static const std::vector<std::string> picture_roles = {"figure", "artifact"};
        const bool is_text = type_ == "text" || type_ == "table";
        const auto& roles = is_text ? text_roles : picture_roles;
        return roles[read_enum(n, is_text ? "role" : "role of " + a_frame(type_), roles)];
    }

    double width() const { return c_.doc.page.trim_w_pt; }
    double height() const { return c_.doc.page.trim_h_pt; }

    double coordinate(const char* key, double percent_base) {
        Node n = require(node_, key, a_frame(type_));
        return to_pt(read_length(n, std::string("\"") + key + "\"", kAbsoluteUnits | kPercent),
                     LengthContext{10, percent_base});
    }

    double extent(const char* key, double percent_base) {
        Node n = require(node_, key, a_frame(type_));
        return to_pt(read_length(n, std::string("\"") + key + "\"", kAbsoluteUnits | kPercent, Sign::Positive),
                     LengthContext{10, percent_base});
    }

    void size_box() {
        frame_.box.w = extent("w", width());
        frame_.box.h = extent("h", height());
    }

    std::optional<Color> optional_color(const char* key) {
        if (auto n = member(node_, key)) return read_color(*n, std::string("\"") + key + "\"", &c_.doc.colors);
        return std::nullopt;
    }

    std::optional<Stroke> stroke(const char* key = "stroke") {
        auto n = member(node_, key);
        if (!n) return std::nullopt;
        return read_stroke(*n, std::string("\"") + key + "\"", c_.doc.colors);
    }

    void text() {
        size_box();
        TextContent t;
        if (auto n = member(node_, "style")) frame_.style = style_named(*n, c_.doc);
        auto text_node = member(node_, "text");
        auto content = member(node_, "content");
        if (text_node && content)
            fail_input(content->key_loc(), "a text frame takes \"text\" or \"content\", not both");
        if (text_node) {
            if (!frame_.style) fail_input(text_node->key_loc(), "a text frame with \"text\" needs a \"style\"");
            add_paragraphs(t.story, *text_node, frame_.style, c_);
        }
        if (content) {
            expect_array(*content, "\"content\"");
            if (content->json().empty()) fail_input(content->loc(), "\"content\" needs at least one entry");
            for (size_t i = 0; i < content->json().size(); ++i) {
                Node entry = content->element(i);
                expect_object(entry, "an entry of \"content\"");
                check_keys(entry, {"style", "text"}, "an entry of \"content\"");
                const Style* style = frame_.style;
                if (auto s = member(entry, "style")) style = style_named(*s, c_.doc);
                Node entry_text = require(entry, "text", "an entry of \"content\"");
                if (!style)
                    fail_input(entry.loc(), "this entry of \"content\" needs a \"style\" (the frame has none)");
                add_paragraphs(t.story, entry_text, style, c_);
            }
        }
        number_lists(t.story);
        if (auto n = member(node_, "writing"))
            t.writing = static_cast<Writing>(read_enum(*n, "writing", {"horizontal", "vertical"}));
        if (auto n = member(node_, "next")) {
            t.next = read_next(*n);
            t.next_loc = n->loc();
        }
        if (auto n = member(node_, "overflow"))
            t.overflow = static_cast<Overflow>(read_enum(*n, "overflow", {"error", "allow"}));
        if (auto n = member(node_, "inset")) {
            unsigned units = kAbsoluteUnits | (frame_.style ? unsigned(kEm) : 0u);
            double em = frame_.style ? frame_.style->size_pt : 10;
            t.inset_pt = to_pt(read_length(*n, "\"inset\"", units, Sign::NonNegative), LengthContext{em, 0});
            if (2 * t.inset_pt >= frame_.box.w || 2 * t.inset_pt >= frame_.box.h)
                fail_input(n->loc(), "\"inset\" leaves no room for text inside the frame");
        }
        if (auto n = member(node_, "ignore_wrap")) t.ignore_wrap = read_bool(*n, "\"ignore_wrap\"");
        if (auto n = member(node_, "valign"))
            t.vertical_align = static_cast<VerticalAlign>(read_enum(*n, "valign", {"start", "center", "end"}));
        if (auto n = member(node_, "fill")) t.fill = read_paint(*n, "\"fill\"", c_.doc.colors, false).color;
        if (auto n = member(node_, "grid")) {
            t.grid = style_named(*n, c_.doc);
            t.grid_loc = n->loc();
        }
        columns(t);
        frame_.content = std::move(t);
    }

    // 段組: the gutters must leave room for text in every column.
    void columns(TextContent& t) {
        auto count = member(node_, "columns");
        if (count) t.columns = read_integer(*count, "\"columns\"", 1, 12);
        if (t.columns > 1) t.gutter_pt = 5 * kPtPerMm;
        auto gutter = member(node_, "gutter");
        if (gutter) t.gutter_pt = to_pt(read_length(*gutter, "\"gutter\"", kAbsoluteUnits, Sign::NonNegative), {});
        if (auto n = member(node_, "balance")) t.balance = read_bool(*n, "\"balance\"");
        t.column_rule = stroke("column_rule");
        double across = (t.writing == Writing::Horizontal ? frame_.box.w : frame_.box.h) - 2 * t.inset_pt;
        if (t.columns > 1 && (t.columns - 1) * t.gutter_pt >= across)
            fail_input((gutter ? *gutter : *count).loc(),
                       std::to_string(t.columns) + " columns with " + format_number(t.gutter_pt / kPtPerMm, 2) +
                           "mm gutters leave no room for text in this frame");
    }

    std::string read_next(const Node& n) {
        if (on_master_) fail_input(n.loc(), "frames on masters cannot be chained: a master repeats on every page");
        return read_string(n, "\"next\"");
    }

    // src, fit, focus, clip and radius of image and svg frames.
    template <typename Media>
    void media(Media& m, const char* kind) {
        size_box();
        Node src = require(node_, "src", a_frame(type_));
        m.src = read_string(src, "\"src\"");
        m.src_loc = src.loc();
        m.path = resolve_in_root(c_.root, m.src, m.src_loc, kind);
        if (auto n = member(node_, "fit")) m.fit = static_cast<Fit>(read_enum(*n, "fit", {"cover", "contain", "fill"}));
        if (auto n = member(node_, "focus")) std::tie(m.focus_x, m.focus_y) = read_focus(*n);
        auto clip = member(node_, "clip");
        if (clip)
            m.clip = static_cast<ClipShape>(read_enum(*clip, "clip", {"box", "ellipse", "circle", "rounded"}));
        auto radius = member(node_, "radius");
        if (m.clip == ClipShape::RoundedBox) {
            if (!radius) fail_input(clip->loc(), "\"clip\": \"rounded\" needs a \"radius\"");
            m.clip_radius_pt = corner_radius(*radius);
        } else if (radius) {
            fail_input(radius->key_loc(), "\"radius\" applies to " + a_frame(type_) +
                                              " only with \"clip\": \"rounded\"");
        }
    }

    double corner_radius(const Node& n) {
        double r = to_pt(read_length(n, "\"radius\"", kAbsoluteUnits, Sign::NonNegative), {});
        if (2 * r > std::min(frame_.box.w, frame_.box.h))
            fail_input(n.loc(), "\"radius\" is more than half the frame's shorter side");
        return r;
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
        size_box();
        ShapeContent shape;
        shape.ellipse = type_ == "ellipse";
        if (auto n = member(node_, "fill")) {
            Paint paint = read_paint(*n, "\"fill\"", c_.doc.colors, true);
            shape.fill = paint.color;
            shape.gradient = paint.gradient;
        }
        shape.stroke = stroke();
        if (auto n = member(node_, "radius")) shape.radius_pt = corner_radius(*n);
        frame_.content = std::move(shape);
    }

    void line() {
        LineContent line;
        line.x2 = coordinate("x2", width());
        line.y2 = coordinate("y2", height());
        if (auto s = stroke()) line.stroke = *s;
        if (line.x2 == frame_.box.x && line.y2 == frame_.box.y)
            fail_input(node_.loc(), "a line frame needs two different points (x, y) and (x2, y2)");
        frame_.content = std::move(line);
    }

    void table() {
        size_box();
        frame_.content = read_table(node_, frame_, c_, on_master_);
    }

    void qr() {
        QrContent qr;
        double side = extent("size", width());
        frame_.box.w = frame_.box.h = side;
        Node data = require(node_, "data", "a qr frame");
        qr.data = substitute_variables(read_string(data, "\"data\""), c_.doc.vars, c_.source, data.pointer);
        qr.data_loc = data.loc();
        if (auto color = optional_color("color")) qr.color = *color;
        qr.background = optional_color("background");
        if (auto n = member(node_, "ec")) qr.error_correction = "LMQH"[read_enum(*n, "ec", {"L", "M", "Q", "H"})];
        if (auto n = member(node_, "quiet_zone")) qr.quiet_zone_modules = read_integer(*n, "\"quiet_zone\"", 0, 16);
        frame_.content = std::move(qr);
    }

    const Node& node_;
    LoadContext& c_;
    bool on_master_;
    std::string type_;
    Frame frame_;
};

}  // namespace

const Style* style_named(const Node& n, const Document& doc) {
    std::string name = read_string(n, "\"style\"");
    auto found = doc.styles.find(name);
    if (found == doc.styles.end()) {
        std::vector<std::string> names;
        for (const auto& [style, _] : doc.styles) names.push_back(style);
        fail_input(n.loc(), "unknown style '" + sanitize_utf8(name) + "'" +
                                (names.empty() ? " (\"styles\" defines none)" : did_you_mean(name, names)));
    }
    return &found->second;
}

namespace {

// UTF-8 code points: every byte that does not continue a sequence.
uint64_t count_code_points(const std::string& text) {
    uint64_t n = 0;
    for (unsigned char byte : text) n += (byte & 0xC0) != 0x80;
    return n;
}

}  // namespace

void add_paragraphs(Story& story, const Node& text_node, const Style* style, LoadContext& context,
                    bool allow_empty) {
    std::string text = read_string(text_node, "\"text\"", allow_empty);
    if (text.empty()) return;
    MarkupContext markup{&context.doc.vars, context.allow_late_variables, &context.doc.char_styles};
    std::vector<std::vector<Span>> paragraphs = parse_markup(text, markup, context.source, text_node.pointer);
    // The story's length as it will be set (variables filled in, markup
    // gone), checked before any of it is shaped or broken into lines.
    uint64_t chars = 0;
    for (const auto& spans : paragraphs)
        for (const Span& span : spans) chars += count_code_points(span.text) + count_code_points(span.ruby);
    story.chars += chars;
    if (story.chars > context.limits.max_text_chars) {
        const std::string count = std::to_string(story.chars) + " characters";
        fail_input(text_node.loc(), (chars == story.chars ? "this text is " + count + " long"
                                                          : "this text brings its story to " + count) +
                                        over_limit(std::to_string(context.limits.max_text_chars) + " characters",
                                                   limit_flags::kTextChars));
    }
    for (auto& spans : paragraphs) {
        Paragraph paragraph;
        paragraph.style = style;
        paragraph.spans = std::move(spans);
        paragraph.loc = text_node.loc();
        story.paragraphs.push_back(std::move(paragraph));
    }
}

const Style* aligned_style(const Style* style, Align align, LoadContext& context) {
    if (style->align == align) return style;
    auto key = std::make_pair(style, align);
    if (auto found = context.aligned_styles.find(key); found != context.aligned_styles.end()) return found->second;
    Style derived = *style;
    derived.align = align;
    context.doc.derived_styles.push_back(std::move(derived));
    const Style* made = &context.doc.derived_styles.back();
    context.aligned_styles.emplace(key, made);
    return made;
}

std::pair<double, double> read_focus(const Node& n) {
    expect_array(n, "\"focus\"");
    if (n.json().size() != 2) fail_input(n.loc(), "\"focus\" needs two percentages [x, y], e.g. [\"50%\", \"30%\"]");
    double xy[2];
    for (size_t i = 0; i < 2; ++i) {
        Node e = n.element(i);
        Length l = read_length(e, "\"focus\"", kPercent, Sign::NonNegative);
        if (l.value > 100) fail_input(e.loc(), "\"focus\" must be between 0% and 100%");
        xy[i] = l.value / 100;
    }
    return {xy[0], xy[1]};
}

Frame read_frame(const Node& node, LoadContext& context, bool on_master) {
    return FrameReader(node, context, on_master).run();
}

}  // namespace koho::model::detail
