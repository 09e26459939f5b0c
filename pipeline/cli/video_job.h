// One `koho video` render — a timeline (or one data-merge record of it) to
// its output set: the MP4 and its sidecars, and the depfile — shared by the
// single-output command (cmd_video.cpp) and data merge (video_merge.cpp).
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "cli/limit_flags.h"
#include "model/json_source.h"
#include "text/font_context.h"

namespace koho::cli {

struct VideoArgs {
    std::string timeline;
    std::string output;      // -o: one MP4
    std::string output_dir;  // --output-dir: data merge, one MP4 per record
    std::string records;     // --records: a subset of them
    bool list_records = false;
    std::string variant;
    std::string preset;
    std::string encoder_preset;
    int crf = -1;
    int threads = 0;
    std::string root = ".";
    std::vector<std::string> font_dirs;
    bool quiet = false;
    bool list_variants = false;
    std::string deps;
    std::string segment;  // "K/N": one segment of a split render (video/segment.h)
    Limits limits;
};

// What one render writes and reads beyond the timeline's own files.
struct VideoTarget {
    std::filesystem::path output;                    // OUT.mp4; the sidecars go beside it
    std::string deps;                                // the depfile, or empty
    std::map<std::string, std::string> record_vars;  // a data-merge record's variables
    std::filesystem::path data_file;                 // its data file (a dependency), or empty
};

// Whether `source` says "type": "video". Anything else is left to the
// timeline loader, whose message says what the file is instead.
bool is_video_timeline(const model::JsonSource& source);

// The fonts of --root's fonts/ and --font-dir.
std::shared_ptr<text::FontContext> video_fonts(const VideoArgs& args);

// Loads the timeline (args.variant) with the target's variables, renders it
// and writes the MP4, sidecars and depfile as one set. Throws koho::Error;
// nothing of this target is written when it does.
void render_video_target(const VideoArgs& args, const std::shared_ptr<text::FontContext>& fonts,
                         const VideoTarget& target);

// Data merge (video_merge.cpp): every record, or args.records, of a
// timeline with "data" and "output.name", into args.output_dir.
void run_video_merge(const VideoArgs& args);

// `--list-variants` of a timeline that merges data: its variants, read with
// its first good record's variables (its text names fields).
void list_merge_variants(const VideoArgs& args);

}  // namespace koho::cli
