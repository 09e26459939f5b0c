#include "model/styles.h"

#include <algorithm>

#include "model/color_reader.h"
#include "model/paint_reader.h"
#include "model/suggest.h"

namespace koho::model {
namespace {

const std::vector<std::string> kStyleKeys = {
    "based_on", "font",  "weight",  "size",        "leading",     "align",    "align_last", "indent",
    "color",    "kinsoku", "hanging", "space_before", "space_after", "tracking", "strong",     "tcy_digits",
    "start_indent", "horizontal_scale", "baseline_shift", "underline", "outline", "list", "keep_with_next",
    "orphans", "widows", "last_line_min_chars"};
const std::vector<std::string> kStrongKeys = {"font", "weight", "color"};
const std::vector<std::string> kListKeys = {"marker", "numbering", "start", "level", "width", "item_gap", "color"};
const std::vector<std::string> kNumberingWords = {"1.", "①", "(1)", "一、"};
const std::vector<std::string> kAlignWords = {"start", "center", "end", "justify"};
const std::vector<std::string> kKinsokuWords = {"strict", "normal", "loose"};

// Keys as written along the based_on chain, the nearest style winning.
// Members of `strong` are kept as "strong/font" etc.
using RawKeys = std::map<std::string, Node>;

struct Resolved {
    RawKeys raw;
    Style style;
};

class StyleResolver {
public:
    StyleResolver(const Node& styles, const std::map<std::string, std::string>& fonts,
                  const std::map<std::string, Color>& colors)
        : styles_(styles), fonts_(fonts), colors_(colors) {}

    std::map<std::string, Style> run() {
        expect_object(styles_, "\"styles\"");
        for (const auto& name : keys_in_order(styles_)) resolve(name, {});
        std::map<std::string, Style> out;
        for (auto& [name, resolved] : done_) out.emplace(name, std::move(resolved.style));
        return out;
    }

private:
    const Resolved& resolve(const std::string& name, std::vector<std::string> chain) {
        if (auto it = done_.find(name); it != done_.end()) return it->second;
        Node node = styles_.child(name);
        std::string where = "style '" + sanitize_utf8(name) + "'";
        expect_object(node, where);
        check_keys(node, kStyleKeys, where);
        chain.push_back(name);

        Resolved result;
        double base_size = kDefaultSizePt;
        if (auto based_on = member(node, "based_on")) {
            std::string base = read_string(*based_on, "\"based_on\"");
            if (auto cycle = std::find(chain.begin(), chain.end(), base); cycle != chain.end()) {
                std::string path;
                for (auto it = cycle; it != chain.end(); ++it) path += "'" + sanitize_utf8(*it) + "' → ";
                fail_input(based_on->loc(), "styles are based on each other in a cycle: " + path + "'" +
                                                sanitize_utf8(base) + "'");
            }
            if (!styles_.json().contains(base)) {
                fail_input(based_on->loc(), where + " is based on unknown style '" + sanitize_utf8(base) + "'" +
                                                did_you_mean(base, keys_in_order(styles_)));
            }
            const Resolved& parent = resolve(base, chain);
            result.raw = parent.raw;
            base_size = parent.style.size_pt;
        }
        for (auto& [key, value] : members_in_order(node)) {
            if (key == "based_on") continue;
            if (key == "strong") {
                expect_object(value, "\"strong\"");
                check_keys(value, kStrongKeys, "\"strong\" of " + where);
                for (auto& [sub, subvalue] : members_in_order(value)) result.raw.insert_or_assign("strong/" + sub, subvalue);
                continue;
            }
            if (key == "list") {
                merge_list(value, where, result.raw);
                continue;
            }
            result.raw.insert_or_assign(key, value);
        }
        result.style = build(name, node, result.raw, base_size);
        return done_.emplace(name, std::move(result)).first->second;
    }

