#include "model/csv_reader.h"

#include <cstdint>

namespace koho::model {
namespace {

// The offset of the first byte that does not belong to well-formed UTF-8
// (overlong forms, surrogates and code points past U+10FFFF included), or
// npos when the whole text is valid.
size_t csv_first_invalid_utf8(std::string_view text) {
    size_t i = 0;
    while (i < text.size()) {
        const auto b = static_cast<uint8_t>(text[i]);
        size_t length = 0;
        uint32_t cp = 0, min = 0;
        if (b < 0x80) {
            ++i;
            continue;
        } else if ((b & 0xE0) == 0xC0) {
            length = 2, cp = b & 0x1F, min = 0x80;
        } else if ((b & 0xF0) == 0xE0) {
            length = 3, cp = b & 0x0F, min = 0x800;
        } else if ((b & 0xF8) == 0xF0) {
            length = 4, cp = b & 0x07, min = 0x10000;
        } else {
            return i;
        }
        if (i + length > text.size()) return i;
        for (size_t k = 1; k < length; ++k) {
            const auto c = static_cast<uint8_t>(text[i + k]);
            if ((c & 0xC0) != 0x80) return i;
            cp = (cp << 6) | (c & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
        i += length;
    }
    return std::string_view::npos;
}

class CsvScanner {
public:
    CsvScanner(std::string_view text, const std::string& file) : text_(text), file_(file) {}

    std::vector<CsvRow> run() {
        if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = line_start_ = 3;
        const size_t bad = csv_first_invalid_utf8(text_);
        if (bad != std::string_view::npos) {
            locate_offset(bad);
            fail_at(bad, "the data file is not UTF-8 text (byte 0x" + hex(static_cast<uint8_t>(text_[bad])) +
                             "); save it as UTF-8 (in Excel: \"CSV UTF-8\")");
        }
        std::vector<CsvRow> rows;
        while (pos_ < text_.size()) {
            if (at_line_end()) {  // an empty line: no row
                skip_line_end();
                continue;
            }
            rows.push_back(row());
        }
        return rows;
    }

private:
    CsvRow row() {
        CsvRow row;
        row.line = line_;
        while (true) {
            row.fields.push_back(field());
            if (pos_ >= text_.size()) break;
            if (text_[pos_] == ',') {
                ++pos_;
                continue;
            }
            skip_line_end();  // field() stops only at a comma, a line end or the end
            break;
        }
        return row;
    }

    CsvField field() {
        CsvField field;
        field.line = line_;
        field.col = col_of(pos_);
        if (pos_ < text_.size() && text_[pos_] == '"') return quoted(std::move(field));
        while (pos_ < text_.size() && text_[pos_] != ',' && !at_line_end()) {
            if (text_[pos_] == '"')
                fail_at(pos_, "a quote inside an unquoted field; put the whole field in quotes and write "
                              "the quote twice (\"\")");
            if (text_[pos_] == '\r') fail_at(pos_, "a carriage return that does not end a line");
            field.text += text_[pos_++];
        }
        return field;
    }

    CsvField quoted(CsvField field) {
        const size_t open = pos_++;
        const int open_line = line_;
        const size_t open_line_start = line_start_;
        while (true) {
            if (pos_ >= text_.size()) {
                line_ = open_line;
                line_start_ = open_line_start;
                fail_at(open, "a quoted field is never closed (a '\"' is missing)");
            }
            const char c = text_[pos_];
            if (c == '"') {
                if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
                    field.text += '"';
                    pos_ += 2;
                    continue;
                }
                ++pos_;
                break;
            }
            if (at_line_end()) {
                field.text += '\n';
                skip_line_end();
                continue;
            }
            if (c == '\r') fail_at(pos_, "a carriage return that does not end a line");
            field.text += c;
            ++pos_;
        }
        if (pos_ < text_.size() && text_[pos_] != ',' && !at_line_end())
            fail_at(pos_, "after a closing quote comes a comma or the end of the line; a quote inside a "
                          "quoted field is written twice (\"\")");
        return field;
    }

    bool at_line_end() const {
        return text_[pos_] == '\n' || (text_[pos_] == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n');
    }
    void skip_line_end() {
        pos_ += text_[pos_] == '\r' ? 2 : 1;
        ++line_;
        line_start_ = pos_;
    }

    // Line and line start of an offset found before the scan reached it.
    void locate_offset(size_t offset) {
        for (size_t i = pos_; i < offset; ++i)
            if (text_[i] == '\n') {
                ++line_;
                line_start_ = i + 1;
            }
    }

    int col_of(size_t offset) const {
        int col = 1;
        for (size_t i = line_start_; i < offset; ++i)
            if ((static_cast<uint8_t>(text_[i]) & 0xC0) != 0x80) ++col;
        return col;
    }

    [[noreturn]] void fail_at(size_t offset, const std::string& message) const {
        fail_input({file_, line_, col_of(offset), ""}, message);
    }

    static std::string hex(uint8_t b) {
        const char* digits = "0123456789ABCDEF";
        return {digits[b >> 4], digits[b & 15]};
    }

    std::string_view text_;
    const std::string& file_;
    size_t pos_ = 0;
    int line_ = 1;
    size_t line_start_ = 0;
};

}  // namespace

std::vector<CsvRow> parse_csv(std::string_view text, const std::string& file) {
    return CsvScanner(text, file).run();
}

}  // namespace koho::model
