// Inline markup in layout text (FORMAT.md): {base|ruby}, **strong**,
// 《《bouten》》, {{variable}}, "\n" between paragraphs, and koho's extension
// [[tcy]]: a run set across the column in vertical text (tate-chu-yoko), and
// [[name:text]]: `text` in character style `name` (no [[…]] inside).
//
// A backslash makes the next character literal ("\{" is a brace, "\\" a
// backslash). Markup never crosses a paragraph end. Variables from `vars`
// are replaced by their text (never re-read as markup); the late variables
// page, pages and section stay as spans for compose to fill in.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "model/document.h"
#include "model/json_source.h"

namespace koho::model {

inline const std::vector<std::string> kLateVariables = {"page", "pages", "section"};

struct MarkupContext {
    const std::map<std::string, std::string>* vars = nullptr;
    bool allow_late_variables = true;
    // "character_styles" for [[name:text]]; null: none defined.
    const std::map<std::string, CharStyle>* char_styles = nullptr;
};

// Splits `text` (the decoded string at `pointer` of `source`) into
// paragraphs of spans. Errors point at the offending character.
std::vector<std::vector<Span>> parse_markup(std::string_view text, const MarkupContext& context,
                                            const JsonSource& source, const std::string& pointer);

// The same for text that does not come from a layout (koho typeset --text):
// errors point at `origin` (e.g. {"<--text>"}) with the line and column of
// the character within `text`.
std::vector<std::vector<Span>> parse_markup(std::string_view text, const MarkupContext& context,
                                            const SourceLoc& origin);

// Replaces {{name}} from `vars` and refuses any other markup's late
// variables: for strings that are not typeset, such as QR data.
std::string substitute_variables(std::string_view text, const std::map<std::string, std::string>& vars,
                                 const JsonSource& source, const std::string& pointer);

}  // namespace koho::model
