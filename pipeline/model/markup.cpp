#include "model/markup.h"

#include <algorithm>
#include <functional>

#include "model/suggest.h"

namespace koho::model {
namespace {

constexpr std::string_view kOpenBouten = "《《";
constexpr std::string_view kCloseBouten = "》》";

size_t char_length(std::string_view text, size_t at) {
    size_t end = at + 1;
    while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
    return end - at;
}

// Characters a reader sees as one: variation selectors (U+FE00–FE0F,
// U+E0100–E01EF) belong to the character before them.
size_t visible_characters(std::string_view text) {
    size_t count = 0;
    for (size_t i = 0; i < text.size(); i += char_length(text, i)) {
        std::string_view c = text.substr(i, char_length(text, i));
        bool selector = (c.size() == 3 && c.substr(0, 2) == "\xEF\xB8" &&
                         static_cast<unsigned char>(c[2]) <= 0x8F) ||
                        (c.size() == 4 && c.substr(0, 3) == "\xF3\xA0\x84") ||
                        (c.size() == 4 && c.substr(0, 3) == "\xF3\xA0\x85") ||
                        (c.size() == 4 && c.substr(0, 3) == "\xF3\xA0\x86") ||
                        (c.size() == 4 && c.substr(0, 3) == "\xF3\xA0\x87");
        if (!selector) ++count;
    }
    return count;
}

std::vector<std::string> variable_candidates(const std::map<std::string, std::string>* vars, bool late) {
    std::vector<std::string> names;
    if (vars)
        for (const auto& [name, _] : *vars) names.push_back(name);
    if (late) names.insert(names.end(), kLateVariables.begin(), kLateVariables.end());
    return names;
}

// Where the character at a byte offset of the markup text is in the input.
using Locate = std::function<SourceLoc(size_t offset)>;

class MarkupParser {
public:
    MarkupParser(std::string_view text, const MarkupContext& context, Locate locate)
        : text_(text), context_(context), locate_(std::move(locate)) {}

    std::vector<std::vector<Span>> run() {
        size_t i = 0;
        while (i < text_.size()) {
            std::string_view rest = text_.substr(i);
            if (rest[0] == '\\' && rest.size() > 1) {
                size_t n = char_length(text_, i + 1);
                buffer_.append(text_.substr(i + 1, n));
                i += 1 + n;
            } else if (rest.substr(0, 2) == "{{") {
                i = variable(i);
            } else if (rest[0] == '{') {
                if (tcy_) fail(i, "ruby cannot be inside a tate-chu-yoko run '[[…]]'");
                i = ruby(i);
            } else if (rest[0] == '}') {
                fail(i, "'}' without a matching '{'");
            } else if (rest.substr(0, 2) == "**") {
                flush();
                if (!strong_) strong_open_ = i;
                strong_ = !strong_;
                i += 2;
            } else if (rest.substr(0, kOpenBouten.size()) == kOpenBouten) {
                if (bouten_) fail(i, "'《《' inside emphasis dots that are already open");
                flush();
                bouten_ = true;
                bouten_open_ = i;
                i += kOpenBouten.size();
            } else if (rest.substr(0, kCloseBouten.size()) == kCloseBouten) {
                if (!bouten_) fail(i, "'》》' without a matching '《《'");
                flush();
                bouten_ = false;
                i += kCloseBouten.size();
            } else if (rest.substr(0, 2) == "[[") {
                if (tcy_) fail(i, "'[[' inside a tate-chu-yoko run that is already open");
                if (char_style_)
                    fail(i, "'[[' inside the character style run '[[" + char_style_->name +
                                ":…]]'; character style runs cannot hold another '[[…]]'");
                if (size_t name = char_style_prefix(rest.substr(2))) {
                    i = open_char_style(i, name);
                    continue;
                }
                flush();
                tcy_ = true;
                tcy_open_ = i;
                i += 2;
            } else if (rest.substr(0, 2) == "]]" && char_style_) {
                if (buffer_.empty() && current_.size() == char_style_spans_)
                    fail(char_style_open_, "empty character style run '[[" + char_style_->name + ":]]'");
                flush();
                char_style_ = nullptr;
                i += 2;
            } else if (rest.substr(0, 2) == "]]") {
                if (!tcy_) fail(i, "']]' without a matching '[['");
                if (buffer_.empty() && !tcy_content_) fail(tcy_open_, "empty tate-chu-yoko run '[[]]'");
                flush();
                tcy_ = false;
                tcy_content_ = false;
                i += 2;
            } else if (rest[0] == '\n') {
                end_paragraph(i);
                ++i;
            } else {
                size_t n = char_length(text_, i);
                buffer_.append(text_.substr(i, n));
                i += n;
            }
        }
        if (!text_.empty() && text_.back() == '\n') return paragraphs_;  // already ended
        end_paragraph(text_.size());
        return paragraphs_;
    }

private:
    [[noreturn]] void fail(size_t offset, const std::string& message) const {
        fail_input(locate_(offset), message);
    }

