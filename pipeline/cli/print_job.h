// One `koho print` render — a layout (or one data-merge record of it) to
// its output set: the PDF, or PNG/JPEG pages, with proofs and depfile —
// shared by the single-output command (cmd_print.cpp) and data merge
// (print_merge.cpp).
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "cli/limit_flags.h"
#include "cli/print_color.h"
#include "model/json_source.h"
#include "text/font_context.h"

namespace koho::cli {

struct PrintArgs {
    std::string layout;
    std::string output;      // -o: one output
    std::string output_dir;  // --output-dir: data merge, one output per record
    std::string records;     // --records: a subset of them
    bool list_records = false;
    std::string proof_dir;
    double dpi = 150;
    std::string root = ".";
    std::vector<std::string> font_dirs;
    bool timings = false;
    ColorArgs color;
    bool no_preflight = false;
    bool web = false;
    bool spreads = false;
    std::string deps;
    Limits limits;
};

// What one render writes and reads beyond the layout's own files.
struct PrintTarget {
    std::filesystem::path output;  // .pdf, or .png/.jpg/.jpeg: the pages as pictures
    std::string proof_stem;        // proofs are <proof_stem>-p<N>.png
    std::string deps;              // the depfile, or empty
    std::map<std::string, std::string> record_vars;  // a data-merge record's variables
    std::filesystem::path data_file;                 // its data file (a dependency), or empty
};

// Pixels per inch of a PNG or JPEG output: CSS's, so that a page of
// 1200px × 628px is a picture of 1200 × 628 pixels.
constexpr double kRasterOutputDpi = 96;

// Whether `output` names a picture (PNG or JPEG) rather than a PDF.
bool is_raster_output(const std::filesystem::path& output);

// The fonts of --root's fonts/ and --font-dir: made once, shared by every
// record of a data merge.
std::shared_ptr<text::FontContext> text_fonts(const PrintArgs& args);

// Loads the layout with the target's variables, composes it and writes the
// target's output set atomically. `parsed`: args.layout already parsed
// (data merge; then the layout and target.data_file are recorded as
// dependencies by hand), or null to read it here; `fonts` null: made
// after the layout is read. Throws koho::Error;
// nothing of this target is written when it does.
void render_print_target(const PrintArgs& args, const model::JsonSource* parsed,
                         const std::shared_ptr<text::FontContext>& fonts, const PrintTarget& target);

// Data merge (print_merge.cpp): every record, or args.records, of a layout
// with "data" and "output", into args.output_dir.
void run_print_merge(const PrintArgs& args);

}  // namespace koho::cli
