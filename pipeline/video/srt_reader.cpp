// The SubRip reader of sidecars.h (`koho transcode --captions FILE.srt`).
// Strict where a mistake would show on screen (timings, order, overlaps,
// encoding), tolerant of what editors differ in (BOM, CRLF, "." before the
// milliseconds, extra blank lines). Every error is FILE:LINE:COL, columns
// counted in characters like the JSON reader's.
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>

#include "video/sidecars.h"

#include "core/limits.h"

namespace koho::video {

namespace {

struct SrtLine {
    std::string_view text;  // without the line ending
    int number = 0;         // 1-based
};

// Length of the UTF-8 sequence starting at `s[i]`, or 0 when it is not a
// valid one (stray continuation byte, overlong form, surrogate, > U+10FFFF).
size_t utf8_length(std::string_view s, size_t i) {
    auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
    unsigned char b = byte(i);
    size_t n;
    uint32_t cp;
    if (b < 0x80) return 1;
    if (b >= 0xC2 && b <= 0xDF) n = 2, cp = b & 0x1F;
    else if (b >= 0xE0 && b <= 0xEF) n = 3, cp = b & 0x0F;
    else if (b >= 0xF0 && b <= 0xF4) n = 4, cp = b & 0x07;
    else return 0;
    if (i + n > s.size()) return 0;
    for (size_t k = 1; k < n; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) return 0;
        cp = cp << 6 | (byte(i + k) & 0x3F);
    }
    if ((n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return n;
}

// 1-based column, in characters, of byte `offset` of a (valid UTF-8) line.
int column(std::string_view line, size_t offset) {
    int col = 1;
    for (size_t i = 0; i < offset && i < line.size(); ++i)
        if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++col;
    return col;
}

bool is_blank(std::string_view line) { return line.find_first_not_of(" \t") == std::string_view::npos; }

std::string ms_text(int64_t ms) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%02lld:%02lld:%02lld,%03lld", static_cast<long long>(ms / 3600000),
                  static_cast<long long>(ms / 60000 % 60), static_cast<long long>(ms / 1000 % 60),
                  static_cast<long long>(ms % 1000));
    return buf;
}

class SrtParser {
public:
    SrtParser(std::string_view text, std::string display_name, uint64_t max_chars)
        : text_(text), file_(std::move(display_name)), max_chars_(max_chars) {}

    std::vector<model::Caption> parse() {
        check_utf8();
        split_lines();
        std::vector<model::Caption> captions;
        int64_t prev_end_ms = -1;
        std::string prev_number;
        size_t i = 0;
        while (i < lines_.size()) {
            if (is_blank(lines_[i].text)) {
                ++i;
                continue;
            }
            // The cue number.
            const SrtLine& number_line = lines_[i];
            std::string_view number = trim(number_line.text);
            if (number.find_first_not_of("0123456789") != std::string_view::npos) {
                if (number.find("-->") != std::string_view::npos)
                    fail(number_line, 0, "a cue starts with its number (a line of digits) before the timing");
                fail(number_line, 0, "expected a cue number (a line of digits), found \"" + std::string(number) + "\"");
            }
            ++i;
            // The timing.
            if (i >= lines_.size() || is_blank(lines_[i].text))
                fail(i < lines_.size() ? lines_[i] : number_line, i < lines_.size() ? 0 : number_line.text.size(),
                     "cue " + std::string(number) + " has no timing line (\"HH:MM:SS,mmm --> HH:MM:SS,mmm\")");
            const SrtLine& timing = lines_[i];
            size_t start_at = 0, end_at = 0;
            auto [start_ms, end_ms] = parse_timing(timing, &start_at, &end_at);
            if (end_ms <= start_ms)
                fail(timing, end_at, "cue " + std::string(number) + " ends at " + ms_text(end_ms) +
                                         ", not after its start " + ms_text(start_ms));
            if (start_ms < prev_end_ms)
                fail(timing, start_at, "cue " + std::string(number) + " starts at " + ms_text(start_ms) +
                                           ", before cue " + prev_number + " ends (" + ms_text(prev_end_ms) +
                                           "): cues must be in order and must not overlap");
            ++i;
            // The text: every line up to a blank one.
            std::string caption_text;
            while (i < lines_.size() && !is_blank(lines_[i].text)) {
                if (!caption_text.empty()) caption_text += '\n';
                caption_text += lines_[i].text;
                ++i;
            }
            if (caption_text.empty())
                fail(timing, timing.text.size(), "cue " + std::string(number) + " has no text");
            // Each cue is set like a story (Limits::max_text_chars).
            uint64_t chars = 0;
            for (unsigned char byte : caption_text) chars += (byte & 0xC0) != 0x80;
            if (chars > max_chars_)
                fail(lines_[i - 1], 0, "cue " + std::string(number) + " is " + std::to_string(chars) +
                                         " characters long" +
                                         over_limit(std::to_string(max_chars_) + " characters", limit_flags::kTextChars));

            model::Caption caption;
            caption.start_s = static_cast<double>(start_ms) / 1000;
            caption.end_s = static_cast<double>(end_ms) / 1000;
            caption.text = std::move(caption_text);
            caption.page = 0;
            caption.loc = {file_, number_line.number, 1, ""};
            captions.push_back(std::move(caption));
            prev_end_ms = end_ms;
            prev_number = std::string(number);
        }
        if (captions.empty()) fail_input({file_, 0, 0, ""}, "the caption file has no cues");
        return captions;
    }

private:
    std::string_view text_;
    std::string file_;
    uint64_t max_chars_;
    std::vector<SrtLine> lines_;

