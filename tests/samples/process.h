// Runs a command line for a test and captures what it printed.
#pragma once

#include <string>

namespace koho::testing {

struct ProcessResult {
    int exit_code = -1;
    std::string out;  // stdout and stderr, interleaved
};

// Runs `command` through /bin/sh (tests only: koho itself never runs a shell).
ProcessResult run_command(const std::string& command);

std::string shell_quote(const std::string& text);

}  // namespace koho::testing
