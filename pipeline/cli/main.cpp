// koho — JSON layouts to print-ready PDF, JSON timelines to video.
#include <clocale>
#include <iostream>

#include "cli/commands.h"
#include "cli/diagnostic_output.h"
#include "cli/version_text.h"
#include "core/build_info.h"
#include "core/diagnostic.h"

int main(int argc, char** argv) {
    // Numbers in PDF, JSON and messages never depend on the user's locale.
    std::setlocale(LC_ALL, "C");

    CLI::App app{"koho — batch engine for print and media assets: JSON layouts to print-ready PDF, JSON timelines to upload-ready video"};
    app.set_version_flag("--version", koho::cli::version_text());
    app.require_subcommand(1);
    // Before the subcommand: how every diagnostic below is written.
    app.add_option_function<std::string>(
           "--diagnostic-format",
           [](const std::string& format) {
               koho::cli::set_diagnostic_format(format == "json" ? koho::cli::DiagnosticFormat::Json
                                                                 : koho::cli::DiagnosticFormat::Text);
           },
           "text (FILE:LINE:COL: error: MESSAGE) or json: one JSON object per diagnostic and line, for CI")
        ->check(CLI::IsMember({"text", "json"}))
        ->type_name("text|json")
        ->trigger_on_parse();
    koho::cli::add_print_command(app);
    koho::cli::add_preflight_command(app);
    koho::cli::add_impose_command(app);
    koho::cli::add_typeset_command(app);
    koho::cli::add_video_command(app);
    koho::cli::add_transcode_command(app);
    koho::cli::add_concat_command(app);
    koho::cli::add_diff_command(app);
    koho::cli::add_proof_command(app);
    koho::cli::add_gallery_command(app);
    koho::cli::add_plan_command(app);
    koho::cli::add_run_job_command(app);
    koho::cli::add_jobs_command(app);
    koho::cli::add_watch_command(app);
    koho::cli::add_check_command(app);
    koho::cli::add_schema_command(app);
    koho::cli::add_fonts_command(app);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        // A command line koho cannot take is a diagnostic like any other:
        // JSON too when asked for (help and --version are not errors).
        if (e.get_exit_code() != 0 && koho::cli::diagnostic_format() == koho::cli::DiagnosticFormat::Json) {
            koho::cli::print_diagnostic({}, "error", e.what(), /*from_koho=*/true);
            return koho::cli::kExitBadInput;
        }
        int code = app.exit(e);
        return code == 0 ? koho::cli::kExitOk : koho::cli::kExitBadInput;
    } catch (const koho::cli::ExitStatus& status) {
        return status.code;
    } catch (const koho::Error& e) {
        koho::cli::print_error(e);
        return e.exit_code();
    } catch (const std::exception& e) {
        koho::cli::print_diagnostic({}, "error", e.what(), /*from_koho=*/true);
        return koho::cli::kExitFailure;
    }
    return koho::cli::kExitOk;
}
