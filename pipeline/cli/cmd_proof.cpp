// `koho proof --contact-sheet -o SHEET.png|SHEET.pdf [INPUT...]`: every
// page and picture of a build on one sheet (pipeline/proof), for a last
// look before files go to the printer and the web. INPUTs are PDFs, PNGs,
// JPEGs or directories of them (default: output/).
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/font_dirs.h"
#include "core/atomic_file.h"
#include "core/diagnostic.h"
#include "proof/contact_sheet.h"
#include "proof/sheet_text.h"
#include "text/font_context.h"

namespace koho::cli {
namespace {

namespace fs = std::filesystem;

struct ProofArgs {
    bool contact_sheet = false;
    std::string output;
    std::vector<std::string> inputs;
    proof::SheetOptions sheet;
    std::string root = ".";
    std::vector<std::string> font_dirs;
};

void run_proof(const ProofArgs& args) {
    if (!args.contact_sheet)
        fail_input({"--contact-sheet"}, "say which proof to make: --contact-sheet (the only kind so far)");
    std::string ext = fs::path(args.output).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    if (ext != ".png" && ext != ".pdf") fail_input({args.output}, "the contact sheet is a .png or a .pdf file");
    AtomicFile out(args.output);  // an unwritable -o fails before the work
    const std::vector<std::string> inputs = args.inputs.empty() ? std::vector<std::string>{"output"} : args.inputs;
    // The sheet itself is never one of its own tiles (a second run into
    // the same directory).
    std::vector<proof::SheetItem> items;
    std::error_code ec;
    for (auto& item : proof::collect_sheet_items(inputs))
        if (!fs::equivalent(item.file, args.output, ec)) items.push_back(std::move(item));
    const proof::SheetText labels(text::FontContext::create(font_directories(args.root, args.font_dirs)),
                                  "Noto Sans CJK JP");
    out.write(ext == ".png" ? proof::contact_sheet_png(items, args.sheet, labels)
                            : proof::contact_sheet_pdf(items, args.sheet, labels));
    out.commit();
    std::cout << args.output << ": " << items.size() << " tiles\n";
}

}  // namespace

void add_proof_command(CLI::App& app) {
    auto args = std::make_shared<ProofArgs>();
    auto* cmd = app.add_subcommand("proof", "Proof sheets of a build: --contact-sheet (every page and picture on one sheet)");
    cmd->add_flag("--contact-sheet", args->contact_sheet,
                  "Every page of every PDF and every PNG/JPEG (video thumbnails too) as labelled tiles");
    cmd->add_option("-o,--output", args->output, "The sheet: .png (one image) or .pdf (A3 landscape pages)")
        ->required()
        ->type_name("SHEET");
    cmd->add_option("inputs", args->inputs, "PDFs, PNGs, JPEGs or directories of them (default: output/)")
        ->type_name("INPUT...");
    cmd->add_option("--columns", args->sheet.columns, "Tiles per row (1..50)")->default_val(6);
    cmd->add_option("--tile", args->sheet.tile_px, "PNG: a tile's width in pixels (32..2000)")->default_val(240);
    cmd->add_option("--title", args->sheet.title, "The sheet's heading")->default_str("koho contact sheet");
    cmd->add_option("--root", args->root, "Project root: its fonts/ sets the labels")->type_name("DIR")->default_str(".");
    cmd->add_option("--font-dir", args->font_dirs, "Another directory of fonts (repeatable)")->type_name("DIR");
    cmd->footer(
        "A directory stands for every PDF, PNG and JPEG under it, sorted by path; hidden files are left\n"
        "out. Tiles keep each page's trim-box shape. Exit status: 0 written, 2 an input is missing,\n"
        "unreadable or of another kind (name a video's .jpg thumbnail, not the MP4), 1 other failures.");
    cmd->callback([args] { run_proof(*args); });
}

}  // namespace koho::cli