    // `list` is merged key by key like `strong` (a level-2 style based on a
    // level-1 one changes only "level"), except that a style naming a marker
    // or a numbering replaces the kind it inherits.
    void merge_list(const Node& list, const std::string& where, RawKeys& raw) {
        expect_object(list, "\"list\"");
        check_keys(list, kListKeys, "\"list\" of " + where);
        auto marker = member(list, "marker");
        auto numbering = member(list, "numbering");
        if (marker && numbering) {
            // At whichever of the two comes second in the file.
            for (const auto& key : keys_in_order(list))
                if (key == "marker" || key == "numbering") {
                    const Node& second = key == "marker" ? *numbering : *marker;
                    fail_input(second.key_loc(), "\"list\" takes \"marker\" (a bullet) or \"numbering\", not both");
                }
        }
        if (marker) {
            raw.erase("list/numbering");
            raw.erase("list/start");
        }
        if (numbering) raw.erase("list/marker");
        for (auto& [sub, value] : members_in_order(list)) raw.insert_or_assign("list/" + sub, value);
        raw.insert_or_assign("list", list);
    }

    ListStyle list(const RawKeys& raw, const Style& s, const LengthContext& own) {
        auto get = [&](const char* key) -> const Node* {
            auto it = raw.find(key);
            return it == raw.end() ? nullptr : &it->second;
        };
        ListStyle l;
        const Node& list = raw.at("list");
        auto* marker = get("list/marker");
        auto* numbering = get("list/numbering");
        if (!marker && !numbering)
            fail_input(list.loc(), "\"list\" of style '" + sanitize_utf8(s.name) +
                                       "' needs \"marker\" (a bullet such as \"・\") or \"numbering\" (\"1.\", "
                                       "\"①\", \"(1)\" or \"一、\")");
        if (marker) {
            l.kind = ListKind::Bullet;
            l.bullet = read_string(*marker, "\"marker\"");
            if (auto* start = get("list/start"))
                fail_input(start->key_loc(), "\"start\" applies to numbered lists (\"numbering\"), not to bullets");
        } else {
            l.kind = ListKind::Number;
            l.numbering = static_cast<Numbering>(read_enum(*numbering, "numbering", kNumberingWords));
            if (auto* start = get("list/start")) l.start = read_integer(*start, "\"start\"", 1, 9999);
        }
        if (auto* n = get("list/level")) l.level = read_integer(*n, "\"level\"", 1, 6);
        l.width_pt = l.kind == ListKind::Bullet ? s.size_pt : 2 * s.size_pt;
        if (auto* n = get("list/width"))
            l.width_pt = to_pt(read_length(*n, "\"width\" of \"list\"", kAbsoluteUnits | kEm, Sign::Positive), own);
        if (auto* n = get("list/item_gap"))
            l.item_gap_pt =
                to_pt(read_length(*n, "\"item_gap\" of \"list\"", kAbsoluteUnits | kEm, Sign::NonNegative), own);
        if (auto* n = get("list/color")) l.color = read_color(*n, "\"color\" of \"list\"", &colors_);
        return l;
    }

    std::string family(const Node& node, std::string_view what) {
        std::string font = read_string(node, what);
        auto alias = fonts_.find(font);
        return alias != fonts_.end() ? alias->second : font;
    }

    int weight(const Node& node) {
        if (node.json().is_string()) return read_enum(node, "weight", {"normal", "bold"}) == 0 ? 400 : 700;
        if (!node.json().is_number())
            fail_input(node.loc(), "\"weight\" must be a number from 100 to 900, \"normal\" or \"bold\", not " +
                                       json_type_name(node.json()));
        return read_integer(node, "\"weight\"", 100, 900);
    }

