// Diagnostics: every error koho reports carries where it came from.
//
// A SourceLoc names the input file, the line and column of the JSON value at
// fault and its JSON pointer, so that a user can fix a layout from the
// message alone. Libraries below cli/ never print: they throw koho::Error,
// and the command line turns it into one message and an exit code.
#pragma once

#include <stdexcept>
#include <string>

namespace koho {

struct SourceLoc {
    std::string file;     // as the user named it (relative paths stay relative)
    int line = 0;         // 1-based; 0 when unknown
    int col = 0;          // 1-based; 0 when unknown
    std::string pointer;  // RFC 6901 JSON pointer, e.g. "/pages/3/frames/2/src"

    bool known() const { return line > 0; }
};

enum class ErrorKind {
    BadInput,  // the user's input is wrong: exit code 2
    Failure,   // koho or the system failed: exit code 1
};

class Error : public std::runtime_error {
public:
    Error(ErrorKind kind, SourceLoc loc, std::string message);

    ErrorKind kind() const { return kind_; }
    const SourceLoc& loc() const { return loc_; }
    const std::string& message() const { return message_; }

    // "FILE:LINE:COL: error: MESSAGE (at /json/pointer)"; parts that are
    // unknown are left out ("FILE: error: MESSAGE" when there is no line).
    std::string formatted() const;

    int exit_code() const { return kind_ == ErrorKind::BadInput ? 2 : 1; }

private:
    ErrorKind kind_;
    SourceLoc loc_;
    std::string message_;
};

[[noreturn]] void fail_input(const SourceLoc& loc, const std::string& message);
[[noreturn]] void fail_system(const SourceLoc& loc, const std::string& message);

// The message format on its own, for diagnostics that are not exceptions.
std::string format_diagnostic(const SourceLoc& loc, const char* severity,
                              const std::string& message);

// A diagnostic kept to be reported later (a render's warnings, a job's
// messages): libraries return these, the command line prints them.
struct Diagnostic {
    SourceLoc loc;
    std::string severity;  // "error", "warning" or "note"
    std::string message;

    std::string formatted() const { return format_diagnostic(loc, severity.c_str(), message); }
};

}  // namespace koho
