// What `koho print` (print_job.h) and `koho video` (video_job.h) take and
// write alike: one output (-o) or a data merge's folder of them
// (--output-dir, --records, --list-records), the depfile, the project root,
// its fonts and the limits — and a render's target, the output and what a
// data-merge record adds to it. The two commands' own options stay in
// their own headers.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "cli/limit_flags.h"
#include "text/font_context.h"

namespace koho::cli {

struct RenderArgs {
    std::string output;      // -o: one output
    std::string output_dir;  // --output-dir: data merge, one output per record
    std::string records;     // --records: a subset of them
    bool list_records = false;
    std::string root = ".";
    std::vector<std::string> font_dirs;
    std::string deps;  // --deps: the depfile (-o), or the folder of the records' depfiles (--output-dir)
    Limits limits;
};

// What one render writes and reads beyond the layout's or timeline's own
// files.
struct RenderTarget {
    std::filesystem::path output;                    // the PDF, pictures or MP4 (its sidecars go beside it)
    std::string deps;                                // the depfile, or empty
    std::map<std::string, std::string> record_vars;  // a data-merge record's variables
    std::filesystem::path data_file;                 // its data file (a dependency), or empty
};

// The fonts of --root's fonts/ and --font-dir: made once, shared by every
// record of a data merge.
std::shared_ptr<text::FontContext> project_fonts(const RenderArgs& args);

// --records and --list-records choose among a data merge's records: given
// without --output-dir they are an error (BadInput).
void refuse_records_without_merge(const RenderArgs& args);

}  // namespace koho::cli
