// StderrCapture (stderr_capture.h): dup2 a pipe onto fd 2, a thread tees it.
#include "cli/stderr_capture.h"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <iostream>

#include "core/diagnostic.h"

namespace koho::cli {

StderrCapture::StderrCapture() {
    std::fflush(stderr);
    std::cerr.flush();
    int ends[2];
    if (::pipe(ends) != 0) fail_system({}, "cannot capture a job's messages: pipe failed");
    saved_ = ::dup(2);
    if (saved_ < 0 || ::dup2(ends[1], 2) < 0) {
        ::close(ends[0]);
        ::close(ends[1]);
        if (saved_ >= 0) ::close(saved_);
        fail_system({}, "cannot capture a job's messages: dup failed");
    }
    ::close(ends[1]);  // fd 2 is now the only write end: restoring it ends the pipe
    read_end_ = ends[0];
    reader_ = std::thread([this] {
        char buffer[4096];
        for (;;) {
            const ssize_t got = ::read(read_end_, buffer, sizeof buffer);
            if (got < 0 && errno == EINTR) continue;
            if (got <= 0) break;
            kept_.append(buffer, static_cast<size_t>(got));
            for (ssize_t done = 0; done < got;) {
                const ssize_t put = ::write(saved_, buffer + done, static_cast<size_t>(got - done));
                if (put < 0 && errno == EINTR) continue;
                if (put <= 0) break;  // the log is gone: the messages are still kept
                done += put;
            }
        }
    });
}

std::string StderrCapture::finish() {
    if (finished_) return kept_;
    finished_ = true;
    std::fflush(stderr);
    std::cerr.flush();
    ::dup2(saved_, 2);  // closes the pipe's write end: the reader sees its end
    reader_.join();
    ::close(read_end_);
    ::close(saved_);
    return kept_;
}

StderrCapture::~StderrCapture() { finish(); }

}  // namespace koho::cli
