// How `koho print` makes its PDF's colour: the layout's "color" and "pdfx"
// keys, overridden by --color, --profile and --pdfx; and the preflight the
// print PDF must pass before it is written.
#pragma once

#include <optional>
#include <string>

#include "model/document.h"
#include "print/color_manager.h"
#include "print/pdf_writer.h"

namespace koho::cli {

struct ColorArgs {
    std::string color;    // "", "cmyk" or "rgb"
    std::string profile;  // "" or a path (relative to the working directory)
    std::string pdfx;     // "", "4", "1a" or "none"
};

// The colour settings of this job. `profile` receives the output profile
// the result points to (it must outlive the PrintColor).
print::PrintColor resolve_print_color(const model::Document& document, const ColorArgs& args,
                                      std::optional<print::OutputProfile>& profile);

// PDF/X needs dates: SOURCE_DATE_EPOCH, or else the layout file's last
// modification, so the same file gives the same PDF.
std::optional<int64_t> pdf_date_epoch(const std::string& layout, bool required);

// Runs koho preflight on the print PDF about to be written: warnings go to
// stderr, errors stop the print (BadInput at the layout) with every finding
// listed.
void preflight_own_pdf(const std::string& bytes, const std::string& output, const std::string& layout,
                       double tac_percent);

}  // namespace koho::cli