    void flush() {
        if (buffer_.empty()) return;
        Span span;
        span.text = std::move(buffer_);
        span.strong = strong_;
        span.bouten = bouten_;
        span.tcy = tcy_;
        span.char_style = char_style_;
        one_span_per_tcy_run();
        current_.push_back(std::move(span));
        buffer_.clear();
    }

    // A marked run is one unit with one look: markup that would split it
    // into several spans ('**', '《《', a late variable next to text) is refused.
    void one_span_per_tcy_run() {
        if (!tcy_) return;
        if (tcy_content_)
            fail(tcy_open_, "a tate-chu-yoko run '[[…]]' must have one look: '**', '《《' or a late variable "
                            "cannot split it (put them around the run)");
        tcy_content_ = true;
    }

    void end_paragraph(size_t at) {
        if (strong_) fail(strong_open_, "'**' (strong) is not closed before the end of the paragraph");
        if (bouten_) fail(bouten_open_, "'《《' (emphasis dots) is not closed before the end of the paragraph");
        if (tcy_) fail(tcy_open_, "'[[' (tate-chu-yoko) is not closed before the end of the paragraph");
        if (char_style_)
            fail(char_style_open_, "'[[" + char_style_->name +
                                       ":' (character style) is not closed before the end of the paragraph");
        flush();
        paragraphs_.push_back(std::move(current_));
        current_.clear();
    }

    // "name:" at the start of a [[…]] run: the length of the name and the
    // colon, or 0 when the run is tate-chu-yoko.
    static size_t char_style_prefix(std::string_view text) {
        auto letter = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; };
        if (text.empty() || !letter(text[0])) return 0;
        size_t n = 1;
        while (n < text.size() && (letter(text[n]) || (text[n] >= '0' && text[n] <= '9') || text[n] == '-')) ++n;
        return n < text.size() && text[n] == ':' ? n + 1 : 0;
    }

    size_t open_char_style(size_t open, size_t prefix) {
        std::string name(text_.substr(open + 2, prefix - 1));
        const auto* styles = context_.char_styles;
        auto found = styles ? styles->find(name) : std::map<std::string, CharStyle>::const_iterator();
        if (!styles || found == styles->end()) {
            std::vector<std::string> names;
            if (styles)
                for (const auto& [known, _] : *styles) names.push_back(known);
            fail(open + 2, "unknown character style '" + name + "'" +
                               (names.empty() ? " (\"character_styles\" defines none)" : did_you_mean(name, names)));
        }
        flush();
        char_style_ = &found->second;
        char_style_open_ = open;
        char_style_spans_ = current_.size();
        return open + 2 + prefix;
    }

    size_t variable(size_t open) {
        size_t close = text_.find("}}", open + 2);
        size_t newline = text_.find('\n', open);
        if (close == std::string_view::npos || (newline != std::string_view::npos && newline < close))
            fail(open, "'{{' without a matching '}}'");
        std::string name(text_.substr(open + 2, close - open - 2));
        if (name.empty()) fail(open, "empty variable name '{{}}'");
        bool late = std::find(kLateVariables.begin(), kLateVariables.end(), name) != kLateVariables.end();
        if (late) {
            if (!context_.allow_late_variables)
                fail(open, "{{" + name + "}} is known only when pages are composed and cannot be used here");
            flush();
            Span span;
            span.late_variable = name;
            span.strong = strong_;
            span.bouten = bouten_;
            span.tcy = tcy_;
            span.char_style = char_style_;
            one_span_per_tcy_run();
            current_.push_back(std::move(span));
            return close + 2;
        }
        auto found = context_.vars ? context_.vars->find(name) : std::map<std::string, std::string>::const_iterator();
        if (!context_.vars || found == context_.vars->end())
            fail(open, "unknown variable '{{" + sanitize_utf8(name) + "}}'" +
                           did_you_mean(name, variable_candidates(context_.vars, context_.allow_late_variables)) +
                           (context_.vars && !context_.vars->empty() ? "" : " (\"vars\" defines none)"));
        buffer_ += found->second;
        return close + 2;
    }

