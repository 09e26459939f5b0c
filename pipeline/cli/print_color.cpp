#include "cli/print_color.h"

#include <chrono>
#include <cstdio>
#include <filesystem>

#include "cli/preflight_memo.h"
#include "core/fingerprint.h"
#include "cli/diagnostic_output.h"
#include "core/diagnostic.h"
#include "print/pdf_date.h"
#include "print/preflight.h"

namespace koho::cli {

namespace fs = std::filesystem;

print::PrintColor resolve_print_color(const model::Document& document, const ColorArgs& args,
                                      std::optional<print::OutputProfile>& profile) {
    const model::PrintSettings& settings = document.print;
    print::PrintColor color;
    color.layout = SourceLoc{document.file, 0, 0, ""};
    color.cmyk = settings.color_mode == model::PrintSettings::ColorMode::Cmyk;
    if (args.color == "rgb") color.cmyk = false;
    if (args.color == "cmyk") color.cmyk = true;

    switch (settings.pdfx) {
        case model::PrintSettings::Pdfx::X4: color.pdfx = print::PdfxLevel::X4; break;
        case model::PrintSettings::Pdfx::X1a: color.pdfx = print::PdfxLevel::X1a; break;
        case model::PrintSettings::Pdfx::None: color.pdfx = print::PdfxLevel::None; break;
    }
    if (!args.pdfx.empty()) {
        color.pdfx = *print::parse_pdfx_level(args.pdfx);  // CLI11 checked the word
    } else if (!color.cmyk) {
        color.pdfx = print::PdfxLevel::None;  // --color rgb alone: an RGB PDF claims no PDF/X
    } else if (args.color == "cmyk" && settings.color_mode == model::PrintSettings::ColorMode::Rgb) {
        color.pdfx = print::PdfxLevel::X4;    // --color cmyk on an RGB layout: the default CMYK job
    }
    if (!color.cmyk && color.pdfx != print::PdfxLevel::None)
        fail_input({"--pdfx"}, std::string(print::pdfx_level_name(color.pdfx)) +
                                   " needs CMYK output; drop --color rgb or use --pdfx none");

    color.settings.tac_percent = settings.tac_percent;
    color.settings.intent = settings.intent == model::PrintSettings::Intent::Perceptual
                                ? print::RenderingIntent::Perceptual
                                : print::RenderingIntent::RelativeColorimetric;
    color.settings.black_point_compensation = settings.black_point_compensation;

    if (!color.cmyk) {
        if (!args.profile.empty()) fail_input({"--profile"}, "an output profile applies to CMYK output only");
        return color;
    }
    if (!args.profile.empty())
        profile = print::load_output_profile(args.profile, SourceLoc{"--profile", 0, 0, ""});
    else if (!settings.profile.empty())
        profile = print::load_output_profile(settings.profile, settings.profile_loc);
    else
        profile = print::default_output_profile();
    color.profile = &*profile;
    return color;
}

std::optional<int64_t> pdf_date_epoch(const std::string& layout, bool required) {
    if (auto epoch = print::source_date_epoch_from_environment()) return epoch;
    if (!required) return std::nullopt;
    std::error_code ec;
    const auto changed = fs::last_write_time(layout, ec);
    if (ec) fail_system({layout}, "cannot read the layout's modification time: " + ec.message());
    const auto system = std::chrono::file_clock::to_sys(changed);
    return std::chrono::duration_cast<std::chrono::seconds>(system.time_since_epoch()).count();
}

OwnPreflight::OwnPreflight(std::string bytes, std::string output, std::string layout, double tac_percent,
                           bool pdfx)
    : layout_(std::move(layout)),
      report_(std::async(std::launch::async, [bytes = std::move(bytes), output = std::move(output), tac_percent,
                                              pdfx] {
          print::PreflightOptions options;
          options.tac_percent = tac_percent;
          options.require_pdfx = pdfx;
          print::PreflightReport report = print::preflight_pdf(bytes, output, options);
          // For the gallery `koho watch` writes next (preflight_memo.h).
          if (keeping_preflight_reports()) remember_preflight(content_fingerprint(bytes), options, report);
          return report;
      })) {}

void OwnPreflight::report() {
    const print::PreflightReport report = report_.get();
    std::string errors;
    int error_count = 0;
    for (const print::Finding& f : report.findings) {
        const std::string where = f.page > 0 ? "page " + std::to_string(f.page) + ": " : "";
        const std::string line = "[" + f.check + "] " + where + f.message;
        if (f.severity == print::Severity::Warning) {
            print_diagnostic({}, "warning", "preflight: " + line, /*from_koho=*/true);
        } else {
            errors += "\n  " + line;
            ++error_count;
        }
    }
    if (error_count > 0)
        fail_input({layout_}, "the print PDF fails preflight with " + std::to_string(error_count) +
                                 (error_count == 1 ? " error" : " errors") + " (nothing written; --no-preflight skips the check):" +
                                 errors);
}

}  // namespace koho::cli
