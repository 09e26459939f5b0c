// Files that travel with a video: captions as SubRip (.srt) and WebVTT
// (.vtt), chapters in the plain form video sites read from a description
// ("0:00 はじめに"), and the SubRip reader `koho transcode --captions` uses.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/limits.h"
#include "model/timeline.h"

namespace koho::video {

// "00:00:01,500 --> 00:00:03,000" blocks numbered from 1, CRLF-free UTF-8.
std::string srt_text(const std::vector<model::Caption>& captions);
// "WEBVTT" header, "00:00:01.500 --> 00:00:03.000" cues.
std::string vtt_text(const std::vector<model::Caption>& captions);
// One line per chapter: "0:00 はじめに", "1:05 仕事の内容", "1:02:03 …".
std::string chapters_text(const std::vector<model::Chapter>& chapters);

// Warnings video sites would give: fewer than 3 chapters, a chapter shorter
// than 10 s (the last one runs to `duration_s`). Each a located message.
struct ChapterWarning {
    SourceLoc loc;
    std::string message;
};
std::vector<ChapterWarning> check_chapters(const std::vector<model::Chapter>& chapters, double duration_s);

// Parses a SubRip file (UTF-8, BOM and CRLF allowed). Bad timings or
// overlapping cues are errors (BadInput) at FILE:LINE. Captions get
// page = 0 and their loc in the .srt file. A cue longer than
// `max_text_chars` characters is refused (Limits::max_text_chars).
std::vector<model::Caption> read_srt(const std::filesystem::path& path, const std::string& display_name,
                                     uint64_t max_text_chars = Limits{}.max_text_chars);

}  // namespace koho::video
