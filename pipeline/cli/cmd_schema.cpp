// `koho schema [layout|timeline] [-o FILE]`: the JSON Schema compiled into
// this koho, byte for byte as layouts/schema/*.json was at build time — for
// editors and CI that validate layouts without koho's source tree.
#include <iostream>
#include <memory>
#include <string>

#include "cli/commands.h"
#include "core/atomic_file.h"
#include "model/layout_schema.h"
#include "model/timeline_schema.h"

namespace koho::cli {
namespace {

struct SchemaArgs {
    std::string which = "layout";
    std::string output;
};

void run_schema(const SchemaArgs& args) {
    const std::string_view text =
        args.which == "timeline" ? model::timeline_schema_text() : model::layout_schema_text();
    if (args.output.empty()) {
        std::cout << text;
        std::cout.flush();
        return;
    }
    write_file_atomically(args.output, std::string(text));
}

}  // namespace

void add_schema_command(CLI::App& app) {
    auto args = std::make_shared<SchemaArgs>();
    auto* cmd = app.add_subcommand("schema", "Print the JSON Schema of layouts (or of timelines) koho validates against");
    cmd->add_option("which", args->which, "layout (the default) or timeline")
        ->check(CLI::IsMember({"layout", "timeline"}))
        ->type_name("layout|timeline");
    cmd->add_option("-o,--output", args->output, "Write it to FILE instead of stdout")->type_name("FILE");
    cmd->callback([args]() { run_schema(*args); });
}

}  // namespace koho::cli
