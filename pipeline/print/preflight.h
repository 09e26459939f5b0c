// `koho preflight`: what a print shop's preflight would find in a PDF —
// any PDF, koho's or not, read with libqpdf; total ink measured on
// separations rendered by Ghostscript (print/separations.h).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace koho::print {

enum class Severity { Warning, Error };

struct Finding {
    std::string check;      // a stable id: "boxes", "fonts", "colorspace", "image_resolution",
                            // "tac", "rich_black", "hairline", "safe_zone", "pdfx"
    Severity severity = Severity::Error;
    int page = 0;           // 1-based; 0 for the document as a whole
    std::string message;
    // Where on the page, when the check knows a spot (tac: the first point
    // over the limit; safe_zone: the centre of the first text too near the
    // trim): mm across and down from the trim box's top-left corner. Lets
    // a proof pin the finding (koho gallery); not part of the JSON.
    bool placed = false;
    double x_mm = 0, y_mm = 0;
};

struct PreflightOptions {
    double tac_percent = 320;
    double min_ppi = 300;           // warning below; error below kErrorPpi
    double min_bleed_mm = 3;
    double safe_zone_mm = 3;
    double hairline_pt = 0.25;
    bool measure_tac = true;        // renders separations (Ghostscript)
    // The PDF must be PDF/X (what a print shop expects; `koho preflight`
    // always asks). `koho print --pdfx none` made a plain CMYK PDF on
    // purpose: its own preflight checks everything else.
    bool require_pdfx = true;
};

constexpr double kErrorPpi = 150;

struct PreflightReport {
    std::vector<Finding> findings;  // in page order, then check order
    bool ok() const;                // no errors (warnings allowed)
};

// `source_name` names the PDF in messages. Throws koho::Error (BadInput)
// when the bytes are not a PDF qpdf can read.
PreflightReport preflight_pdf(const std::string& pdf_bytes, const std::string& source_name,
                              const PreflightOptions& options);
PreflightReport preflight_file(const std::filesystem::path& path, const PreflightOptions& options);

// The human table and the JSON ({"ok": bool, "findings": [...]}).
std::string format_report_table(const PreflightReport& report, const std::string& source_name);
std::string format_report_json(const PreflightReport& report);

}  // namespace koho::print
