// Styles with `based_on` applied: every key of docs/layout-keys.md resolved
// to its final value.
//
// Inheritance works on the values as written: a derived style takes the
// keys of its base that it does not set itself, and lengths in em are then
// measured against the derived style's own size (a base's "leading":
// "1.75em" stays proportional in every style built on it). A `size` in em
// or % is relative to the base style's size (10pt when there is no base).
// `strong` is merged key by key.
#pragma once

#include <map>
#include <string>

#include "model/document.h"
#include "model/json_reader.h"

namespace koho::model {

// The family a style uses when no style in its chain names a font.
inline constexpr const char* kDefaultFontFamily = "Noto Sans CJK JP";
inline constexpr double kDefaultSizePt = 10;

std::map<std::string, Style> resolve_styles(const Node& styles, const std::map<std::string, std::string>& fonts,
                                            const std::map<std::string, Color>& colors);

// "character_styles": name → CharStyle (no based_on). Lengths in em are of
// the character style's own `size`; without one, `tracking` may still be in
// em (kept as em) but other lengths must be absolute.
std::map<std::string, CharStyle> read_char_styles(const Node& styles, const std::map<std::string, std::string>& fonts,
                                                  const std::map<std::string, Color>& colors);

}  // namespace koho::model
