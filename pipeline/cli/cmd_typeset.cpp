// Placeholder until the typeset command lands in this session.
#include "cli/commands.h"
#include "core/diagnostic.h"

namespace koho::cli {
void add_typeset_command(CLI::App& app) {
    auto* cmd = app.add_subcommand("typeset", "not built yet");
    cmd->callback([] { fail_system({}, "koho typeset is not built yet"); });
}
}  // namespace koho::cli
