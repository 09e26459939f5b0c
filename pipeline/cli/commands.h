// Each subcommand lives in its own cmd_<name>.cpp and adds itself to the
// application here. A subcommand's callback throws koho::Error for failures;
// main() turns that into one message and the exit code.
#pragma once

#include <CLI/CLI.hpp>

namespace koho::cli {

// Exit codes (README "Exit codes"): 0 ok, 1 failure, 2 bad input.
constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;
constexpr int kExitBadInput = 2;

// Thrown by a subcommand whose exit status carries an answer rather than a
// failure (koho diff: 1 = the files differ); main() returns `code`.
struct ExitStatus {
    int code = kExitOk;
};

void add_print_command(CLI::App& app);
void add_preflight_command(CLI::App& app);
void add_impose_command(CLI::App& app);
void add_typeset_command(CLI::App& app);
void add_video_command(CLI::App& app);
void add_transcode_command(CLI::App& app);
void add_concat_command(CLI::App& app);
void add_diff_command(CLI::App& app);
void add_proof_command(CLI::App& app);
void add_plan_command(CLI::App& app);
void add_run_job_command(CLI::App& app);
void add_jobs_command(CLI::App& app);
void add_watch_command(CLI::App& app);
void add_gallery_command(CLI::App& app);
void add_schema_command(CLI::App& app);
void add_check_command(CLI::App& app);
void add_fonts_command(CLI::App& app);

}  // namespace koho::cli
