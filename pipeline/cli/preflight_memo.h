// The preflight reports this process has made, by the PDF's bytes and the
// options they were made with. `koho watch` renders a PDF, which preflights
// it before writing it, then writes the gallery, which shows the same
// PDF's findings: it finds them here instead of running Ghostscript over
// the same bytes again.
#pragma once

#include <optional>
#include <string>

#include "print/preflight.h"

namespace koho::cli {

// Only a process that writes a gallery after its renders (koho watch) asks
// for the reports to be kept; any other render does not hash its PDF for
// nothing. Off until called.
void keep_preflight_reports();
bool keeping_preflight_reports();

// By the PDF's content_fingerprint (core/fingerprint.h). Thread-safe (a
// print's preflight runs beside its proofs). The last few reports are kept.
void remember_preflight(const std::string& fingerprint, const print::PreflightOptions& options,
                        const print::PreflightReport& report);
std::optional<print::PreflightReport> recall_preflight(const std::string& fingerprint,
                                                       const print::PreflightOptions& options);

}  // namespace koho::cli
