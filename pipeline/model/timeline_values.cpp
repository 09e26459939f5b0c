// Values only timelines have — times, levels in dB, easings — and the
// Fields view that lays a variant's override over a layer.
#include <algorithm>
#include <charconv>
#include <cmath>

#include "model/suggest.h"
#include "model/timeline_internal.h"

namespace koho::model::detail {

std::optional<Node> Fields::get(std::string_view key) const {
    if (over_)
        if (auto n = member(*over_, key)) return n;
    return member(base_, key);
}

Node Fields::require(std::string_view key, std::string_view where) const {
    if (auto n = get(key)) return *n;
    return model::require(base_, key, where);  // throws at the base object
}

std::vector<std::string> Fields::keys() const {
    std::vector<std::string> out = keys_in_order(base_);
    if (over_)
        for (auto& key : keys_in_order(*over_))
            if (std::find(out.begin(), out.end(), key) == out.end()) out.push_back(key);
    return out;
}

SourceLoc Fields::key_loc(std::string_view key) const {
    if (over_ && member(*over_, key)) return over_->child(key).key_loc();
    return base_.child(key).key_loc();
}

namespace {

// A decimal number as lengths write it: -?digits[.digits] (no exponent,
// no '+'), the same rule the schema's patterns use.
std::optional<double> plain_decimal(std::string_view text) {
    std::string_view body = text;
    if (!body.empty() && body[0] == '-') body.remove_prefix(1);
    auto dot = body.find('.');
    auto digits = [](std::string_view s) {
        return std::all_of(s.begin(), s.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
    };
    std::string_view whole = body.substr(0, dot);
    std::string_view fraction = dot == std::string_view::npos ? std::string_view() : body.substr(dot + 1);
    if (!digits(whole) || !digits(fraction)) return std::nullopt;
    if (dot == std::string_view::npos ? whole.empty() : fraction.empty()) return std::nullopt;
    double value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) return std::nullopt;
    return value;
}

}  // namespace

std::string seconds(double s) { return format_number(s, 3) + "s"; }

double read_time(const Node& node, std::string_view what, double fps) {
    const auto& value = node.json();
    if (value.is_number())
        fail_input(node.loc(), std::string(what) + " is a bare number (" + value.dump() +
                                   "); times need a unit: \"2.5s\", \"500ms\" or frames \"15f\"");
    if (!value.is_string())
        fail_input(node.loc(), std::string(what) + " must be a time such as \"2.5s\", \"500ms\" or \"15f\", not " +
                                   json_type_name(value));
    std::string text = value.get<std::string>();
    std::string why;
    auto parsed = parse_duration(text, fps, &why);
    std::string_view unit = text.size() > 2 && text.substr(text.size() - 2) == "ms" ? "ms" : "s";
    if (parsed && !text.empty() && text.back() == 'f') unit = "f";
    if (parsed && !plain_decimal(std::string_view(text).substr(0, text.size() - unit.size())))
        fail_input(node.loc(), std::string(what) + ": '" + sanitize_utf8(text) +
                                   "' is not a time; write a decimal number and s, ms or f, e.g. \"2.5s\"");
    if (!parsed) fail_input(node.loc(), std::string(what) + ": " + sanitize_utf8(why));
    if (*parsed > 24 * 3600) fail_input(node.loc(), std::string(what) + ": '" + text + "' is longer than a day");
    return *parsed;
}

double read_level(const Node& node, std::string_view what, std::string_view suffix, double min, double max) {
    const std::string example = "\"" + format_number(std::clamp(-6.0, min, max)) + std::string(suffix) + "\"";
    const auto& value = node.json();
    if (value.is_number())
        fail_input(node.loc(), std::string(what) + " is a bare number (" + value.dump() + "); write it with its unit, e.g. " +
                                   example);
    if (!value.is_string())
        fail_input(node.loc(), std::string(what) + " must be a string such as " + example + ", not " +
                                   json_type_name(value));
    std::string text = value.get<std::string>();
    std::optional<double> number;
    if (text.size() > suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0)
        number = plain_decimal(std::string_view(text).substr(0, text.size() - suffix.size()));
    if (!number)
        fail_input(node.loc(), std::string(what) + ": '" + sanitize_utf8(text) + "' is not written like " + example);
    if (*number < min || *number > max)
        fail_input(node.loc(), std::string(what) + " must be between " + format_number(min) + std::string(suffix) +
                                   " and " + format_number(max) + std::string(suffix) + ", not '" + text + "'");
    return *number;
}

Easing read_easing(const Node& node) {
    return static_cast<Easing>(
        read_enum(node, "easing", {"linear", "ease-in", "ease-out", "ease-in-out", "ease-out-back"}));
}

Direction read_direction(const Node& node) {
    return static_cast<Direction>(read_enum(node, "direction", {"left", "right", "up", "down"}));
}

double read_frame_length(const Node& node, std::string_view what, double percent_base_pt, Sign sign) {
    return to_pt(read_length(node, what, kAbsoluteUnits | kPercent, sign), LengthContext{10, percent_base_pt});
}

}  // namespace koho::model::detail
