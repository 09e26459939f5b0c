// One `koho print` render — a layout (or one data-merge record of it) to
// its output set: the PDF, or PNG/JPEG pages, with proofs and depfile —
// shared by the single-output command (cmd_print.cpp) and data merge
// (print_merge.cpp).
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "cli/print_color.h"
#include "cli/render_args.h"
#include "model/json_source.h"
#include "text/font_context.h"

namespace koho::cli {

struct PrintArgs : RenderArgs {
    std::string layout;
    std::string proof_dir;
    double dpi = 150;
    bool timings = false;
    ColorArgs color;
    bool no_preflight = false;
    bool web = false;
    bool spreads = false;
};

// A print render's target: the shared one (render_args.h), whose output is
// a .pdf, or .png/.jpg/.jpeg — the pages as pictures — and its proofs' names.
struct PrintTarget : RenderTarget {
    std::string proof_stem;  // proofs are <proof_stem>-p<N>.png
    // koho check: load, compose, make the PDF in memory and preflight it,
    // exactly as a render would, then write nothing (no output, proofs or
    // depfile).
    bool check_only = false;
};

// Pixels per inch of a PNG or JPEG output: CSS's, so that a page of
// 1200px × 628px is a picture of 1200 × 628 pixels.
constexpr double kRasterOutputDpi = 96;

// Whether `output` names a picture (PNG or JPEG) rather than a PDF.
bool is_raster_output(const std::filesystem::path& output);

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
