// `koho diff OLD.pdf NEW.pdf [-o REPORT.png|REPORT.html]`: what changed
// between two editions of a PDF, page by page, as pixels (pipeline/proof).
// The summary goes to stdout; the report, if asked for, is written
// atomically. The exit status follows cmp(1) and diff(1): 0 the pages look
// the same, 1 they differ, 2 trouble (a file that is not a readable PDF, a
// bad option, a report that cannot be written) — so any koho failure is 2
// here, never 1, which means "different".
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include "cli/commands.h"
#include "cli/font_dirs.h"
#include "core/atomic_file.h"
#include "core/diagnostic.h"
#include "proof/diff_report.h"
#include "proof/pdf_diff.h"
#include "proof/sheet_text.h"
#include "text/font_context.h"

namespace koho::cli {
namespace {

namespace fs = std::filesystem;

struct DiffArgs {
    std::string old_file, new_file, output;
    proof::DiffOptions options;
    bool quiet = false;
};

enum class DiffReportKind { None, Png, Html };

DiffReportKind diff_report_kind(const std::string& output) {
    if (output.empty()) return DiffReportKind::None;
    std::string ext = fs::path(output).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    if (ext == ".png") return DiffReportKind::Png;
    if (ext == ".html" || ext == ".htm") return DiffReportKind::Html;
    fail_input({output}, "the report is a .png or an .html file");
}

void run_diff(const DiffArgs& args) {
    const DiffReportKind kind = diff_report_kind(args.output);
    // The report's place is taken first: an unwritable -o fails before the work.
    std::optional<AtomicFile> report;
    if (kind != DiffReportKind::None) report.emplace(args.output);
    std::unique_ptr<proof::SheetText> labels;
    if (kind == DiffReportKind::Png)
        labels = std::make_unique<proof::SheetText>(text::FontContext::create(font_directories(".", {})),
                                                    "Noto Sans CJK JP");
    std::optional<proof::DiffPngReport> png;
    std::optional<proof::DiffHtmlReport> html;
    if (kind == DiffReportKind::Png) png.emplace(*labels);
    if (kind == DiffReportKind::Html) html.emplace();

    const proof::DocumentDiff diff =
        proof::diff_pdfs(args.old_file, args.new_file, args.options, [&](const proof::PageImages& page) {
            if (png) png->add(page);
            if (html) html->add(page);
        });
    if (report) {
        report->write(png ? png->finish(diff) : html->finish(diff));
        report->commit();
    }
    if (!args.quiet) std::cout << proof::diff_summary_text(diff) << std::flush;
    throw ExitStatus{diff.identical() ? kExitOk : kExitFailure};
}

}  // namespace

void add_diff_command(CLI::App& app) {
    auto args = std::make_shared<DiffArgs>();
    auto* cmd = app.add_subcommand("diff", "Compare two PDFs page by page as pixels and report what changed");
    cmd->description(
        "Compare two PDFs page by page as pixels and report what changed\n"
        "Both are drawn at --dpi and compared pixel by pixel; pages are paired by number. The summary\n"
        "(stdout) names each page that differs and boxes its changes in mm from the trim box's top-left.");
    cmd->add_option("old", args->old_file, "The earlier PDF")->required()->type_name("OLD.pdf");
    cmd->add_option("new", args->new_file, "The later PDF")->required()->type_name("NEW.pdf");
    cmd->add_option("-o,--output", args->output,
                    "Also write a report: .png (the pages that differ, old | new | changes) or .html (every page)")
        ->type_name("REPORT");
    cmd->add_option("--dpi", args->options.dpi, "Resolution of the comparison (10..1200)")->default_val(100);
    cmd->add_option("--threshold", args->options.threshold,
                    "Per-channel tolerance 0..255: smaller differences (anti-aliasing) are not changes")
        ->default_val(16);
    cmd->add_option("--group", args->options.group_mm, "Changes closer than this many mm are one region")
        ->default_val(3);
    cmd->add_flag("-q,--quiet", args->quiet, "No summary on stdout; the exit status says it all");
    cmd->footer(
        "Exit status (as cmp and diff): 0 no page differs, 1 some page differs (changed, added or\n"
        "removed), 2 trouble: a file that is missing, not a PDF, damaged or encrypted, a bad option,\n"
        "a report that cannot be written. On 2 no report is written.");
    cmd->callback([args] {
        try {
            run_diff(*args);
        } catch (const Error& e) {
            // Every failure is trouble (2): 1 is reserved for "they differ".
            throw Error(ErrorKind::BadInput, e.loc(), e.message());
        } catch (const std::exception& e) {
            throw Error(ErrorKind::BadInput, SourceLoc{"koho diff"}, e.what());
        }
    });
}

}  // namespace koho::cli
