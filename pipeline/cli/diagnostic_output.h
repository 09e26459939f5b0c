// The one place koho's command line writes a diagnostic (error, warning,
// note) to stderr: as text, "FILE:LINE:COL: SEVERITY: MESSAGE (at /ptr)",
// or with --diagnostic-format json as one JSON object per line,
// {"severity","file","line","column","pointer","message"} with unknown
// fields left out, for CI.
#pragma once

#include <string>
#include <vector>

#include "core/diagnostic.h"

namespace koho::cli {

enum class DiagnosticFormat { Text, Json };

void set_diagnostic_format(DiagnosticFormat format);
DiagnosticFormat diagnostic_format();

// `from_koho`: in text, a diagnostic with no file is said by "koho: "
// (as "koho: warning: preflight: ..." always was).
void print_diagnostic(const SourceLoc& loc, const char* severity, const std::string& message, bool from_koho = false);
void print_error(const Error& error);

// The text line of a kept diagnostic, as print_diagnostic writes it in
// text ("koho: " when it has no file): a job's result file keeps these.
std::string diagnostic_text(const Diagnostic& diagnostic);

// While one is alive, every diagnostic printed on its thread is also kept
// in it, whichever format went to stderr: a manifest job's messages for
// its result file and for `koho watch`, never parsed back from stderr.
// The innermost recorder keeps them.
class DiagnosticRecorder {
public:
    DiagnosticRecorder();
    ~DiagnosticRecorder();
    DiagnosticRecorder(const DiagnosticRecorder&) = delete;
    DiagnosticRecorder& operator=(const DiagnosticRecorder&) = delete;

    const std::vector<Diagnostic>& recorded() const { return recorded_; }
    void record(Diagnostic diagnostic) { recorded_.push_back(std::move(diagnostic)); }

private:
    std::vector<Diagnostic> recorded_;
    DiagnosticRecorder* outer_;
};

// One diagnostic as the JSON line (without the newline): for tests and
// for the commands that print it.
std::string diagnostic_json(const SourceLoc& loc, const char* severity, const std::string& message);

}  // namespace koho::cli
