#include "cli/diagnostic_output.h"

#include <cstdio>

#include <nlohmann/json.hpp>

namespace koho::cli {
namespace {
DiagnosticFormat g_diagnostic_format = DiagnosticFormat::Text;
thread_local DiagnosticRecorder* t_recorder = nullptr;
}  // namespace

DiagnosticRecorder::DiagnosticRecorder() : outer_(t_recorder) { t_recorder = this; }
DiagnosticRecorder::~DiagnosticRecorder() { t_recorder = outer_; }

std::string diagnostic_text(const Diagnostic& diagnostic) {
    return (diagnostic.loc.file.empty() ? "koho: " : "") + diagnostic.formatted();
}

void set_diagnostic_format(DiagnosticFormat format) { g_diagnostic_format = format; }
DiagnosticFormat diagnostic_format() { return g_diagnostic_format; }

std::string diagnostic_json(const SourceLoc& loc, const char* severity, const std::string& message) {
    // Keys in a fixed order (ordered_json) so CI logs diff cleanly.
    nlohmann::ordered_json object;
    object["severity"] = severity;
    if (!loc.file.empty()) object["file"] = loc.file;
    if (loc.line > 0) object["line"] = loc.line;
    if (loc.col > 0) object["column"] = loc.col;
    if (!loc.pointer.empty()) object["pointer"] = loc.pointer;
    object["message"] = message;
    // A message quoting a user's broken bytes must still be one valid line.
    return object.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void print_diagnostic(const SourceLoc& loc, const char* severity, const std::string& message, bool from_koho) {
    std::string line;
    if (g_diagnostic_format == DiagnosticFormat::Json)
        line = diagnostic_json(loc, severity, message);
    else
        line = (from_koho && loc.file.empty() ? "koho: " : "") + format_diagnostic(loc, severity, message);
    std::fprintf(stderr, "%s\n", line.c_str());
    std::fflush(stderr);
    if (t_recorder) t_recorder->record({loc, severity, message});
}

void print_error(const Error& error) { print_diagnostic(error.loc(), "error", error.message()); }

}  // namespace koho::cli