    [[noreturn]] void fail(const SrtLine& line, size_t offset, const std::string& message) const {
        fail_input({file_, line.number, column(line.text, offset), ""}, message);
    }

    static std::string_view trim(std::string_view s) {
        size_t a = s.find_first_not_of(" \t");
        if (a == std::string_view::npos) return {};
        size_t b = s.find_last_not_of(" \t");
        return s.substr(a, b - a + 1);
    }

    void check_utf8() const {
        int line = 1;
        size_t line_start = 0;
        for (size_t i = 0; i < text_.size();) {
            size_t n = utf8_length(text_, i);
            if (n == 0) {
                char hex[8];
                std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(text_[i]));
                fail_input({file_, line, column(text_.substr(line_start), i - line_start), ""},
                           std::string("not UTF-8 (byte ") + hex +
                               "): save the captions as UTF-8 (Shift_JIS is not read)");
            }
            if (text_[i] == '\n') ++line, line_start = i + 1;
            i += n;
        }
    }

    void split_lines() {
        std::string_view rest = text_;
        if (rest.substr(0, 3) == "\xEF\xBB\xBF") rest.remove_prefix(3);
        int number = 1;
        while (!rest.empty()) {
            size_t nl = rest.find('\n');
            std::string_view line = rest.substr(0, nl);
            if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
            lines_.push_back({line, number++});
            if (nl == std::string_view::npos) break;
            rest.remove_prefix(nl + 1);
        }
    }

    // "HH:MM:SS,mmm" at `pos` (hours of any length; "." accepted for ",").
    int64_t parse_time(const SrtLine& line, size_t& pos) const {
        std::string_view s = line.text;
        size_t begin = pos;
        auto digits = [&](size_t min_count, size_t max_count, const char* what) -> int64_t {
            size_t from = pos;
            int64_t value = 0;
            while (pos < s.size() && pos - from < max_count && s[pos] >= '0' && s[pos] <= '9')
                value = value * 10 + (s[pos++] - '0');
            if (pos - from < min_count)
                fail(line, pos, std::string("bad cue time: expected ") + what + " in \"HH:MM:SS,mmm\"");
            return value;
        };
        auto expect = [&](std::string_view chars, const char* what) {
            if (pos >= s.size() || chars.find(s[pos]) == std::string_view::npos)
                fail(line, pos, std::string("bad cue time: expected ") + what + " in \"HH:MM:SS,mmm\"");
            ++pos;
        };
        int64_t h = digits(1, 4, "hours");
        expect(":", "\":\" after the hours");
        int64_t m = digits(2, 2, "two digits of minutes");
        expect(":", "\":\" after the minutes");
        int64_t sec = digits(2, 2, "two digits of seconds");
        expect(",.", "\",\" before the milliseconds");
        int64_t ms = digits(3, 3, "three digits of milliseconds");
        if (m > 59 || sec > 59) fail(line, begin, "bad cue time: minutes and seconds run 00 to 59");
        return ((h * 60 + m) * 60 + sec) * 1000 + ms;
    }

    std::pair<int64_t, int64_t> parse_timing(const SrtLine& line, size_t* start_at, size_t* end_at) const {
        std::string_view s = line.text;
        size_t pos = s.find_first_not_of(" \t");
        *start_at = pos;
        int64_t start = parse_time(line, pos);
        while (pos < s.size() && (s[pos] == ' ' || s[pos] == '\t')) ++pos;
        if (s.substr(pos, 3) != "-->") fail(line, pos, "bad cue timing: expected \" --> \" between the times");
        pos += 3;
        while (pos < s.size() && (s[pos] == ' ' || s[pos] == '\t')) ++pos;
        *end_at = pos;
        int64_t end = parse_time(line, pos);
        size_t extra = s.find_first_not_of(" \t", pos);
        if (extra != std::string_view::npos) fail(line, extra, "bad cue timing: unexpected text after the end time");
        return {start, end};
    }
};

}  // namespace

std::vector<model::Caption> read_srt(const std::filesystem::path& path, const std::string& display_name,
                                     uint64_t max_text_chars) {
    std::ifstream in(path, std::ios::binary);
    if (!in) fail_input({display_name, 0, 0, ""}, "cannot open the caption file");
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) fail_system({display_name, 0, 0, ""}, "cannot read the caption file");
    return SrtParser(bytes, display_name, max_text_chars).parse();
}

}  // namespace koho::video
