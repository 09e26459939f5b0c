// Character styles ("character_styles"): what [[name:text]] changes over the
// paragraph style. Only the keys a character style sets override.
#include "model/color_reader.h"
#include "model/paint_reader.h"
#include "model/styles.h"

namespace koho::model {
namespace {

const std::vector<std::string> kCharStyleKeys = {"font",     "weight",           "size",           "color",
                                                 "tracking", "horizontal_scale", "baseline_shift", "underline",
                                                 "outline"};

bool valid_char_style_name(const std::string& name) {
    auto letter = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; };
    if (name.empty() || !letter(name[0])) return false;
    for (char c : name)
        if (!letter(c) && !(c >= '0' && c <= '9') && c != '-') return false;
    return true;
}

int read_weight(const Node& node) {
    if (node.json().is_string()) return read_enum(node, "weight", {"normal", "bold"}) == 0 ? 400 : 700;
    if (!node.json().is_number())
        fail_input(node.loc(), "\"weight\" must be a number from 100 to 900, \"normal\" or \"bold\", not " +
                                   json_type_name(node.json()));
    return read_integer(node, "\"weight\"", 100, 900);
}

CharStyle read_one(const std::string& name, const Node& node, const std::map<std::string, std::string>& fonts,
                   const std::map<std::string, Color>& colors) {
    std::string where = "character style '" + sanitize_utf8(name) + "'";
    if (!valid_char_style_name(name))
        fail_input(node.key_loc(), "character style name '" + sanitize_utf8(name) +
                                       "' cannot be written as [[name:text]]: use letters A-Z a-z, digits, '_' and "
                                       "'-', starting with a letter or '_'");
    expect_object(node, where);
    check_keys(node, kCharStyleKeys, where);
    CharStyle c;
    c.name = name;
    c.loc = node.loc();
    if (auto n = member(node, "size"))
        c.size_pt = to_pt(read_length(*n, "\"size\"", kAbsoluteUnits, Sign::Positive), {});
    if (auto n = member(node, "font")) {
        std::string font = read_string(*n, "\"font\"");
        auto alias = fonts.find(font);
        c.font_family = alias != fonts.end() ? alias->second : font;
        c.font_loc = n->loc();
    }
    if (auto n = member(node, "weight")) c.weight = read_weight(*n);
    if (auto n = member(node, "color")) c.color = read_color(*n, "\"color\"", &colors);
    if (auto n = member(node, "tracking")) {
        Length l = read_length(*n, "\"tracking\"", kAbsoluteUnits | kEm);
        if (l.unit == Unit::Em)
            c.tracking_em = l.value;
        else if (c.size_pt)
            c.tracking_em = to_pt(l, {}) / *c.size_pt;
        else
            fail_input(n->loc(), "\"tracking\" of a character style without \"size\" must be in em, e.g. \"0.05em\"");
    }
    if (auto n = member(node, "horizontal_scale")) c.horizontal_scale = read_horizontal_scale(*n, "\"horizontal_scale\"");
    if (auto n = member(node, "baseline_shift"))
        c.baseline_shift_pt = read_text_length(*n, "\"baseline_shift\"", c.size_pt, Sign::Any);
    if (auto n = member(node, "underline")) c.underline = read_underline(*n, where, colors, c.size_pt);
    if (auto n = member(node, "outline")) c.outline = read_outline(*n, where, colors, c.size_pt);
    return c;
}

}  // namespace

std::map<std::string, CharStyle> read_char_styles(const Node& styles, const std::map<std::string, std::string>& fonts,
                                                  const std::map<std::string, Color>& colors) {
    expect_object(styles, "\"character_styles\"");
    std::map<std::string, CharStyle> out;
    for (auto& [name, node] : members_in_order(styles)) out.emplace(name, read_one(name, node, fonts, colors));
    return out;
}

}  // namespace koho::model
