#include "model/json_source.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "core/dependency_log.h"

namespace koho::model {

using nlohmann::json;

std::string pointer_join(const std::string& parent, std::string_view token) {
    std::string out = parent;
    out += '/';
    for (char c : token) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
    return out;
}

std::string pointer_join(const std::string& parent, size_t index) {
    return parent + '/' + std::to_string(index);
}

std::string pointer_parent(const std::string& pointer) {
    auto slash = pointer.rfind('/');
    return slash == std::string::npos ? std::string() : pointer.substr(0, slash);
}

std::string sanitize_utf8(std::string_view text) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    size_t i = 0;
    while (i < text.size()) {
        auto byte = static_cast<unsigned char>(text[i]);
        size_t length = byte < 0x80 ? 1 : (byte >> 5) == 0x6 ? 2 : (byte >> 4) == 0xE ? 3 : (byte >> 3) == 0x1E ? 4 : 0;
        bool valid = length > 0 && i + length <= text.size();
        for (size_t k = 1; valid && k < length; ++k)
            valid = (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
        if (valid && length == 2) valid = byte >= 0xC2;  // no overlong forms
        if (valid) {
            out.append(text.substr(i, length));
            i += length;
        } else {
            out += "\\x";
            out += hex[byte >> 4];
            out += hex[byte & 15];
            ++i;
        }
    }
    return out;
}

// Builds the DOM and the position index from nlohmann's SAX events.
//
// Positions come from a shadow scanner: nlohmann has already checked the
// syntax of every token it reports, so a cursor that skips whitespace and
// separators before each event lands exactly on that event's token. This
// depends on nothing inside nlohmann's lexer.
class JsonSourceBuilder : public nlohmann::json_sax<json> {
public:
    JsonSourceBuilder(JsonSource& source, JsonParseLimits limits) : s_(source), limits_(limits) {
        cursor_ = s_.bom_;
    }

    bool null() override { return scalar(json(nullptr)); }
    bool boolean(bool value) override { return scalar(json(value)); }
    bool number_integer(number_integer_t value) override { return scalar(json(value)); }
    bool number_unsigned(number_unsigned_t value) override { return scalar(json(value)); }
    bool number_float(number_float_t value, const string_t&) override { return scalar(json(value)); }
    bool string(string_t& value) override { return scalar(json(std::move(value))); }
    bool binary(binary_t&) override { return scalar(json(nullptr)); }  // JSON text has none

    bool start_object(std::size_t) override { return open(json::object()); }
    bool start_array(std::size_t) override { return open(json::array()); }
    bool end_object() override { return close(); }
    bool end_array() override { return close(); }

