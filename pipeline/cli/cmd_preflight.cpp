// `koho preflight FILE.pdf [--json] [--tac N] [--min-ppi N]`: what a print
// shop's preflight would find in any PDF. The report goes to stdout (a
// table, or JSON with --json); when it holds an error, one line on stderr
// says so and the exit status is 1. An unreadable or non-PDF file is bad
// input (exit 2).
#include <iostream>
#include <memory>
#include <string>

#include "cli/commands.h"
#include "core/diagnostic.h"
#include "print/preflight.h"

namespace koho::cli {
namespace {

struct PreflightArgs {
    std::string file;
    bool json = false;
    print::PreflightOptions options;
};

void run_preflight(const PreflightArgs& args) {
    const print::PreflightReport report = print::preflight_file(args.file, args.options);
    std::cout << (args.json ? print::format_report_json(report) : print::format_report_table(report, args.file));
    std::cout.flush();
    if (!report.ok()) {
        size_t errors = 0;
        for (const print::Finding& f : report.findings) errors += f.severity == print::Severity::Error;
        fail_system({args.file}, "preflight found " + std::to_string(errors) + (errors == 1 ? " error" : " errors"));
    }
}

}  // namespace

void add_preflight_command(CLI::App& app) {
    auto args = std::make_shared<PreflightArgs>();
    auto* cmd = app.add_subcommand("preflight", "Check a PDF for print: boxes, fonts, colour, images, ink, PDF/X");
    cmd->add_option("file", args->file, "The PDF to check (any PDF, not only koho's)")->required();
    cmd->add_flag("--json", args->json, "Print {\"ok\": …, \"findings\": […]} instead of a table");
    cmd->add_option("--tac", args->options.tac_percent, "Total ink limit in percent")
        ->check(CLI::Range(1.0, 1000.0))
        ->capture_default_str();
    cmd->add_option("--min-ppi", args->options.min_ppi, "Image resolution below which to warn")
        ->check(CLI::Range(1.0, 100000.0))
        ->capture_default_str();
    cmd->callback([args]() { run_preflight(*args); });
}

}  // namespace koho::cli
