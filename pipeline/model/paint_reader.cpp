#include "model/paint_reader.h"

#include "model/color_reader.h"

namespace koho::model {
namespace {

std::string of(std::string_view key, std::string_view owner) {
    return "\"" + std::string(key) + "\" of " + std::string(owner);
}

double percent(const Node& node, std::string_view what, double max) {
    Length l = read_length(node, what, kPercent, Sign::NonNegative);
    if (l.value > max)
        fail_input(node.loc(), std::string(what) + " must be between 0% and " + format_number(max) + "%, not '" +
                                   node.json().get<std::string>() + "'");
    return l.value / 100;
}

std::vector<GradientStop> read_stops(const Node& node, const ColorTable& colors) {
    expect_array(node, "\"stops\"");
    if (node.json().size() < 2)
        fail_input(node.loc(), "\"stops\" needs at least two stops [[\"0%\", colour], [\"100%\", colour]]");
    std::vector<GradientStop> stops;
    for (size_t i = 0; i < node.json().size(); ++i) {
        Node stop = node.element(i);
        if (!stop.json().is_array() || stop.json().size() != 2)
            fail_input(stop.loc(), "a gradient stop must be [offset, colour], e.g. [\"0%\", \"#ffffff\"]");
        GradientStop s;
        Node offset = stop.element(0);
        s.offset = percent(offset, "a stop offset", 100);
        s.color = read_color(stop.element(1), "the colour of a stop", &colors);
        if (!stops.empty() && s.offset < stops.back().offset)
            fail_input(offset.loc(), "stop offsets must not decrease ('" + offset.json().get<std::string>() +
                                         "' comes after " + format_number(stops.back().offset * 100) + "%)");
        stops.push_back(s);
    }
    return stops;
}

Gradient read_gradient(const Node& node, const ColorTable& colors) {
    Gradient g;
    g.kind = static_cast<Gradient::Kind>(read_enum(node.child("gradient"), "gradient", {"linear", "radial"}));
    const bool linear = g.kind == Gradient::Kind::Linear;
    std::string where = std::string(linear ? "a linear" : "a radial") + " gradient";
    if (linear)
        check_keys(node, {"gradient", "angle", "stops"}, where);
    else
        check_keys(node, {"gradient", "center", "radius", "stops"}, where);
    if (auto n = member(node, "angle")) g.angle_deg = read_number(*n, "\"angle\"", -360, 360);
    if (auto n = member(node, "center")) {
        expect_array(*n, "\"center\"");
        if (n->json().size() != 2)
            fail_input(n->loc(), "\"center\" needs two percentages [x, y], e.g. [\"50%\", \"50%\"]");
        g.center_x = percent(n->element(0), "\"center\"", 100);
        g.center_y = percent(n->element(1), "\"center\"", 100);
    }
    if (auto n = member(node, "radius")) {
        g.radius = percent(*n, "\"radius\" of a radial gradient", 1000);
        if (g.radius <= 0) fail_input(n->loc(), "\"radius\" of a radial gradient must be greater than zero");
    }
    g.stops = read_stops(require(node, "stops", where), colors);
    return g;
}

}  // namespace

Stroke read_stroke(const Node& node, std::string_view what, const ColorTable& colors) {
    expect_object(node, what);
    check_keys(node, {"color", "width", "dash"}, std::string(what));
    Stroke s;
    if (auto color = member(node, "color")) s.color = read_color(*color, of("color", what), &colors);
    if (auto w = member(node, "width"))
        s.width_pt = to_pt(read_length(*w, of("width", what), kAbsoluteUnits, Sign::Positive), {});
    if (auto dash = member(node, "dash")) {
        expect_array(*dash, "\"dash\"");
        if (dash->json().empty()) fail_input(dash->loc(), "\"dash\" needs at least one length");
        for (size_t i = 0; i < dash->json().size(); ++i)
            s.dash_pt.push_back(
                to_pt(read_length(dash->element(i), "a dash length", kAbsoluteUnits, Sign::Positive), {}));
    }
    return s;
}

Paint read_paint(const Node& node, std::string_view what, const ColorTable& colors, bool allow_gradient) {
    Paint paint;
    if (node.json().is_object() && node.json().contains("gradient")) {
        if (!allow_gradient)
            fail_input(node.child("gradient").key_loc(),
                       std::string(what) + " takes a colour here; gradients are for rect and ellipse fills");
        paint.gradient = read_gradient(node, colors);
    } else {
        paint.color = read_color(node, what, &colors);
    }
    return paint;
}

Shadow read_shadow(const Node& node, const ColorTable& colors) {
    expect_object(node, "\"shadow\"");
    check_keys(node, {"offset", "color"}, "\"shadow\"");
    Shadow shadow;
    Node offset = require(node, "offset", "\"shadow\"");
    expect_array(offset, "\"offset\" of \"shadow\"");
    if (offset.json().size() != 2)
        fail_input(offset.loc(), "\"offset\" of \"shadow\" needs two lengths [x, y], e.g. [\"1mm\", \"1mm\"]");
    shadow.dx_pt = to_pt(read_length(offset.element(0), "\"offset\" of \"shadow\"", kAbsoluteUnits), {});
    shadow.dy_pt = to_pt(read_length(offset.element(1), "\"offset\" of \"shadow\"", kAbsoluteUnits), {});
    if (auto color = member(node, "color")) shadow.color = read_color(*color, "\"color\" of \"shadow\"", &colors);
    return shadow;
}

Wrap read_wrap(const Node& node) {
    const std::vector<std::string> modes = {"box", "contour"};
    Wrap wrap;
    wrap.loc = node.loc();
    if (node.json().is_string()) {
        wrap.mode = static_cast<Wrap::Mode>(read_enum(node, "wrap mode", modes));
        return wrap;
    }
    if (!node.json().is_object())
        fail_input(node.loc(), "\"wrap\" must be \"box\", \"contour\" or {\"mode\": ..., \"offset\": ..., \"side\": ...}, not " +
                                   json_type_name(node.json()));
    check_keys(node, {"mode", "offset", "side"}, "\"wrap\"");
    wrap.mode = static_cast<Wrap::Mode>(read_enum(require(node, "mode", "\"wrap\""), "wrap mode", modes));
    if (auto n = member(node, "offset"))
        wrap.offset_pt = to_pt(read_length(*n, "\"offset\" of \"wrap\"", kAbsoluteUnits, Sign::NonNegative), {});
    if (auto n = member(node, "side"))
        wrap.side = static_cast<Wrap::Side>(read_enum(*n, "wrap side", {"both", "start", "end"}));
    return wrap;
}

double read_text_length(const Node& node, std::string_view what, std::optional<double> em_pt, Sign sign) {
    Length l = read_length(node, what, kAbsoluteUnits | kEm, sign);
    if (l.unit == Unit::Em && !em_pt)
        fail_input(node.loc(), std::string(what) + " in em needs a \"size\" in this character style (the "
                                                   "paragraph's size is not known here); use mm, pt, px, Q or H");
    return to_pt(l, LengthContext{em_pt.value_or(10), 0});
}

Underline read_underline(const Node& node, std::string_view owner, const ColorTable& colors,
                         std::optional<double> em_pt) {
    Underline u;
    if (node.json().is_boolean()) {
        if (!node.json().get<bool>())
            fail_input(node.loc(), "\"underline\" is true or an object {\"color\", \"width\", \"offset\"}; "
                                   "leave it out for no underline");
        return u;
    }
    if (!node.json().is_object())
        fail_input(node.loc(), "\"underline\" must be true or an object {\"color\", \"width\", \"offset\"}, not " +
                                   json_type_name(node.json()));
    std::string where = "\"underline\" of " + std::string(owner);
    check_keys(node, {"color", "width", "offset"}, where);
    if (auto n = member(node, "color")) u.color = read_color(*n, "\"color\" of \"underline\"", &colors);
    if (auto n = member(node, "width"))
        u.width_pt = read_text_length(*n, "\"width\" of \"underline\"", em_pt, Sign::Positive);
    if (auto n = member(node, "offset"))
        u.offset_pt = read_text_length(*n, "\"offset\" of \"underline\"", em_pt, Sign::NonNegative);
    return u;
}

TextOutline read_outline(const Node& node, std::string_view owner, const ColorTable& colors,
                         std::optional<double> em_pt) {
    std::string where = "\"outline\" of " + std::string(owner);
    expect_object(node, "\"outline\"");
    check_keys(node, {"color", "width"}, where);
    TextOutline o;
    if (auto n = member(node, "color")) o.color = read_color(*n, "\"color\" of \"outline\"", &colors);
    o.width_pt = read_text_length(require(node, "width", where), "\"width\" of \"outline\"", em_pt, Sign::Positive);
    return o;
}

double read_horizontal_scale(const Node& node, std::string_view what) {
    Length l = read_length(node, what, kPercent, Sign::Positive);
    if (l.value < 50 || l.value > 200)
        fail_input(node.loc(), std::string(what) + " must be between 50% and 200%, not '" +
                                   node.json().get<std::string>() + "'");
    return l.value / 100;
}

}  // namespace koho::model
