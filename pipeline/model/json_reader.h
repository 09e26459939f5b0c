// Typed, located reading of a parsed JSON file: the semantic pass asks for
// "a length here" or "one of these words there", and every wrong value
// becomes one clear message at the exact pointer of the value at fault.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/units.h"
#include "model/json_source.h"

namespace koho::model {

// A value of the source with its pointer.
struct Node {
    const JsonSource* source = nullptr;
    const nlohmann::json* value = nullptr;
    std::string pointer;

    SourceLoc loc() const { return source->loc(pointer); }
    SourceLoc key_loc() const { return source->key_loc(pointer); }
    const nlohmann::json& json() const { return *value; }

    Node child(std::string_view key) const;  // member that must exist
    Node element(size_t index) const;
};

Node root_node(const JsonSource& source);

// "a string", "a number", "an object", ... for messages.
std::string json_type_name(const nlohmann::json& value);

// Unit sets for read_length.
enum UnitMask : unsigned {
    kMm = 1, kPt = 2, kPx = 4, kQ = 8, kH = 16, kEm = 32, kPercent = 64,
    kAbsoluteUnits = kMm | kPt | kPx | kQ | kH,
};

enum class Sign { Any, NonNegative, Positive };

void expect_object(const Node& node, std::string_view what);
void expect_array(const Node& node, std::string_view what);

// Members in the order they are written in the file (nlohmann keeps them
// sorted), so that the first fault reported is the first in the file.
std::vector<std::string> keys_in_order(const Node& object);
std::vector<std::pair<std::string, Node>> members_in_order(const Node& object);

// Every member must be one of `allowed`; the first that is not is an error
// at its name: "unknown key 'sise' in style 'body'; did you mean 'size'?".
void check_keys(const Node& object, const std::vector<std::string>& allowed, std::string_view where);

std::optional<Node> member(const Node& object, std::string_view key);
Node require(const Node& object, std::string_view key, std::string_view where);

std::string read_string(const Node& node, std::string_view what, bool allow_empty = false);
// An object of strings by name ("fonts", "vars"), its members read as
// read_string does; `what` is the table's key.
std::map<std::string, std::string> read_string_table(const Node& table, std::string_view what, bool allow_empty);
double read_number(const Node& node, std::string_view what, double min, double max);
int read_integer(const Node& node, std::string_view what, int min, int max);
bool read_bool(const Node& node, std::string_view what);

// A length string such as "12mm"; refuses bare numbers, units outside
// `units`, and values outside `sign`. `what` names the key in messages.
Length read_length(const Node& node, std::string_view what, unsigned units, Sign sign = Sign::Any);

// One of `words`; returns its index.
size_t read_enum(const Node& node, std::string_view what, const std::vector<std::string>& words);

// "start, center, end or justify"
std::string join_alternatives(const std::vector<std::string>& words);

}  // namespace koho::model
