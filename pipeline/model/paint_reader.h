// Paint and decoration values shared by styles, frames and tables: strokes,
// gradients, shadows, text wrap, underlines and outlines. Each reads one
// JSON value with located, typed errors (json_reader.h), naming the key as
// `what` ("\"stroke\"", "\"border\" of a cell").
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "model/document.h"
#include "model/json_reader.h"

namespace koho::model {

using ColorTable = std::map<std::string, Color>;

// {"color": C, "width": L, "dash": [L, ...]}; width default 0.5pt.
Stroke read_stroke(const Node& node, std::string_view what, const ColorTable& colors);

// A fill: a colour, or {"gradient": "linear" | "radial", ...}. Exactly one
// of the two results is set.
struct Paint {
    std::optional<Color> color;
    std::optional<Gradient> gradient;
};
Paint read_paint(const Node& node, std::string_view what, const ColorTable& colors, bool allow_gradient);

// {"offset": [Lx, Ly], "color": C}
Shadow read_shadow(const Node& node, const ColorTable& colors);

// "box" | "contour" | {"mode": ..., "offset": L}
Wrap read_wrap(const Node& node);

// Lengths in em are of `em_pt`; with no em size, em is refused (a character
// style without its own size: the paragraph's is not known here).
// `true` | {"color", "width", "offset"}
Underline read_underline(const Node& node, std::string_view owner, const ColorTable& colors,
                         std::optional<double> em_pt);
// {"color", "width"} (width required)
TextOutline read_outline(const Node& node, std::string_view owner, const ColorTable& colors,
                         std::optional<double> em_pt);

// A length in absolute units or (when em_pt is known) em, converted to points.
double read_text_length(const Node& node, std::string_view what, std::optional<double> em_pt, Sign sign);

// "50%".."200%" → 0.5..2
double read_horizontal_scale(const Node& node, std::string_view what);

}  // namespace koho::model
