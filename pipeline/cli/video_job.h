// One `koho video` render — a timeline (or one data-merge record of it) to
// its output set: the MP4 and its sidecars, and the depfile — shared by the
// single-output command (cmd_video.cpp) and data merge (video_merge.cpp).
#pragma once

#include <memory>

#include "cli/render_args.h"
#include "model/json_source.h"
#include "text/font_context.h"

namespace koho::cli {

struct VideoArgs : RenderArgs {
    std::string timeline;
    std::string variant;
    std::string preset;
    std::string encoder_preset;
    int crf = -1;
    int threads = 0;
    bool quiet = false;
    bool list_variants = false;
    std::string segment;  // "K/N": one segment of a split render (video/segment.h)
};

// A video render's target is the shared one (render_args.h): OUT.mp4, its
// sidecars beside it.
using VideoTarget = RenderTarget;

// Whether `source` says "type": "video". Anything else is left to the
// timeline loader, whose message says what the file is instead.
bool is_video_timeline(const model::JsonSource& source);

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
