// Sidecar files (sidecars.h): SubRip and WebVTT captions, the chapter list
// video sites read from a description, and the SubRip reader for
// `koho transcode --captions`.
#include "video/sidecars.h"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <string_view>

#include "core/units.h"

namespace koho::video {

namespace {

// Milliseconds, rounded to the nearest, never negative.
int64_t to_ms(double seconds) {
    if (!(seconds > 0)) return 0;
    return std::llround(seconds * 1000);
}

// "HH:MM:SS" + separator + "mmm"; hours take more digits past 99.
std::string cue_time(double seconds, char separator) {
    int64_t ms = to_ms(seconds);
    char buf[48];
    std::snprintf(buf, sizeof buf, "%02lld:%02lld:%02lld%c%03lld", static_cast<long long>(ms / 3600000),
                  static_cast<long long>(ms / 60000 % 60), static_cast<long long>(ms / 1000 % 60), separator,
                  static_cast<long long>(ms % 1000));
    return buf;
}

// The caption's lines, without blank ones (a blank line ends a cue in both
// formats) and without carriage returns. Nothing visible is dropped.
std::vector<std::string_view> cue_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    size_t pos = 0;
    while (pos <= text.size()) {
        size_t nl = text.find('\n', pos);
        if (nl == std::string_view::npos) nl = text.size();
        std::string_view line = text.substr(pos, nl - pos);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.find_first_not_of(" \t") != std::string_view::npos) lines.push_back(line);
        pos = nl + 1;
    }
    return lines;
}

// WebVTT cue text treats & and < as markup: escape them (and > so that
// "-->" never appears in a cue).
std::string vtt_escape(std::string_view line) {
    std::string out;
    for (char c : line) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        default: out += c;
        }
    }
    return out;
}

// "0:05", "12:34", "1:02:03": rounded to the nearest second (the form has
// no fractions); minutes unpadded under an hour, hours unpadded after.
std::string chapter_time(double seconds) {
    int64_t s = seconds > 0 ? std::llround(seconds) : 0;
    char buf[48];
    if (s < 3600)
        std::snprintf(buf, sizeof buf, "%lld:%02lld", static_cast<long long>(s / 60),
                      static_cast<long long>(s % 60));
    else
        std::snprintf(buf, sizeof buf, "%lld:%02lld:%02lld", static_cast<long long>(s / 3600),
                      static_cast<long long>(s / 60 % 60), static_cast<long long>(s % 60));
    return buf;
}

}  // namespace

std::string srt_text(const std::vector<model::Caption>& captions) {
    std::string out;
    int number = 1;
    for (const model::Caption& c : captions) {
        out += std::to_string(number++);
        out += '\n';
        out += cue_time(c.start_s, ',') + " --> " + cue_time(c.end_s, ',') + '\n';
        for (std::string_view line : cue_lines(c.text)) {
            out += line;
            out += '\n';
        }
        out += '\n';
    }
    return out;
}

std::string vtt_text(const std::vector<model::Caption>& captions) {
    std::string out = "WEBVTT\n\n";
    for (const model::Caption& c : captions) {
        out += cue_time(c.start_s, '.') + " --> " + cue_time(c.end_s, '.') + '\n';
        for (std::string_view line : cue_lines(c.text)) {
            out += vtt_escape(line);
            out += '\n';
        }
        out += '\n';
    }
    return out;
}

std::string chapters_text(const std::vector<model::Chapter>& chapters) {
    std::string out;
    for (const model::Chapter& ch : chapters) {
        out += chapter_time(ch.start_s);
        out += ' ';
        // One line per chapter: a line break in a title becomes a space.
        for (char c : ch.title) out += (c == '\n' || c == '\r') ? ' ' : c;
        out += '\n';
    }
    return out;
}

std::vector<ChapterWarning> check_chapters(const std::vector<model::Chapter>& chapters, double duration_s) {
    std::vector<ChapterWarning> warnings;
    if (chapters.empty()) return warnings;
    if (chapters.size() < 3) {
        warnings.push_back({chapters.front().loc,
                            "only " + std::to_string(chapters.size()) + " chapter" +
                                (chapters.size() == 1 ? "" : "s") +
                                ": video sites show chapters only when there are at least 3"});
    }
    for (size_t i = 0; i < chapters.size(); ++i) {
        const model::Chapter& ch = chapters[i];
        double end = i + 1 < chapters.size() ? chapters[i + 1].start_s : duration_s;
        double length = end - ch.start_s;
        if (length < 10 - 1e-9) {
            warnings.push_back({ch.loc, "chapter \"" + ch.title + "\" at " + chapter_time(ch.start_s) + " is " +
                                            format_number(length, 3) +
                                            " s long: video sites need at least 10 s per chapter"});
        }
    }
    return warnings;
}

}  // namespace koho::video
