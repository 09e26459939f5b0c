#include "model/json_reader.h"

#include <algorithm>
#include <cmath>

#include "model/suggest.h"

namespace koho::model {

using nlohmann::json;

Node Node::child(std::string_view key) const {
    return Node{source, &value->at(std::string(key)), pointer_join(pointer, key)};
}

Node Node::element(size_t index) const {
    return Node{source, &value->at(index), pointer_join(pointer, index)};
}

Node root_node(const JsonSource& source) { return Node{&source, &source.root(), ""}; }

std::string json_type_name(const json& value) {
    switch (value.type()) {
        case json::value_t::object: return "an object";
        case json::value_t::array: return "an array";
        case json::value_t::string: return "a string";
        case json::value_t::boolean: return "true/false";
        case json::value_t::null: return "null";
        case json::value_t::number_integer:
        case json::value_t::number_unsigned:
        case json::value_t::number_float: return "a number";
        default: return "an unsupported value";
    }
}

static std::string shown(const json& value) {
    std::string text = value.is_string() ? value.get<std::string>() : value.dump();
    if (text.size() > 60) text = text.substr(0, 57) + "...";
    return sanitize_utf8(text);
}

[[noreturn]] static void wrong_type(const Node& node, std::string_view what, std::string_view expected) {
    fail_input(node.loc(), std::string(what) + " must be " + std::string(expected) + ", not " +
                               json_type_name(node.json()));
}

void expect_object(const Node& node, std::string_view what) {
    if (!node.json().is_object()) wrong_type(node, what, "an object");
}

void expect_array(const Node& node, std::string_view what) {
    if (!node.json().is_array()) wrong_type(node, what, "an array");
}

std::vector<std::string> keys_in_order(const Node& object) {
    std::vector<std::pair<std::pair<int, int>, std::string>> order;
    for (auto it = object.json().begin(); it != object.json().end(); ++it) {
        SourceLoc where = object.source->key_loc(pointer_join(object.pointer, it.key()));
        order.emplace_back(std::make_pair(where.line, where.col), it.key());
    }
    std::stable_sort(order.begin(), order.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<std::string> keys;
    for (auto& [_, key] : order) keys.push_back(std::move(key));
    return keys;
}

std::vector<std::pair<std::string, Node>> members_in_order(const Node& object) {
    std::vector<std::pair<std::string, Node>> out;
    for (auto& key : keys_in_order(object)) out.emplace_back(key, object.child(key));
    return out;
}

void check_keys(const Node& object, const std::vector<std::string>& allowed, std::string_view where) {
    for (const auto& key : keys_in_order(object)) {
        if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
        fail_input(object.source->key_loc(pointer_join(object.pointer, key)),
                   "unknown key '" + sanitize_utf8(key) + "' in " + std::string(where) +
                       did_you_mean(key, allowed));
    }
}

std::optional<Node> member(const Node& object, std::string_view key) {
    auto it = object.json().find(std::string(key));
    if (it == object.json().end()) return std::nullopt;
    return Node{object.source, &*it, pointer_join(object.pointer, key)};
}

Node require(const Node& object, std::string_view key, std::string_view where) {
    auto found = member(object, key);
    if (!found) fail_input(object.loc(), std::string(where) + " needs \"" + std::string(key) + "\"");
    return *found;
}

std::string read_string(const Node& node, std::string_view what, bool allow_empty) {
    if (!node.json().is_string()) wrong_type(node, what, "a string");
    std::string text = node.json().get<std::string>();
    if (text.empty() && !allow_empty) fail_input(node.loc(), std::string(what) + " must not be empty");
    return text;
}

std::map<std::string, std::string> read_string_table(const Node& table, std::string_view what, bool allow_empty) {
    expect_object(table, "\"" + std::string(what) + "\"");
    std::map<std::string, std::string> out;
    for (auto& [name, value] : members_in_order(table))
        out[name] = read_string(value, "\"" + sanitize_utf8(name) + "\" in \"" + std::string(what) + "\"", allow_empty);
    return out;
}

double read_number(const Node& node, std::string_view what, double min, double max) {
    if (!node.json().is_number()) wrong_type(node, what, "a number");
    double value = node.json().get<double>();
    if (!std::isfinite(value) || value < min || value > max)
        fail_input(node.loc(), std::string(what) + " must be between " + format_number(min) + " and " +
                                   format_number(max) + ", not " + shown(node.json()));
    return value;
}

int read_integer(const Node& node, std::string_view what, int min, int max) {
    if (!node.json().is_number_integer())
        wrong_type(node, what, node.json().is_number() ? "a whole number" : "a number");
    // Compare as double: an unsigned 2^64-1 must not wrap to -1.
    double value = node.json().get<double>();
    if (value < min || value > max)
        fail_input(node.loc(), std::string(what) + " must be between " + std::to_string(min) + " and " +
                                   std::to_string(max) + ", not " + node.json().dump());
    return static_cast<int>(node.json().get<long long>());
}

bool read_bool(const Node& node, std::string_view what) {
    if (!node.json().is_boolean()) wrong_type(node, what, "true or false");
    return node.json().get<bool>();
}

namespace {

struct UnitInfo {
    Unit unit;
    unsigned mask;
    const char* name;
};
constexpr UnitInfo kUnitInfo[] = {
    {Unit::Millimetre, kMm, "mm"}, {Unit::Point, kPt, "pt"}, {Unit::Pixel, kPx, "px"},
    {Unit::Q, kQ, "Q"},            {Unit::H, kH, "H"},       {Unit::Em, kEm, "em"},
    {Unit::Percent, kPercent, "%"},
};

// The number part of a length: -?digits[.digits] or -?.digits; no
// exponent, no '+', no "inf" — the same rule as the schema's pattern.
bool plain_decimal(std::string_view text) {
    if (!text.empty() && text[0] == '-') text.remove_prefix(1);
    auto dot = text.find('.');
    std::string_view whole = text.substr(0, dot);
    std::string_view fraction = dot == std::string_view::npos ? std::string_view() : text.substr(dot + 1);
    auto digits = [](std::string_view s) {
        return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    if (!digits(whole) || !digits(fraction)) return false;
    if (dot == std::string_view::npos) return !whole.empty();
    return !fraction.empty();
}

std::string unit_list(unsigned units) {
    std::vector<std::string> names;
    for (const auto& u : kUnitInfo)
        if (units & u.mask) names.push_back(u.name);
    return join_alternatives(names);
}

}  // namespace

Length read_length(const Node& node, std::string_view what, unsigned units, Sign sign) {
    const json& value = node.json();
    if (value.is_number())
        fail_input(node.loc(), std::string(what) + " is a bare number (" + shown(value) +
                                   "); lengths need a unit, e.g. \"" + shown(value) + "mm\" (units: " +
                                   unit_list(units) + ")");
    if (!value.is_string()) wrong_type(node, what, "a length string such as \"10mm\"");
    std::string text = value.get<std::string>();
    std::string why;
    auto length = parse_length(text, &why);
    if (!length) fail_input(node.loc(), std::string(what) + ": " + sanitize_utf8(why));
    const UnitInfo* info = nullptr;
    for (const auto& u : kUnitInfo)
        if (u.unit == length->unit) info = &u;
    if (!plain_decimal(std::string_view(text).substr(0, text.size() - std::string_view(info->name).size())))
        fail_input(node.loc(), std::string(what) + ": '" + sanitize_utf8(text) +
                                   "' is not a length; write a decimal number and a unit, e.g. \"12.5mm\"");
    if (!(units & info->mask))
        fail_input(node.loc(), std::string(what) + ": the unit '" + info->name + "' cannot be used here; use " +
                                   unit_list(units));
    if (sign == Sign::Positive && !(length->value > 0))
        fail_input(node.loc(), std::string(what) + " must be greater than zero, not '" + text + "'");
    if (sign == Sign::NonNegative && length->value < 0)
        fail_input(node.loc(), std::string(what) + " must not be negative ('" + text + "')");
    return *length;
}

std::string join_alternatives(const std::vector<std::string>& words) {
    std::string out;
    for (size_t i = 0; i < words.size(); ++i) {
        if (i > 0) out += i + 1 == words.size() ? " or " : ", ";
        out += words[i];
    }
    return out;
}

size_t read_enum(const Node& node, std::string_view what, const std::vector<std::string>& words) {
    if (!node.json().is_string()) {
        std::vector<std::string> quoted;
        for (auto& w : words) quoted.push_back("\"" + w + "\"");
        wrong_type(node, what, join_alternatives(quoted));
    }
    std::string text = node.json().get<std::string>();
    auto it = std::find(words.begin(), words.end(), text);
    if (it != words.end()) return static_cast<size_t>(it - words.begin());
    fail_input(node.loc(), "unknown " + std::string(what) + " '" + sanitize_utf8(text) + "'; use " +
                               join_alternatives(words) + did_you_mean(text, words));
}

}  // namespace koho::model