    bool key(string_t& name) override {
        size_t at = token_start();
        skip_string();
        Level& level = stack_.back();
        std::string pointer = pointer_join(level.pointer, name);
        if (level.node->contains(name)) {
            auto [line, col] = s_.line_col(s_.key_offsets_.at(pointer));
            fail_at(at, "duplicate member '" + sanitize_utf8(name) + "' (first given at line " +
                            std::to_string(line) + ", column " + std::to_string(col) + ")",
                    pointer);
        }
        s_.key_offsets_[pointer] = at;
        level.key = name;
        return true;
    }

    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& error) override {
        // nlohmann: "[json.exception.parse_error.101] parse error at line 1, column 5: syntax error ..."
        // nlohmann, out of range: "[json.exception.out_of_range.406] number overflow parsing '1e999'"
        std::string what = error.what();
        std::string reason = what;
        size_t at = position > 0 ? position - 1 : 0;
        if (auto colon = what.find(": ", what.find("parse error")); what.find("parse error") != std::string::npos &&
                                                                      colon != std::string::npos) {
            reason = what.substr(colon + 2);
            // nlohmann reports where an unexpected token or a bad literal
            // ends; the user looks for where it starts (the token after the
            // last good one).
            if (reason.find(" - unexpected ") != std::string::npos ||
                reason.find(" - invalid literal") != std::string::npos)
                at = token_start();
        } else if (auto bracket = what.find("] "); bracket != std::string::npos) {
            reason = what.substr(bracket + 2);
            at = token_start();  // the number as a whole is at fault
        }
        at = std::min(at, s_.text_.size());
        if (reason.find("UTF-8") != std::string::npos) {
            // nlohmann stops on the byte that broke the sequence. When that
            // byte ends a sequence begun before it ("\xC3(") the sequence's
            // first byte is at fault; when the sequences before it are
            // whole ("千\xFF") the byte itself is.
            auto byte = [&](size_t i) { return static_cast<unsigned char>(s_.text_[i]); };
            size_t lead = at;
            while (lead > 0 && (byte(lead - 1) & 0xC0) == 0x80) --lead;
            if (lead > 0 && byte(lead - 1) >= 0xC0) {
                --lead;
                const size_t length = byte(lead) >= 0xF0 ? 4 : byte(lead) >= 0xE0 ? 3 : 2;
                if (at - lead < length) at = lead;
            }
        }
        fail_at(at, "invalid JSON: " + sanitize_utf8(reason), current_pointer_for_error());
    }

private:
    struct Level {
        json* node;
        std::string pointer;
        std::string key;    // pending member name (objects)
        size_t index = 0;   // next element index (arrays)
    };

    [[noreturn]] void fail_at(size_t offset, const std::string& message, const std::string& pointer) {
        auto [line, col] = s_.line_col(offset);
        fail_input(SourceLoc{s_.file_, line, col, pointer}, message);
    }

    std::string current_pointer_for_error() const {
        if (stack_.empty()) return "";
        const Level& level = stack_.back();
        if (level.node->is_object())
            return level.key.empty() ? level.pointer : pointer_join(level.pointer, level.key);
        return pointer_join(level.pointer, level.index);
    }

    size_t token_start() {
        const std::string& t = s_.text_;
        while (cursor_ < t.size()) {
            char c = t[cursor_];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == ':') ++cursor_;
            else break;
        }
        return cursor_;
    }

    void skip_string() {  // cursor on the opening quote
        const std::string& t = s_.text_;
        ++cursor_;
        while (cursor_ < t.size() && t[cursor_] != '"') cursor_ += t[cursor_] == '\\' ? 2 : 1;
        ++cursor_;
    }

    void skip_token() {
        const std::string& t = s_.text_;
        char c = t[cursor_];
        if (c == '"') return skip_string();
        if (c == 't' || c == 'n') { cursor_ += 4; return; }
        if (c == 'f') { cursor_ += 5; return; }
        while (cursor_ < t.size() && std::string_view("0123456789+-.eE").find(t[cursor_]) != std::string_view::npos)
            ++cursor_;
    }

    // Where the next value goes: its pointer, and the slot in the DOM.
    json* place(json value, std::string& pointer) {
        if (stack_.empty()) {
            pointer.clear();
            s_.root_ = std::move(value);
            return &s_.root_;
        }
        Level& level = stack_.back();
        if (level.node->is_object()) {
            pointer = pointer_join(level.pointer, level.key);
            json& slot = (*level.node)[level.key];
            slot = std::move(value);
            return &slot;
        }
        pointer = pointer_join(level.pointer, level.index++);
        level.node->push_back(std::move(value));
        return &level.node->back();
    }

    bool scalar(json value) {
        size_t at = token_start();
        skip_token();
        std::string pointer;
        place(std::move(value), pointer);
        s_.value_offsets_[pointer] = at;
        return true;
    }

    bool open(json container) {
        size_t at = token_start();
        ++cursor_;
        std::string pointer;
        if (stack_.size() + 1 > limits_.max_depth) {
            // The pointer would be hundreds of "/0" long: line and column say enough.
            fail_at(at, "nesting deeper than " + std::to_string(limits_.max_depth) + " levels", "");
        }
        json* node = place(std::move(container), pointer);
        s_.value_offsets_[pointer] = at;
        stack_.push_back(Level{node, pointer, {}, 0});
        return true;
    }

    bool close() {
        token_start();
        ++cursor_;
        stack_.pop_back();
        return true;
    }

    JsonSource& s_;
    JsonParseLimits limits_;
    size_t cursor_ = 0;
    std::vector<Level> stack_;
};

