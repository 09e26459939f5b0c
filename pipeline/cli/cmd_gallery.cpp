// `koho gallery [OUTPUT_DIR] [-o FILE]`: the proof gallery of a build, one
// self-contained HTML page (docs/gallery.md) — by default output/ into
// output/index.html.
#include <iostream>
#include <string>

#include "cli/commands.h"
#include "cli/gallery_build.h"

namespace koho::cli {

void add_gallery_command(CLI::App& app) {
    struct GalleryArgs {
        std::string output_dir = "output";
        std::string page;
        bool quiet = false;
    };
    auto args = std::make_shared<GalleryArgs>();
    CLI::App* cmd = app.add_subcommand("gallery", "Write the proof gallery (index.html) of an output folder");
    cmd->add_option("OUTPUT_DIR", args->output_dir, "The build's output folder (default: output)");
    cmd->add_option("-o,--output", args->page, "The page to write (default: OUTPUT_DIR/index.html)");
    cmd->add_flag("-q,--quiet", args->quiet, "Print nothing on success");
    cmd->callback([args] {
        const std::filesystem::path page =
            args->page.empty() ? std::filesystem::path(args->output_dir) / "index.html" : std::filesystem::path(args->page);
        write_gallery(args->output_dir, page);
        if (!args->quiet) std::cout << "wrote " << page.string() << "\n";
    });
}

}  // namespace koho::cli
