// A JSON file parsed once, with the source position of every value.
//
// nlohmann_json reports positions only for syntax errors, yet every koho
// error must name the line and column of the value at fault, also errors
// found long after parsing. JsonSource parses through nlohmann's SAX
// interface and records, for every value, its RFC 6901 JSON pointer and the
// byte offset of its first character (and, for object members, of the
// member's name). Layouts and timelines both read their files through it.
//
// Positions are 1-based. Columns count Unicode characters (code points),
// not bytes, so that a column in a line of Japanese text matches what an
// editor shows; a tab counts as one character; a UTF-8 byte-order mark at
// the start of the file is skipped.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "core/diagnostic.h"

namespace koho::model {

struct JsonParseLimits {
    // Objects and arrays nested deeper than this are refused with a located
    // error: no honest layout nests past a dozen levels, and a bound keeps
    // every later recursive walk (schema validation included) safe.
    size_t max_depth = 512;
};

class JsonSource {
public:
    // Parses `text`; `file` is the name used in messages. Syntax errors,
    // invalid UTF-8, duplicate member names and excessive nesting throw
    // koho::Error (BadInput) located at the offending character.
    static JsonSource parse(std::string text, std::string file, JsonParseLimits limits = {});

    // Reads and parses a file; `display_name` names it in messages
    // (defaults to the path as given).
    static JsonSource read_file(const std::filesystem::path& path, std::string display_name = {},
                                JsonParseLimits limits = {});

    const nlohmann::json& root() const { return root_; }
    const std::string& file() const { return file_; }

    // Where the value at `pointer` starts. An unknown pointer (e.g. a member
    // that is missing) falls back to its nearest recorded ancestor, keeping
    // `pointer` itself in the result.
    SourceLoc loc(const std::string& pointer) const;

    // Where the name of the member at `pointer` starts (the opening quote of
    // the key); falls back to loc() for array elements and the root.
    SourceLoc key_loc(const std::string& pointer) const;

    // Where the character at `byte_offset` of the decoded string value at
    // `pointer` is written in the file, escapes taken into account. For
    // errors inside inline markup. Falls back to loc(pointer).
    SourceLoc loc_in_string(const std::string& pointer, size_t byte_offset) const;

    // Line and column (1-based, columns in characters) of a byte offset.
    std::pair<int, int> line_col(size_t offset) const;

    bool has(const std::string& pointer) const { return value_offsets_.count(pointer) > 0; }

private:
    friend class JsonSourceBuilder;

    std::string text_;
    std::string file_;
    nlohmann::json root_;
    size_t bom_ = 0;                                  // bytes of a leading BOM
    std::vector<size_t> line_starts_;                 // byte offset of each line
    std::unordered_map<std::string, size_t> value_offsets_;
    std::unordered_map<std::string, size_t> key_offsets_;
};

// Appends one reference token to a JSON pointer, escaping '~' and '/'.
std::string pointer_join(const std::string& parent, std::string_view token);
std::string pointer_join(const std::string& parent, size_t index);

// The parent of a pointer ("/a/b" → "/a", "/a" → "").
std::string pointer_parent(const std::string& pointer);

// Replaces bytes that are not valid UTF-8 by "\xNN" so that a message
// quoting user input is itself valid text.
std::string sanitize_utf8(std::string_view text);

}  // namespace koho::model
