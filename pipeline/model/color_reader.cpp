#include "model/color_reader.h"

#include "model/suggest.h"

namespace koho::model {

Color read_color(const Node& node, std::string_view what, const std::map<std::string, Color>* named) {
    const auto& value = node.json();
    if (value.is_object()) {
        check_keys(node, {"cmyk"}, std::string(what));
        Node cmyk = require(node, "cmyk", std::string(what));
        expect_array(cmyk, "\"cmyk\"");
        if (cmyk.json().size() != 4)
            fail_input(cmyk.loc(), "\"cmyk\" needs four percentages [c, m, y, k], not " +
                                       std::to_string(cmyk.json().size()));
        double ink[4];
        for (size_t i = 0; i < 4; ++i) ink[i] = read_number(cmyk.element(i), "a CMYK percentage", 0, 100);
        return Color::from_cmyk(ink[0], ink[1], ink[2], ink[3]);
    }
    if (!value.is_string())
        fail_input(node.loc(), std::string(what) + " must be a colour (\"#rrggbb\", {\"cmyk\": [...]}" +
                                   (named ? " or a name from \"colors\"" : "") + "), not " +
                                   json_type_name(value));
    std::string text = value.get<std::string>();
    if (!text.empty() && text[0] == '#') {
        std::string why;
        auto color = parse_hex_color(text, &why);
        if (!color) fail_input(node.loc(), std::string(what) + ": " + sanitize_utf8(why));
        return *color;
    }
    if (!named)
        fail_input(node.loc(), std::string(what) + ": '" + sanitize_utf8(text) +
                                   "' is not a colour; write \"#rrggbb\", \"#rrggbbaa\" or {\"cmyk\": [c, m, y, k]}");
    auto found = named->find(text);
    if (found != named->end()) return found->second;
    std::vector<std::string> names;
    for (const auto& [name, _] : *named) names.push_back(name);
    std::string hint = did_you_mean(text, names);
    if (hint.empty()) hint = " (not in \"colors\" nor built in; write \"#rrggbb\" or {\"cmyk\": [...]})";
    fail_input(node.loc(), std::string(what) + ": unknown colour '" + sanitize_utf8(text) + "'" + hint);
}

}  // namespace koho::model
