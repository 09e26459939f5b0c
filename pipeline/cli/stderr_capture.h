// What a job run in-process says on stderr, kept for its result file while
// it still reaches the terminal or the scheduler's log as it is written.
#pragma once

#include <string>
#include <thread>

namespace koho::cli {

// From construction to finish() (or destruction), file descriptor 2 is a
// pipe whose reader copies every byte to the original stderr and keeps it.
class StderrCapture {
public:
    StderrCapture();
    ~StderrCapture();
    StderrCapture(const StderrCapture&) = delete;
    StderrCapture& operator=(const StderrCapture&) = delete;

    // Restores stderr and returns everything written to it meanwhile.
    std::string finish();

private:
    int saved_ = -1;      // the original stderr
    int read_end_ = -1;
    std::string kept_;
    std::thread reader_;
    bool finished_ = false;
};

}  // namespace koho::cli
