// Placeholder until the print command lands in this session.
#include "cli/commands.h"
#include "core/diagnostic.h"

namespace koho::cli {
void add_print_command(CLI::App& app) {
    auto* cmd = app.add_subcommand("print", "not built yet");
    cmd->callback([] { fail_system({}, "koho print is not built yet"); });
}
}  // namespace koho::cli