JsonSource JsonSource::parse(std::string text, std::string file, JsonParseLimits limits) {
    JsonSource source;
    source.text_ = std::move(text);
    source.file_ = std::move(file);
    if (source.text_.compare(0, 3, "\xEF\xBB\xBF") == 0) source.bom_ = 3;
    source.line_starts_.push_back(0);
    for (size_t i = 0; i < source.text_.size(); ++i)
        if (source.text_[i] == '\n') source.line_starts_.push_back(i + 1);

    JsonSourceBuilder builder(source, limits);
    // The builder throws koho::Error itself; a false return cannot happen.
    json::sax_parse(source.text_, &builder, json::input_format_t::json, true, false);
    return source;
}

JsonSource JsonSource::read_file(const std::filesystem::path& path, std::string display_name,
                                 JsonParseLimits limits) {
    if (display_name.empty()) display_name = path.string();
    std::ifstream in(path, std::ios::binary);
    if (!in) fail_input(SourceLoc{display_name}, "cannot open '" + path.string() + "': no such readable file");
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad()) fail_system(SourceLoc{display_name}, "cannot read '" + path.string() + "'");
    record_dependency(path);
    return parse(std::move(buffer).str(), std::move(display_name), limits);
}

std::pair<int, int> JsonSource::line_col(size_t offset) const {
    offset = std::min(offset, text_.size());
    auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    size_t line = static_cast<size_t>(it - line_starts_.begin());  // 1-based
    size_t start = std::max(line_starts_[line - 1], line == 1 ? bom_ : size_t{0});
    int col = 1;
    for (size_t i = start; i < offset; ++i)
        if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++col;
    return {static_cast<int>(line), col};
}

SourceLoc JsonSource::loc(const std::string& pointer) const {
    std::string probe = pointer;
    while (true) {
        auto it = value_offsets_.find(probe);
        if (it != value_offsets_.end()) {
            auto [line, col] = line_col(it->second);
            return SourceLoc{file_, line, col, pointer};
        }
        if (probe.empty()) return SourceLoc{file_, 0, 0, pointer};
        probe = pointer_parent(probe);
    }
}

SourceLoc JsonSource::key_loc(const std::string& pointer) const {
    auto it = key_offsets_.find(pointer);
    if (it == key_offsets_.end()) return loc(pointer);
    auto [line, col] = line_col(it->second);
    return SourceLoc{file_, line, col, pointer};
}

SourceLoc JsonSource::loc_in_string(const std::string& pointer, size_t byte_offset) const {
    auto it = value_offsets_.find(pointer);
    if (it == value_offsets_.end() || it->second >= text_.size() || text_[it->second] != '"')
        return loc(pointer);
    size_t raw = it->second + 1;
    size_t decoded = 0;
    while (raw < text_.size() && text_[raw] != '"' && decoded < byte_offset) {
        if (text_[raw] != '\\') {
            ++raw;
            ++decoded;
            continue;
        }
        if (raw + 1 < text_.size() && text_[raw + 1] == 'u') {
            unsigned code = std::stoul(text_.substr(raw + 2, 4), nullptr, 16);
            raw += 6;
            if (code >= 0xD800 && code <= 0xDBFF) {  // a surrogate pair is one 4-byte character
                raw += 6;
                decoded += 4;
            } else {
                decoded += code < 0x80 ? 1 : code < 0x800 ? 2 : 3;
            }
        } else {
            raw += 2;
            ++decoded;
        }
    }
    auto [line, col] = line_col(raw);
    return SourceLoc{file_, line, col, pointer};
}

}  // namespace koho::model
