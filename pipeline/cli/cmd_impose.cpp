// `koho impose IN.pdf --saddle-stitch -o OUT.pdf`: printer spreads for a
// saddle-stitched booklet from a finished print PDF (print/impose.h).
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "cli/commands.h"
#include "core/atomic_file.h"
#include "core/diagnostic.h"
#include "print/impose.h"

namespace koho::cli {
namespace {

struct ImposeArgs {
    std::string input;
    std::string output;
    bool saddle_stitch = false;
    std::string binding;  // empty: what the PDF declares, else left
    bool pad = false;
};

std::string read_input(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) fail_input({path}, "cannot open the PDF");
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (in.bad()) fail_input({path}, "cannot read the PDF");
    return bytes.str();
}

void run_impose(const ImposeArgs& args) {
    // Saddle stitching is the one imposition so far; naming it keeps the
    // command open to others (perfect binding, n-up) without a silent default.
    if (!args.saddle_stitch) fail_input({"--saddle-stitch"}, "name the imposition: --saddle-stitch");
    const std::string input = read_input(args.input);
    print::ImposeOptions options;
    if (args.binding.empty())
        options.binding = print::declared_binding(input, args.input).value_or(print::Binding::Left);
    else
        options.binding = args.binding == "right" ? print::Binding::Right : print::Binding::Left;
    options.pad_with_blanks = args.pad;
    const std::string bytes = print::impose_saddle_stitch(input, args.input, options);
    write_file_atomically(args.output, bytes);
}

}  // namespace

void add_impose_command(CLI::App& app) {
    auto args = std::make_shared<ImposeArgs>();
    auto* cmd = app.add_subcommand("impose", "Impose a print PDF as printer spreads (saddle stitch)");
    cmd->description(
        "Impose a finished print PDF (every page with a TrimBox, all one size) for a saddle-stitched\n"
        "booklet: each sheet side places two pages with their trims meeting at the spine, keeps the\n"
        "bleed on the outer edges, and has its own TrimBox, BleedBox and トンボ (the top and bottom\n"
        "centre marks are the fold). Sheet sides come in printing order: sheet 1 front, sheet 1\n"
        "back, …; 8 pages left-bound: 8|1, 2|7, 6|3, 4|5. Right-bound (縦組み) mirrors each side.\n");
    cmd->add_option("input", args->input, "The PDF to impose (e.g. from koho print)")
        ->required()
        ->type_name("IN.pdf");
    cmd->add_option("-o,--output", args->output, "Where to write the imposed PDF (replaced only when complete)")
        ->required()
        ->type_name("OUT.pdf");
    cmd->add_flag("--saddle-stitch", args->saddle_stitch, "Nested sheets folded once and stapled (中綴じ)");
    cmd->add_option("--binding", args->binding,
                    "Which edge the spine is on: left (横組み, 左綴じ) or right (縦組み, 右綴じ). "
                    "Default: right when the PDF's /ViewerPreferences /Direction is /R2L, else left")
        ->check(CLI::IsMember({"left", "right"}))
        ->type_name("BINDING");
    cmd->add_flag("--pad", args->pad,
                  "Fill up to a multiple of 4 pages with blanks before the last page (the back cover)");
    cmd->footer("Exit status: 0 written, 2 the PDF (or an option) is unsuitable, 1 any other failure.");
    cmd->callback([args] { run_impose(*args); });
}

}  // namespace koho::cli
