// Runs a program with a time limit, the way the bad-input suite needs it:
// in a given working directory, stdout and stderr captured, and killed
// (its whole process group) when it runs past the limit, so that a hang is
// a failed case rather than a stuck test run. Tests only.
#pragma once

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

namespace koho::test {

struct BoundedRun {
    bool started = false;   // false: fork or exec failed (see `err`)
    bool timed_out = false; // killed after the limit
    int exit_code = -1;     // when it exited normally
    int signal = 0;         // when a signal ended it (a crash, or our kill)
    std::chrono::milliseconds elapsed{0};
    std::string out;
    std::string err;
};

// `argv[0]` is the program's path. The child gets a process group of its
// own; on timeout the group is sent SIGKILL.
BoundedRun run_bounded(const std::vector<std::string>& argv, const std::filesystem::path& cwd,
                       std::chrono::milliseconds limit);

}  // namespace koho::test
