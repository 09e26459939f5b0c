// How `koho print` makes its PDF's colour: the layout's "color" and "pdfx"
// keys, overridden by --color, --profile and --pdfx; and the preflight the
// print PDF must pass before it is written.
#pragma once

#include <future>
#include <optional>
#include <string>

#include "model/document.h"
#include "print/color_manager.h"
#include "print/pdf_writer.h"
#include "print/preflight.h"

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

// koho preflight of the print PDF about to be written, started on another
// thread as soon as the PDF is made, so that it runs while the proofs are
// drawn: it reads only the PDF's bytes (qpdf, Ghostscript, libtiff), none
// of which the proofs use. report() waits for it: warnings go to stderr,
// errors stop the print (BadInput at the layout) with every finding listed.
class OwnPreflight {
public:
    // `pdfx`: the PDF was made as PDF/X, so it must pass the PDF/X checks.
    OwnPreflight(std::string bytes, std::string output, std::string layout, double tac_percent, bool pdfx);
    void report();

private:
    std::string layout_;
    std::future<print::PreflightReport> report_;
};

}  // namespace koho::cli