    size_t ruby(size_t open) {
        size_t bar = std::string_view::npos;
        size_t i = open + 1;
        for (; i < text_.size(); ++i) {
            char c = text_[i];
            if (c == '}') break;
            if (c == '\n') fail(open, "'{' (ruby) without a matching '}' before the end of the paragraph");
            if (c == '{') fail(i, "'{' inside ruby; ruby cannot be nested");
            if (c == '|') {
                if (bar != std::string_view::npos) fail(i, "a second '|' in ruby; write {base|reading}");
                bar = i;
            }
        }
        if (i >= text_.size()) fail(open, "'{' (ruby) without a matching '}'");
        if (bar == std::string_view::npos)
            fail(open, "ruby needs '|' between base and reading: {base|reading}; write \\{ for a literal brace");
        std::string_view base = text_.substr(open + 1, bar - open - 1);
        std::string_view reading = text_.substr(bar + 1, i - bar - 1);
        if (base.empty()) fail(open, "ruby with an empty base: {base|reading}");
        if (reading.empty()) fail(bar, "ruby with an empty reading: {base|reading}");
        flush();
        Span span;
        span.text = std::string(base);
        span.ruby = std::string(reading);
        span.mono_ruby = visible_characters(base) == 1;
        span.strong = strong_;
        span.bouten = bouten_;
        span.char_style = char_style_;
        current_.push_back(std::move(span));
        return i + 1;
    }

    std::string_view text_;
    const MarkupContext& context_;
    Locate locate_;

    std::vector<std::vector<Span>> paragraphs_;
    std::vector<Span> current_;
    std::string buffer_;
    bool strong_ = false, bouten_ = false, tcy_ = false;
    bool tcy_content_ = false;  // the open [[ run already has a span
    size_t strong_open_ = 0, bouten_open_ = 0, tcy_open_ = 0;
    const CharStyle* char_style_ = nullptr;  // inside [[name:…]]
    size_t char_style_open_ = 0, char_style_spans_ = 0;
};

}  // namespace

std::vector<std::vector<Span>> parse_markup(std::string_view text, const MarkupContext& context,
                                            const JsonSource& source, const std::string& pointer) {
    return MarkupParser(text, context, [&](size_t offset) { return source.loc_in_string(pointer, offset); }).run();
}

std::vector<std::vector<Span>> parse_markup(std::string_view text, const MarkupContext& context,
                                            const SourceLoc& origin) {
    // Line and column (in characters) within the text itself.
    auto locate = [&](size_t offset) {
        SourceLoc loc = origin;
        loc.line = 1;
        loc.col = 1;
        for (size_t i = 0; i < offset && i < text.size(); i += char_length(text, i)) {
            if (text[i] == '\n') {
                ++loc.line;
                loc.col = 1;
            } else {
                ++loc.col;
            }
        }
        return loc;
    };
    return MarkupParser(text, context, locate).run();
}

std::string substitute_variables(std::string_view text, const std::map<std::string, std::string>& vars,
                                 const JsonSource& source, const std::string& pointer) {
    std::string out;
    size_t i = 0;
    while (i < text.size()) {
        size_t open = text.find("{{", i);
        if (open == std::string_view::npos) break;
        out.append(text.substr(i, open - i));
        size_t close = text.find("}}", open + 2);
        if (close == std::string_view::npos)
            fail_input(source.loc_in_string(pointer, open), "'{{' without a matching '}}'");
        std::string name(text.substr(open + 2, close - open - 2));
        if (std::find(kLateVariables.begin(), kLateVariables.end(), name) != kLateVariables.end())
            fail_input(source.loc_in_string(pointer, open),
                       "{{" + name + "}} is known only when pages are composed and cannot be used here");
        auto found = vars.find(name);
        if (found == vars.end())
            fail_input(source.loc_in_string(pointer, open),
                       "unknown variable '{{" + sanitize_utf8(name) + "}}'" +
                           did_you_mean(name, variable_candidates(&vars, false)));
        out += found->second;
        i = close + 2;
    }
    out.append(text.substr(std::min(i, text.size())));
    return out;
}

}  // namespace koho::model
