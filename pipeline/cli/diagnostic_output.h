// The one place koho's command line writes a diagnostic (error, warning,
// note) to stderr: as text, "FILE:LINE:COL: SEVERITY: MESSAGE (at /ptr)",
// or with --diagnostic-format json as one JSON object per line,
// {"severity","file","line","column","pointer","message"} with unknown
// fields left out, for CI.
#pragma once

#include <string>

#include "core/diagnostic.h"

namespace koho::cli {

enum class DiagnosticFormat { Text, Json };

void set_diagnostic_format(DiagnosticFormat format);
DiagnosticFormat diagnostic_format();

// `from_koho`: in text, a diagnostic with no file is said by "koho: "
// (as "koho: warning: preflight: ..." always was).
void print_diagnostic(const SourceLoc& loc, const char* severity, const std::string& message, bool from_koho = false);
void print_error(const Error& error);

// One diagnostic as the JSON line (without the newline): for tests and
// for the commands that print it.
std::string diagnostic_json(const SourceLoc& loc, const char* severity, const std::string& message);

}  // namespace koho::cli