    Style build(const std::string& name, const Node& node, const RawKeys& raw, double base_size) {
        Style s;
        s.name = name;
        s.loc = node.loc();
        auto get = [&](const char* key) -> const Node* {
            auto it = raw.find(key);
            return it == raw.end() ? nullptr : &it->second;
        };
        if (auto* size = get("size")) {
            Length length = read_length(*size, "\"size\"", kAbsoluteUnits | kEm | kPercent, Sign::Positive);
            s.size_pt = to_pt(length, LengthContext{base_size, base_size});
        } else {
            s.size_pt = base_size;
        }
        const LengthContext own{s.size_pt, s.size_pt};
        if (auto* font = get("font")) {
            s.font_family = family(*font, "\"font\"");
            s.font_loc = font->loc();
        } else {
            s.font_family = kDefaultFontFamily;
            s.font_loc = s.loc;
        }
        if (auto* n = get("weight")) s.weight = weight(*n);
        if (auto* n = get("leading"))
            s.leading_pt = to_pt(read_length(*n, "\"leading\"", kAbsoluteUnits | kEm | kPercent, Sign::Positive), own);
        if (auto* n = get("align")) s.align = static_cast<Align>(read_enum(*n, "align", kAlignWords));
        if (auto* n = get("align_last"))
            s.last_line_align = static_cast<Align>(read_enum(*n, "align_last", kAlignWords));
        if (auto* n = get("indent"))
            s.indent_em = to_pt(read_length(*n, "\"indent\"", kAbsoluteUnits | kEm, Sign::NonNegative), own) / s.size_pt;
        if (auto* n = get("color")) s.color = read_color(*n, "\"color\"", &colors_);
        if (auto* n = get("kinsoku")) s.kinsoku = static_cast<Kinsoku>(read_enum(*n, "kinsoku", kKinsokuWords));
        if (auto* n = get("hanging")) s.hanging = read_bool(*n, "\"hanging\"");
        if (auto* n = get("space_before"))
            s.space_before_pt = to_pt(read_length(*n, "\"space_before\"", kAbsoluteUnits | kEm, Sign::NonNegative), own);
        if (auto* n = get("space_after"))
            s.space_after_pt = to_pt(read_length(*n, "\"space_after\"", kAbsoluteUnits | kEm, Sign::NonNegative), own);
        if (auto* n = get("tracking"))
            s.tracking_em = to_pt(read_length(*n, "\"tracking\"", kAbsoluteUnits | kEm), own) / s.size_pt;
        if (auto* n = get("tcy_digits")) s.tcy_max_digits = read_integer(*n, "\"tcy_digits\"", 0, 4);
        if (auto* n = get("strong/font")) {
            s.strong_font_family = family(*n, "\"font\" of \"strong\"");
            s.strong_font_loc = n->loc();
        }
        if (auto* n = get("strong/weight")) s.strong_weight = weight(*n);
        if (auto* n = get("strong/color")) s.strong_color = read_color(*n, "\"color\" of \"strong\"", &colors_);

        const std::string owner = "style '" + sanitize_utf8(name) + "'";
        if (auto* n = get("start_indent"))
            s.start_indent_pt = to_pt(read_length(*n, "\"start_indent\"", kAbsoluteUnits | kEm, Sign::NonNegative), own);
        if (auto* n = get("horizontal_scale")) s.horizontal_scale = read_horizontal_scale(*n, "\"horizontal_scale\"");
        if (auto* n = get("baseline_shift"))
            s.baseline_shift_pt = to_pt(read_length(*n, "\"baseline_shift\"", kAbsoluteUnits | kEm), own);
        if (auto* n = get("underline")) s.underline = read_underline(*n, owner, colors_, s.size_pt);
        if (auto* n = get("outline")) s.outline = read_outline(*n, owner, colors_, s.size_pt);
        if (get("list")) {
            s.list = list(raw, s, own);
            // The marker sits in the `width` before start_indent: an indent
            // narrower than that is raised to it (level 1 with no indent
            // puts the marker at the line start).
            s.start_indent_pt = std::max(s.start_indent_pt, s.list.width_pt);
        }
        if (auto* n = get("keep_with_next")) s.keep_with_next = read_bool(*n, "\"keep_with_next\"");
        if (auto* n = get("orphans")) s.orphans = read_integer(*n, "\"orphans\"", 1, 10);
        if (auto* n = get("widows")) s.widows = read_integer(*n, "\"widows\"", 1, 10);
        if (auto* n = get("last_line_min_chars"))
            s.last_line_min_chars = read_integer(*n, "\"last_line_min_chars\"", 1, 10);
        return s;
    }

    const Node& styles_;
    const std::map<std::string, std::string>& fonts_;
    const std::map<std::string, Color>& colors_;
    std::map<std::string, Resolved> done_;
};

}  // namespace

std::map<std::string, Style> resolve_styles(const Node& styles, const std::map<std::string, std::string>& fonts,
                                            const std::map<std::string, Color>& colors) {
    return StyleResolver(styles, fonts, colors).run();
}

}  // namespace koho::model
