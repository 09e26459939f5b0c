#include "core/diagnostic.h"

namespace koho {

std::string format_diagnostic(const SourceLoc& loc, const char* severity,
                              const std::string& message) {
    std::string out;
    if (!loc.file.empty()) {
        out += loc.file;
        if (loc.line > 0) {
            out += ':' + std::to_string(loc.line);
            if (loc.col > 0) out += ':' + std::to_string(loc.col);
        }
        out += ": ";
    }
    out += severity;
    out += ": ";
    out += message;
    if (!loc.pointer.empty()) out += " (at " + loc.pointer + ")";
    return out;
}

Error::Error(ErrorKind kind, SourceLoc loc, std::string message)
    : std::runtime_error(format_diagnostic(loc, "error", message)),
      kind_(kind), loc_(std::move(loc)), message_(std::move(message)) {}

std::string Error::formatted() const { return what(); }

void fail_input(const SourceLoc& loc, const std::string& message) {
    throw Error(ErrorKind::BadInput, loc, message);
}

void fail_system(const SourceLoc& loc, const std::string& message) {
    throw Error(ErrorKind::Failure, loc, message);
}

}  // namespace koho
