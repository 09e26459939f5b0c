// Colours as layouts write them: "#rrggbb", "#rrggbbaa" (also "#rgb"),
// {"cmyk": [c, m, y, k]} in percent, or a name from the `colors` table.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "core/color.h"
#include "model/json_reader.h"

namespace koho::model {

// `named` may be null where names are not allowed (inside `colors` itself).
Color read_color(const Node& node, std::string_view what, const std::map<std::string, Color>* named);

}  // namespace koho::model
