// Test helpers for the suites that drive Makefile.assets in a project of
// their own (tests/deps, tests/merge): the make command line, and every
// output's modification time, to see what a second make re-rendered.
#pragma once

#include <filesystem>
#include <map>
#include <string>

#include "support/command.h"

namespace koho::test {

// `make -f Makefile.assets FLAGS` in `project` with the koho under test and
// no profile rule (koho's default press profile). `media` is MEDIA= (the
// order-only media of every render; empty for none). A make of its own, not
// a sub-make of one that runs the tests: that one's MAKEFLAGS would name a
// jobserver this process does not have.
inline std::string assets_make(const std::filesystem::path& project, const std::string& media,
                               const std::string& flags) {
    return "cd " + shell_quote(project.string()) +
           " && env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make --no-print-directory -f " +
           shell_quote(std::string(KOHO_SOURCE_DIR) + "/Makefile.assets") + " KOHO=" + shell_quote(KOHO_BINARY) +
           " MEDIA=" + (media.empty() ? std::string() : shell_quote(media)) + " PROFILE= " + flags + " 2>&1";
}

// Every file under `dir` (relative path) and when it was last written.
inline std::map<std::string, std::filesystem::file_time_type> write_times_under(const std::filesystem::path& dir) {
    std::map<std::string, std::filesystem::file_time_type> times;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir))
        if (entry.is_regular_file()) times[std::filesystem::relative(entry.path(), dir).string()] = entry.last_write_time();
    return times;
}

}  // namespace koho::test
